// 逾期: the SPEC's overdue and due rows, filtered by college (c), duty (t) and status (s);
// Enter opens the cadre, l logs a contact for the selected row, m opens 催办.
import { Box } from 'ink';
import { useMemo, useState } from 'react';
import { targetIdsOfLabel } from '../../domain/contact-targets.js';
import { cadreNameById } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import { DUTIES, DUTY_LABELS, type Duty } from '../../domain/vocabulary.js';
import { ListView } from '../components/list-view.js';
import { StatusBar } from '../components/status-bar.js';
import { useListNav } from '../hooks/use-list-nav.js';
import { useKeys } from '../keyboard.js';
import { useUi } from '../ui-context.js';
import { flow, Line } from '../components/layout.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';

const STATUSES = ['overdue', 'due'] as const;
const STATUS_LABELS = { overdue: '逾期', due: '待完成' } as const;

/** The next value in [undefined, ...values], so a key cycles through 全部 and each value. */
function cycle<T>(values: readonly T[], current: T | undefined): T | undefined {
  const at = current === undefined ? -1 : values.indexOf(current);
  return at + 1 < values.length ? values[at + 1] : undefined;
}

export function OverdueScreen() {
  const { data, idx, report, go, back } = useUi();
  const [college, setCollege] = useState<string | undefined>();
  const [duty, setDuty] = useState<Duty | undefined>();
  const [status, setStatus] = useState<(typeof STATUSES)[number] | undefined>();
  const rows = useMemo(
    () =>
      report.rows.filter(
        (r) => (!college || r.college === college) && (!duty || r.duty === duty) && (!status || r.status === status),
      ),
    [report, college, duty, status],
  );
  // Every filter in sight: the heading takes more lines, broken only between its parts, rather than
  // being cut; the list gives it those lines.
  const { columns } = useTerminalSize();
  const heading = flow(
    '',
    [
      '逾期',
      `共 ${rows.length} 项`,
      `学院：${safeText(college ?? '全部')}`,
      `类型：${duty ? DUTY_LABELS[duty] : '全部'}`,
      `状态：${status ? STATUS_LABELS[status] : '全部'}`,
    ],
    columns,
    ' · ',
  );
  const nav = useListNav(rows.length, 9 + heading.length);
  const row = rows[nav.selected];
  useKeys((input, key, is) => {
    if (nav.onKey(input, key, is)) return;
    if (is('back')) back();
    else if (is('byCollege'))
      setCollege((c) =>
        cycle(
          data.colleges.map((x) => x.name),
          c,
        ),
      );
    else if (is('byDuty')) setDuty((d) => cycle(DUTIES, d));
    else if (is('byStatus')) setStatus((s) => cycle(STATUSES, s));
    else if (is('openCadre') && row) go({ name: 'cadres', cadreId: row.cadreId });
    else if (is('openRemind')) go({ name: 'remind' });
    // A dorm row with scope 任一 names several dorms: the first is offered, the form lets the user change it.
    // An overdue row's window is over: the date offered is its last day, so saving clears that row.
    else if (is('logFor') && row) {
      const window = row.status === 'overdue' ? { start: row.windowStart, end: row.windowEnd } : undefined;
      go({
        name: 'log',
        preset: {
          cadreId: row.cadreId,
          duty: row.duty,
          targetId: targetIdsOfLabel(idx, row.duty, row.target)[0],
          window,
        },
      });
    }
  });
  // One college shown (filtered, or the only one she sees): its name on every row says nothing.
  const oneCollege = college !== undefined || data.colleges.length <= 1;
  // 逾期56天 and 剩56天 say the status with the days.
  const shown = rows.slice(nav.top, nav.top + nav.height).map((r) => ({
    状态: r.status === 'overdue' ? `逾期${r.days}天` : `剩${r.days}天`,
    干部: safeText(cadreNameById(idx, r.cadreId) || r.cadre),
    ...(oneCollege ? {} : { 学院: safeText(r.college) }),
    类型: DUTY_LABELS[r.duty],
    对象: safeText(r.target),
    窗口: `${r.windowStart.slice(5)}~${r.windowEnd.slice(5)}`,
  }));
  return (
    <Box flexDirection="column">
      {heading.map((line) => (
        <Line key={line}>{line}</Line>
      ))}
      <ListView
        visible={shown}
        total={rows.length}
        selected={nav.selected}
        top={nav.top}
        empty="没有符合条件的逾期或待完成联系"
        maxWidth={16}
      />
      <StatusBar commands={['move', 'byCollege', 'byDuty', 'byStatus', 'openCadre', 'logFor', 'openRemind', 'back']} />
    </Box>
  );
}
