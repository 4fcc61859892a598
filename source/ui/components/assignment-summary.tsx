// One assignment in words: cadre, class, dorms, students, dates and end reason; a class's
// assignments that start after today (a successor scheduled ahead); the day a successor may start.
import { Box, Text } from 'ink';
import type { IsoDate } from '../../domain/dates.js';
import { dormKey, type Indexes } from '../../domain/indexes.js';
import { cadreLabel, cadreNameById, studentLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Assignment } from '../../domain/schema.js';
import type { Succession } from '../../domain/succession.js';
import { useUi } from '../ui-context.js';
import { Line } from './layout.js';

export function AssignmentSummary({ assignment }: { assignment: Assignment | null }) {
  const { idx } = useUi();
  if (!assignment) return <Text>联系分配：（今天没有有效的联系分配）</Text>;
  const cadre = idx.cadreById.get(assignment.cadreId);
  const dorms = assignment.dormIds
    .map((d) => idx.dormById.get(d))
    .filter((d) => d !== undefined)
    .map(dormKey);
  const students = assignment.studentIds
    .map((s) => idx.studentById.get(s))
    .filter((s) => s !== undefined)
    .map(studentLabel);
  return (
    <Box flexDirection="column">
      <Line>
        联系分配：{safeText(cadre ? cadreLabel(cadre) : '')} · 班级{' '}
        {safeText(idx.classById.get(assignment.classId)?.name ?? '')} · 自 {assignment.start}
        {assignment.end ? ` 至 ${assignment.end}（${assignment.endReason ?? ''}）` : ' 起'}
      </Line>
      <Line>寝室：{safeText(dorms.join('、')) || '（无）'}</Line>
      <Line>困难生：{safeText(students.join('、')) || '（无）'}</Line>
    </Box>
  );
}

/** A class's assignments that start after today, soonest first. */
export function upcomingAssignments(idx: Indexes, classId: string, today: IsoDate): Assignment[] {
  return (idx.assignmentsByClass.get(classId) ?? [])
    .filter((a) => a.start > today)
    .sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** On one line however many there are (cut at the width), so a screen counts one line for them. */
export function UpcomingAssignments({ classId }: { classId: string }) {
  const { idx, today } = useUi();
  const upcoming = upcomingAssignments(idx, classId, today);
  if (upcoming.length === 0) return null;
  return (
    <Line>
      已安排：
      {safeText(
        upcoming
          .map((a) => `${cadreNameById(idx, a.cadreId)} 自 ${a.start} 起${a.end ? ` 至 ${a.end}` : ''}`)
          .join('；'),
      )}
    </Line>
  );
}

/** The day a successor may start; after a leave recorded late, that nobody holds the class since. */
export function SuccessorDue({ succession }: { succession: Succession | null }) {
  const { today } = useUi();
  if (!succession) return null;
  return (
    <Line>
      自 {succession.from} 起可安排接任{succession.from <= today ? '（至今无人接任）' : ''}
    </Line>
  );
}
