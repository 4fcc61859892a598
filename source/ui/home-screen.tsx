// 首页: counts of overdue and due items per 二级学院, and the latest contacts.
import { Box, Text } from 'ink';
import { contactHistory } from '../domain/contacts.js';
import type { Indexes } from '../domain/indexes.js';
import { targetLabel } from '../domain/labels.js';
import type { OverdueReport } from '../domain/overdue.js';
import { DUTY_LABELS, type Datastore } from '../domain/schema.js';
import { safeText } from '../domain/safe-text.js';
import { Table } from './table.js';

export function HomeScreen({ data, idx, report }: { data: Datastore; idx: Indexes; report: OverdueReport }) {
  const overdue = report.rows.filter((r) => r.status === 'overdue').length;
  const perCollege = data.colleges.map((c) => ({
    学院: c.name,
    逾期: report.rows.filter((r) => r.college === c.name && r.status === 'overdue').length,
    待完成: report.rows.filter((r) => r.college === c.name && r.status === 'due').length,
  }));
  const latest = contactHistory(data, idx)
    .slice(0, 8)
    .map((c) => ({
      日期: c.date,
      干部: safeText(idx.cadreById.get(c.cadreId)?.name ?? ''),
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
      {latest.length > 0 ? <Table data={latest} /> : <Text>（暂无联系记录）</Text>}
    </Box>
  );
}
