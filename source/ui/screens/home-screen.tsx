// 首页: this month's completion and the overdue and due counts per 二级学院, the latest contacts,
// and the number keys of every screen.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { monthCompletion } from '../../domain/completion.js';
import { contactHistory } from '../../domain/contacts.js';
import { cadreNameById, targetLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import { DUTY_LABELS } from '../../domain/vocabulary.js';
import { DataFileLine } from '../components/data-file.js';
import { flow } from '../components/layout.js';
import { StatusBar } from '../components/status-bar.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useKeys } from '../keyboard.js';
import { HOME_KEYS } from '../keys.js';
import { routeTo } from '../routes.js';
import { Table } from '../table.js';
import { useUi } from '../ui-context.js';

export function HomeScreen() {
  const { data, idx, report, today, go } = useUi();
  const { columns } = useTerminalSize();
  const completion = useMemo(() => monthCompletion(data, idx, today), [data, idx, today]);
  useKeys((input, _key, is) => {
    const target = is('openScreen') ? HOME_KEYS.find((k) => k.key === input) : undefined;
    if (target) go(routeTo(target.screen));
  });
  const overdue = report.rows.filter((r) => r.status === 'overdue').length;
  const perCollege = completion.map((c) => {
    const name = idx.collegeById.get(c.collegeId)?.name ?? '';
    return {
      学院: safeText(name),
      本月完成: c.owed === 0 ? '无应办' : `${c.met}/${c.owed}（${Math.round((c.met / c.owed) * 100)}%）`,
      逾期: report.rows.filter((r) => r.college === name && r.status === 'overdue').length,
      待完成: report.rows.filter((r) => r.college === name && r.status === 'due').length,
    };
  });
  const latest = contactHistory(data, idx)
    .slice(0, 5)
    .map((c) => ({
      日期: c.date,
      干部: safeText(cadreNameById(idx, c.cadreId)),
      类型: DUTY_LABELS[c.duty],
      对象: safeText(targetLabel(idx, c.duty, c.targetId)),
      形式: c.form,
    }));
  return (
    <Box flexDirection="column">
      <Text>
        逾期 {overdue} 项 · 待完成 {report.rows.length - overdue} 项
      </Text>
      <Table data={perCollege} />
      <Text bold>最新联系</Text>
      {latest.length > 0 ? <Table data={latest} maxWidth={16} /> : <Text>（暂无联系记录）</Text>}
      {flow('', HOME_KEYS.map((k) => `${k.key} ${k.label}`), columns).map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <DataFileLine />
      <StatusBar commands={['openScreen']} />
    </Box>
  );
}
