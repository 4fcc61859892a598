// 分配: pick a class, see who holds it today, then assign (a), hand over (r) or end (g) its assignment.
import type { ClassGroup } from '../../domain/schema.js';
import { Box } from 'ink';
import { useMemo, useState } from 'react';
import { coverage } from '../../domain/coverage.js';
import { holderOf } from '../../domain/contact-targets.js';
import { cadreName, collegeName } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import { successionOf } from '../../domain/succession.js';
import { AssignmentSummary, SuccessorDue, UpcomingAssignments } from '../components/assignment-summary.js';
import { EntityList } from '../components/entity-list.js';
import { StatusBar } from '../components/status-bar.js';
import { WithKeys } from '../keyboard.js';
import { useUi } from '../ui-context.js';
import { hint, type CommandName } from '../keys.js';
import { AssignForm, type AssignMode } from './assign-forms.js';
import { Line, Paragraph } from '../components/layout.js';

/** `freeFirst` (from 网格): straight to the assign form, the college's free cadres listed first. */
export function AssignScreen({ classId, freeFirst }: { classId?: string; freeFirst?: true }) {
  const { data, idx, today, back, say } = useUi();
  const [chosenId, setChosenId] = useState<string | undefined>(classId);
  const [mode, setMode] = useState<AssignMode | null>(freeFirst ? 'assign' : null);
  const preferred = useMemo(() => {
    const cls = freeFirst && classId ? idx.classById.get(classId) : undefined;
    return cls ? coverage(data, idx, today, new Set([cls.collegeId])).freeCadres.map((f) => f.cadre.id) : [];
  }, [freeFirst, classId, data, idx, today]);
  const cls = chosenId ? idx.classById.get(chosenId) : undefined;
  const current = cls ? holderOf(data, idx, 'class', cls.id, today) : null;
  // A holder whose assignment already ends (长期请假 from a later date, or recorded after its last day)
  // is succeeded, not handed over: a and r both schedule the successor from the day after.
  const succession = cls ? successionOf(data, idx, cls.id, today) : null;
  if (cls && mode) {
    const done = () => (freeFirst ? back(true) : setMode(null));
    return (
      <AssignForm
        mode={mode}
        cls={cls}
        current={current}
        succession={mode === 'assign' ? succession : null}
        preferred={preferred}
        onDone={done}
      />
    );
  }
  if (cls) {
    const onKey = (_input: string, _key: unknown, is: (command: CommandName) => boolean) => {
      if (is('back')) return classId ? back() : setChosenId(undefined);
      if (succession && is('scheduleSuccessor')) setMode('assign');
      else if (is('assign')) {
        if (current) say(`${cls.name} 今天已有联系干部：请用 ${hint('reassign')}或 ${hint('endAssignment')}`, true);
        else setMode('assign');
      } else if (is('reassign') || is('endAssignment')) {
        if (!current) say(`${cls.name} 今天没有联系干部：请用 ${hint('assign')}`, true);
        else setMode(is('reassign') ? 'reassign' : 'end');
      }
    };
    return (
      <WithKeys onKey={onKey}>
        <Box flexDirection="column">
          <Line bold>
            分配 · {safeText(cls.name)} · {safeText(collegeName(idx, cls.collegeId))} · 毕业 {cls.graduationDate ?? '—'}
          </Line>
          <AssignmentSummary assignment={current} />
          <SuccessorDue succession={succession} />
          <UpcomingAssignments classId={cls.id} />
          {!current && cls.graduationDate !== null && cls.graduationDate < today ? (
            <Paragraph>
              该班已于 {cls.graduationDate} 毕业：只能补登毕业前开始的分配（开始日期写在毕业日期之前）
            </Paragraph>
          ) : null}
          <StatusBar
            commands={
              succession
                ? current
                  ? ['scheduleSuccessor', 'endAssignment', 'back']
                  : ['scheduleSuccessor', 'back']
                : current
                  ? ['reassign', 'endAssignment', 'back']
                  : ['assign', 'back']
            }
          />
        </Box>
      </WithKeys>
    );
  }
  const holderName = (c: ClassGroup) => {
    const a = holderOf(data, idx, 'class', c.id, today);
    const cadre = a ? idx.cadreById.get(a.cadreId) : undefined;
    // A graduated class needs no cadre: not a gap to fill.
    if (!a) return c.graduationDate !== null && c.graduationDate < today ? '（已毕业）' : '（未分配）';
    return cadre ? cadreName(idx, cadre) : '';
  };
  return (
    <EntityList
      title="分配 · 选择班级"
      items={data.classes}
      search={(c) => ({ names: [c.name] })}
      row={(c) => ({
        班级: safeText(c.name),
        学院: safeText(collegeName(idx, c.collegeId)),
        联系干部: safeText(holderName(c)),
      })}
      onOpen={(c) => setChosenId(c.id)}
      onBack={back}
    />
  );
}
