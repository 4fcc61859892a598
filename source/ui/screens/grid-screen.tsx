// 网格: the grid's holes today (coverage.ts) — classes, dorms and 困难生 without a cadre, the free cadres,
// the assignments ending within 30 days. Enter on a class opens 分配 with its college's free cadres
// first; Enter on a dorm or a 困难生 adds it to its class's cadre after y/n; p pairs the new classes.
import { Box } from 'ink';
import { useMemo, useState } from 'react';
import { coverage, coverageRows, ENDING_WITHIN_DAYS } from '../../domain/coverage.js';
import { safeText } from '../../domain/safe-text.js';
import { coverDormOperation, coverStudentOperation } from '../../operations/new-year.js';
import { Confirm } from '../components/confirm.js';
import { flow, Line } from '../components/layout.js';
import { ListView } from '../components/list-view.js';
import { StatusBar } from '../components/status-bar.js';
import { useListNav } from '../hooks/use-list-nav.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { WithKeys, type KeyHandler } from '../keyboard.js';
import { failureText, useUi } from '../ui-context.js';

type Hole = { kind: '班级' | '寝室' | '困难生' | '空闲干部' | '即将结束'; id: string; what: string; about: string };
/** The holes Enter closes (a free cadre or an ending assignment is only shown). */
const CLOSES = new Set<Hole['kind']>(['班级', '寝室', '困难生']);

export function GridScreen() {
  const { data, idx, today, scope, go, back, preview, run, say } = useUi();
  const holes = useMemo((): Hole[] => {
    const c = coverage(data, idx, today, scope);
    const r = coverageRows(c, idx);
    return [
      ...r.classes.map((x, i): Hole => ({ kind: '班级', id: c.classes[i]!.id, what: x.class, about: x.college })),
      ...r.dorms.map((x, i): Hole => ({
        kind: '寝室',
        id: c.dorms[i]!.dormId,
        what: x.dorm,
        about: x.classes.join('、'),
      })),
      ...r.students.map((x, i): Hole => ({
        kind: '困难生',
        id: c.students[i]!.studentId,
        what: x.name,
        about: x.class,
      })),
      ...r.freeCadres.map((x, i): Hole => ({
        kind: '空闲干部',
        id: c.freeCadres[i]!.cadre.id,
        what: x.cadre,
        about: `${x.college} · ${x.since ? `自 ${x.since.date}（${x.since.reason}）` : '从未分配'}`,
      })),
      ...r.ending.map((x, i): Hole => ({
        kind: '即将结束',
        id: c.ending[i]!.assignment.id,
        what: x.cadre,
        about: `${x.class} · 最后一天 ${x.end}（${x.reason}）`,
      })),
    ];
  }, [data, idx, today, scope]);
  const count = (kind: Hole['kind']) => holes.filter((h) => h.kind === kind).length;
  // Every count in sight: the heading takes more lines, broken only between its parts, rather than
  // being cut; the list gives it those lines.
  const { columns } = useTerminalSize();
  const heading = flow(
    '',
    [
      '网格',
      today,
      `无人联系：班级 ${count('班级')}、寝室 ${count('寝室')}、困难生 ${count('困难生')}`,
      `空闲干部 ${count('空闲干部')}`,
      `${ENDING_WITHIN_DAYS} 天内结束 ${count('即将结束')}`,
    ],
    columns,
    ' · ',
  );
  const nav = useListNav(holes.length, 9 + heading.length);
  const [asking, setAsking] = useState<{ question: string; save: () => Promise<unknown> } | null>(null);
  const hole = holes[nav.selected];
  /** y/n, then the change; a refusal said at once. */
  const ask = (previewed: ReturnType<typeof preview>, save: () => Promise<unknown>) =>
    void previewed.then((p) => (p.ok ? setAsking({ question: p.question, save }) : say(failureText(p.error), true)));
  const onKey: KeyHandler = (input, key, is) => {
    if (nav.onKey(input, key, is)) return;
    if (is('back')) back();
    else if (is('openPairing')) go({ name: 'pair' });
    else if (is('closeHole') && hole?.kind === '班级') go({ name: 'assign', classId: hole.id, freeFirst: true });
    else if (is('closeHole') && hole?.kind === '寝室') {
      const input = { dorm: { id: hole.id } };
      ask(preview(coverDormOperation, input), () => run(coverDormOperation, input));
    } else if (is('closeHole') && hole?.kind === '困难生') {
      const input = { student: { id: hole.id } };
      ask(preview(coverStudentOperation, input), () => run(coverStudentOperation, input));
    }
  };
  if (asking) {
    return (
      <Confirm
        question={asking.question}
        onYes={() => asking.save().then(() => setAsking(null))}
        onNo={() => setAsking(null)}
      />
    );
  }
  const visible = holes
    .slice(nav.top, nav.top + nav.height)
    .map((h) => ({ 类型: h.kind, 名称: safeText(h.what), 说明: safeText(h.about) }));
  return (
    <WithKeys onKey={onKey}>
      <Box flexDirection="column">
        {heading.map((line) => (
          <Line key={line}>{line}</Line>
        ))}
        <ListView
          visible={visible}
          total={holes.length}
          selected={nav.selected}
          top={nav.top}
          empty="网格没有空缺：每个班级、寝室、困难生都有联系干部"
          maxWidth={30}
        />
        <StatusBar
          commands={['move', ...(hole && CLOSES.has(hole.kind) ? ['closeHole' as const] : []), 'openPairing', 'back']}
        />
      </Box>
    </WithKeys>
  );
}
