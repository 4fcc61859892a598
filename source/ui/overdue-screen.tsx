// 逾期: SPEC's overdue/due rows; only the rows that fit the terminal are rendered.
import { Box, Text, useInput, useStdout } from 'ink';
import { useState } from 'react';
import type { OverdueRow } from '../domain/overdue.js';
import { DUTY_LABELS } from '../domain/schema.js';
import { safeText } from '../domain/safe-text.js';
import { Table } from './table.js';

export function OverdueScreen({ rows }: { rows: OverdueRow[] }) {
  const { stdout } = useStdout();
  const visible = Math.max(3, (stdout.rows || 24) - 8);
  const [selected, setSelected] = useState(0);
  useInput((input, key) => {
    if (input === 'j' || key.downArrow) setSelected((s) => Math.min(rows.length - 1, s + 1));
    if (input === 'k' || key.upArrow) setSelected((s) => Math.max(0, s - 1));
  });
  const top = Math.min(Math.max(0, selected - visible + 1), Math.max(0, rows.length - visible));
  const data = rows.slice(top, top + visible).map((r, i) => ({
    状态: `${top + i === selected ? '>' : ' '}${r.status === 'overdue' ? '逾期' : '待完成'}`,
    天数: r.status === 'overdue' ? `逾期${r.days}天` : `剩${r.days}天`,
    干部: safeText(r.cadre),
    学院: safeText(r.college),
    类型: DUTY_LABELS[r.duty],
    对象: safeText(r.target),
    窗口: `${r.windowStart.slice(5)}~${r.windowEnd.slice(5)}`,
  }));
  return (
    <Box flexDirection="column">
      <Text>
        共 {rows.length} 项 · 第 {rows.length === 0 ? 0 : selected + 1} 项
      </Text>
      {rows.length > 0 ? <Table data={data} maxWidth={22} /> : <Text>没有逾期或待完成的联系</Text>}
    </Box>
  );
}
