// 首页: this month's completion, the term's months as a bar, the overdue and due counts and the grid's holes
// (classes, dorms, 困难生 without a cadre: 网格) per 二级学院, the latest contacts,
// and the number keys of every screen — in the terminal's height: with many colleges the latest
// contacts give way first, then the colleges that do not fit are counted on one line (a frame taller
// than the terminal scrolls, and ink then draws the title line again over the old one).
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import {
  monthCompletion,
  monthCompletionFromDigest,
  termCompletion,
  termCompletionFromDigest,
} from '../../domain/completion.js';
import { contactHistory } from '../../domain/contacts.js';
import { coverage, holesByCollege } from '../../domain/coverage.js';
import { cadreNameById, targetLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { OverdueRow } from '../../domain/overdue.js';
import { overdueCountsByCollege } from '../../domain/overdue-digest.js';
import { DUTY_LABELS } from '../../domain/vocabulary.js';
import { DataFileLine } from '../components/data-file.js';
import { flow, Line } from '../components/layout.js';
import { StatusBar, useMessageLines } from '../components/status-bar.js';
import { termBar, termBarHeading } from '../components/term-bar.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useKeys } from '../keyboard.js';
import { HOME_KEYS, homeKeys } from '../keys.js';
import { routeTo } from '../routes.js';
import { LATEST_CONTACTS } from '../start-data.js';
import { Table } from '../table.js';
import { useUi } from '../ui-context.js';

export function HomeScreen() {
  const { data, idx, digest, today, readOnly, go } = useUi();
  const keys = homeKeys(readOnly);
  const { columns, rows } = useTerminalSize();
  const completion = useMemo(
    () => (digest ? monthCompletionFromDigest(digest, data.colleges, today) : monthCompletion(data, idx, today)),
    [digest, data, idx, today],
  );
  const term = useMemo(
    () =>
      new Map(
        (digest ? termCompletionFromDigest(digest, data.colleges, today) : termCompletion(data, idx, today)).map(
          (c) => [c.collegeId, c],
        ),
      ),
    [digest, data, idx, today],
  );
  // Below 80 columns the months give their place to the college's name (the 空缺 column took it).
  const termHeading = columns >= 80 ? termBarHeading(term.values().next().value?.months ?? []) : termBarHeading([]);
  useKeys((input, _key, is) => {
    const target = is('openScreen') ? keys.find((k) => k.key === input) : undefined;
    if (target) go(routeTo(target.screen));
  });
  const owed = useOwed();
  const holes = useMemo(() => holesByCollege(coverage(data, idx, today), idx), [data, idx, today]);
  const perCollege = completion.map((c) => {
    const name = idx.collegeById.get(c.collegeId)?.name ?? '';
    const counts = owed.of(c.collegeId, name);
    return {
      学院: safeText(name),
      本月完成: c.owed === 0 ? '无应办' : `${c.met}/${c.owed}（${Math.round((c.met / c.owed) * 100)}%）`,
      [termHeading]: termBar(term.get(c.collegeId) ?? { months: [], classes: { owed: 0, met: 0 } }),
      逾期: counts.overdue,
      待完成: counts.due,
      空缺: holes.get(c.collegeId) ?? 0,
    };
  });
  const latestAll = contactHistory(data, idx)
    .slice(0, LATEST_CONTACTS)
    .map((c) => ({
      日期: c.date,
      干部: safeText(cadreNameById(idx, c.cadreId)),
      类型: DUTY_LABELS[c.duty],
      对象: safeText(targetLabel(idx, c.duty, c.targetId)),
      形式: c.form,
    }));
  const keyLines = flow(
    '',
    keys.map((k) => `${k.key} ${k.label}`),
    columns,
  );
  const messageLines = useMessageLines();
  // The frame's title, the 逾期 line, the colleges' table head (2), 最新联系, the data file and the status bar: 8 lines.
  const budget = rows - 8 - keyLines.length - messageLines;
  const latestLines = (n: number) => (n > 0 ? 2 + n : 1);
  let latestShown = latestAll.length;
  while (latestShown > 1 && perCollege.length + latestLines(latestShown) > budget) latestShown -= 1;
  const collegesShown =
    perCollege.length + latestLines(latestShown) <= budget
      ? perCollege.length
      : Math.max(1, budget - latestLines(latestShown) - 1);
  const hidden = perCollege.slice(collegesShown);
  const latest = latestAll.slice(0, latestShown);
  const overdueKey = HOME_KEYS.find((k) => k.screen === 'overdue')?.key ?? '';
  return (
    <Box flexDirection="column">
      <Text>
        逾期 {owed.total.overdue} 项 · 待完成 {owed.total.due} 项
      </Text>
      <Table data={perCollege.slice(0, collegesShown)} />
      {hidden.length > 0 && (
        <Line>
          ……另有 {hidden.length} 个学院（逾期 {hidden.reduce((n, c) => n + c.逾期, 0)}、待完成{' '}
          {hidden.reduce((n, c) => n + c.待完成, 0)}）：按 {overdueKey} 看逾期
        </Line>
      )}
      <Text bold>最新联系</Text>
      {latest.length > 0 ? <Table data={latest} maxWidth={16} /> : <Text>（暂无联系记录）</Text>}
      {keyLines.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <DataFileLine />
      <StatusBar commands={['openScreen']} />
    </Box>
  );
}

interface Counts {
  overdue: number;
  due: number;
}

/**
 * 逾期 and 待完成 in all and per college: from the digest without the report's rows (ui.report is made
 * when first read), else counted in the rows.
 */
function useOwed(): { total: Counts; of: (collegeId: string, name: string) => Counts } {
  const ui = useUi();
  const { digest, data, today } = ui;
  // ui.report is a function of these (the digest answers for `data`).
  return useMemo(() => {
    if (digest) {
      const counts = overdueCountsByCollege(digest, today);
      const total = { overdue: 0, due: 0 };
      for (const c of counts.values()) {
        total.overdue += c.overdue;
        total.due += c.due;
      }
      return { total, of: (id) => counts.get(id) ?? { overdue: 0, due: 0 } };
    }
    const rows = ui.report.rows;
    const count = (status: OverdueRow['status'], name?: string) =>
      rows.filter((r) => r.status === status && (name === undefined || r.college === name)).length;
    return {
      total: { overdue: count('overdue'), due: count('due') },
      of: (_id, name) => ({ overdue: count('overdue', name), due: count('due', name) }),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ui.report is a function of these
  }, [digest, data, today]);
}
