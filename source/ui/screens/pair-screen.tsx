// 配对: each college's classes without a cadre beside its free cadres (new-year.ts). ↑/↓ and Enter pick a
// cadre for a class; the class's dorms and 困难生 no one holds go with it, ticked (e unticks some); s saves
// the batch after one y/n — one journal entry, one undo.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { maxDate } from '../../domain/dates.js';
import { cadreName, collegeName, targetLabel } from '../../domain/labels.js';
import { freeTargetsOf, pairingGroups } from '../../domain/new-year.js';
import { safeText } from '../../domain/safe-text.js';
import type { Cadre, ClassGroup } from '../../domain/schema.js';
import { pairOperation, type PairInput } from '../../operations/new-year.js';
import { Confirm } from '../components/confirm.js';
import { Form, type FieldSpec, type FormValues } from '../components/form.js';
import { Line } from '../components/layout.js';
import { ListView } from '../components/list-view.js';
import { StatusBar } from '../components/status-bar.js';
import { useListNav } from '../hooks/use-list-nav.js';
import { WithKeys, type KeyHandler } from '../keyboard.js';
import { FORM_COMMANDS } from '../keys.js';
import type { IsoDate } from '../../domain/dates.js';
import { failureText, useUi } from '../ui-context.js';

/** How many free cadres the pick list shows at once. */
const PICK_ROWS = 5;

interface Row {
  cls: ClassGroup;
  cadres: Cadre[];
  dormIds: string[];
  studentIds: string[];
}

/** The pairings' first day: today, or the start of the next term when today falls between terms. */
function firstDay(terms: ReadonlyArray<{ start: IsoDate; end: IsoDate }>, today: IsoDate): IsoDate {
  const next = terms.filter((t) => t.end >= today).sort((a, b) => (a.start < b.start ? -1 : 1))[0];
  return next ? maxDate(next.start, today) : today;
}

