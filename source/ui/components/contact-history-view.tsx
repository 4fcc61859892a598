// A cadre's (or everyone's) contacts, newest first, as many as fit.
import { Box, Text } from 'ink';
import { contactHistory, type ContactFilter } from '../../domain/contacts.js';
import { cadreNameById, targetLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import { DUTY_LABELS, type Contact } from '../../domain/schema.js';
import { Table } from '../table.js';
import { Line } from './layout.js';
import { useUi } from '../ui-context.js';

export function ContactHistoryView({ filter, limit, only }: { filter: ContactFilter; limit: number; only?: (c: Contact) => boolean }) {
  const { data, idx } = useUi();
  const all = contactHistory(data, idx, filter).filter((c) => !only || only(c));
  const rows = all.slice(0, Math.max(1, limit)).map((c) => ({
    日期: c.date,
    干部: safeText(cadreNameById(idx, c.cadreId)),
    类型: DUTY_LABELS[c.duty],
    对象: safeText(targetLabel(idx, c.duty, c.targetId)),
    形式: c.form,
    备注: safeText(c.note),
  }));
  return (
    <Box flexDirection="column">
      <Line bold>联系记录（共 {all.length} 条{all.length > rows.length ? `，显示最近 ${rows.length} 条` : ''}）</Line>
      {rows.length > 0 ? <Table data={rows} maxWidth={14} /> : <Text>（暂无联系记录）</Text>}
    </Box>
  );
}