export function PairScreen({ start: given }: { start?: IsoDate }) {
  const { data, idx, today, back, preview, run, say } = useUi();
  const start = given ?? firstDay(data.settings.terms, today);
  const rows = useMemo(
    (): Row[] =>
      pairingGroups(data, idx, start).flatMap((g) =>
        g.classes.map((cls) => ({ cls, cadres: g.cadres, ...freeTargetsOf(data, idx, cls.id, start) })),
      ),
    [data, idx, start],
  );
  const nav = useListNav(rows.length, 12);
  const [picks, setPicks] = useState<ReadonlyMap<string, string>>(new Map());
  const [picking, setPicking] = useState<{ classId: string; at: number } | null>(null);
  const [asking, setAsking] = useState<{ question: string; input: PairInput } | null>(null);
  // What the user unticked: the dorms and 困难生 each class takes, where they differ from all of them.
  const [ticked, setTicked] = useState<ReadonlyMap<string, { dormIds: string[]; studentIds: string[] }>>(new Map());
  const [editing, setEditing] = useState<Row | null>(null);
  const row = rows[nav.selected];
  const targetsOf = (r: Row) => ticked.get(r.cls.id) ?? { dormIds: r.dormIds, studentIds: r.studentIds };
  // A cadre picked for another class is offered last.
  const takenBesides = (r: Row) => new Set([...picks].filter(([c]) => c !== r.cls.id).map(([, cadre]) => cadre));
  const offered = (r: Row) => {
    const taken = takenBesides(r);
    return [...r.cadres.filter((c) => !taken.has(c.id)), ...r.cadres.filter((c) => taken.has(c.id))];
  };
  const save = () => {
    const chosen = rows.filter((r) => picks.has(r.cls.id));
    if (chosen.length === 0) return say('还没有为任何班级选择干部：在班级上按 Enter 选择', true);
    const input: PairInput = {
      start,
      pairs: chosen.map((r) => ({
        cadre: { id: picks.get(r.cls.id)! },
        class: { id: r.cls.id },
        dorms: targetsOf(r).dormIds.map((id) => ({ id })),
        students: targetsOf(r).studentIds.map((id) => ({ id })),
      })),
    };
    void preview(pairOperation, input).then((p) =>
      p.ok ? setAsking({ question: p.question, input }) : say(failureText(p.error), true),
    );
  };
  if (asking) {
    const done = () => {
      setAsking(null);
      setPicks(new Map());
    };
    return (
      <Confirm
        question={asking.question}
        onYes={() => run(pairOperation, asking.input).then((r) => (r.ok ? done() : setAsking(null)))}
        onNo={() => setAsking(null)}
      />
    );
  }
  if (editing) {
    const keep = (dormIds: string[], studentIds: string[]) => {
      setTicked(new Map(ticked).set(editing.cls.id, { dormIds, studentIds }));
      setEditing(null);
    };
    return <TargetsForm row={editing} initial={targetsOf(editing)} onSave={keep} onCancel={() => setEditing(null)} />;
  }
  const pickingRow = picking ? rows.find((r) => r.cls.id === picking.classId) : undefined;
  const onKey: KeyHandler = (input, key, is) => {
    if (picking && pickingRow) {
      const list = offered(pickingRow);
      if (is('down')) setPicking({ ...picking, at: Math.min(list.length - 1, picking.at + 1) });
      else if (is('up')) setPicking({ ...picking, at: Math.max(0, picking.at - 1) });
      else if (is('pickCadre') && list[picking.at]) {
        setPicks(new Map(picks).set(picking.classId, list[picking.at]!.id));
        setPicking(null);
        nav.setSelected(nav.selected + 1);
      } else if (is('back')) setPicking(null);
      return;
    }
    if (nav.onKey(input, key, is)) return;
    if (is('back')) back();
    else if (is('pickCadre') && row) {
      if (row.cadres.length === 0) say(`${collegeName(idx, row.cls.collegeId)} 没有空闲的在岗干部`, true);
      else setPicking({ classId: row.cls.id, at: 0 });
    } else if (is('pickTargets') && row) setEditing(row);
    else if (is('savePairs')) save();
  };
  const cadreLabel = (id: string | undefined) => {
    const cadre = id ? idx.cadreById.get(id) : undefined;
    return cadre ? safeText(cadreName(idx, cadre)) : '—';
  };
  const visible = rows.slice(nav.top, nav.top + nav.height).map((r) => ({
    班级: safeText(r.cls.name),
    学院: safeText(collegeName(idx, r.cls.collegeId)),
    干部: cadreLabel(picks.get(r.cls.id)),
    寝室: targetsOf(r).dormIds.length,
    困难生: targetsOf(r).studentIds.length,
  }));
  return (
    <WithKeys onKey={onKey}>
      <Box flexDirection="column">
        <Line bold>
          配对 · 自 {start} 起 · 已选 {picks.size}/{rows.length}（寝室、困难生默认全选）
        </Line>
        <ListView
          visible={visible}
          total={rows.length}
          selected={nav.selected}
          top={nav.top}
          empty="没有待配对的班级：每个在校班级都有联系干部"
          maxWidth={20}
        />
        {picking && pickingRow ? (
          <Box flexDirection="column">
            <Text bold>为 {safeText(pickingRow.cls.name)} 选择干部：</Text>
            {offered(pickingRow)
              .map((c, i) => ({ c, i }))
              .slice(Math.max(0, picking.at - PICK_ROWS + 1), Math.max(PICK_ROWS, picking.at + 1))
              .map(({ c, i }) => (
                <Text key={c.id} inverse={i === picking.at}>
                  {i === picking.at ? '>' : ' '} {safeText(cadreName(idx, c))}
                  {takenBesides(pickingRow).has(c.id) ? '（已选给其他班级）' : ''}
                </Text>
              ))}
          </Box>
        ) : null}
        <StatusBar
          commands={picking ? ['move', 'pickCadre', 'back'] : ['move', 'pickCadre', 'pickTargets', 'savePairs', 'back']}
        />
      </Box>
    </WithKeys>
  );
}

/** The dorms and 困难生 a class takes to its new cadre: those no one holds, unticked by space. */
function TargetsForm({
  row,
  initial,
  onSave,
  onCancel,
}: {
  row: Row;
  initial: { dormIds: string[]; studentIds: string[] };
  onSave: (dormIds: string[], studentIds: string[]) => void;
  onCancel: () => void;
}) {
  const { idx } = useUi();
  const [values, setValues] = useState<FormValues>({ dorms: initial.dormIds, students: initial.studentIds });
  const label = (id: string, kind: 'dorm' | 'student') => safeText(targetLabel(idx, kind, id));
  const fields: FieldSpec[] = [
    {
      key: 'dorms',
      label: '寝室',
      kind: 'multi',
      options: row.dormIds.map((id) => ({ value: id, label: label(id, 'dorm') })),
    },
    {
      key: 'students',
      label: '困难生',
      kind: 'multi',
      options: row.studentIds.map((id) => ({ value: id, label: label(id, 'student') })),
    },
  ];
  return (
    <Box flexDirection="column">
      <Form
        title={`${safeText(row.cls.name)} 随班级分配的寝室与困难生`}
        fields={fields}
        values={values}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        onSubmit={() => onSave(values['dorms'] as string[], values['students'] as string[])}
        onCancel={onCancel}
      />
      <StatusBar commands={['toggle', ...FORM_COMMANDS]} typing />
    </Box>
  );
}
