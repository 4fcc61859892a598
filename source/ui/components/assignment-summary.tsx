// One assignment in words: cadre, class, dorms, students, dates and end reason; and a class's
// assignments that start after today (a successor scheduled ahead).
import { Box, Text } from 'ink';
import { dormKey } from '../../domain/indexes.js';
import { cadreLabel, cadreNameById, studentLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Assignment } from '../../domain/schema.js';
import { useUi } from '../ui-context.js';
import { Line } from './layout.js';

export function AssignmentSummary({ assignment }: { assignment: Assignment | null }) {
  const { idx } = useUi();
  if (!assignment) return <Text>联系分配：（今天没有有效的联系分配）</Text>;
  const cadre = idx.cadreById.get(assignment.cadreId);
  const dorms = assignment.dormIds.map((d) => idx.dormById.get(d)).filter((d) => d !== undefined).map(dormKey);
  const students = assignment.studentIds.map((s) => idx.studentById.get(s)).filter((s) => s !== undefined).map(studentLabel);
  return (
    <Box flexDirection="column">
      <Line>
        联系分配：{safeText(cadre ? cadreLabel(cadre) : '')} · 班级 {safeText(idx.classById.get(assignment.classId)?.name ?? '')} · 自 {assignment.start}
        {assignment.end ? ` 至 ${assignment.end}（${assignment.endReason ?? ''}）` : ' 起'}
      </Line>
      <Line>寝室：{safeText(dorms.join('、')) || '（无）'}</Line>
      <Line>困难生：{safeText(students.join('、')) || '（无）'}</Line>
    </Box>
  );
}

export function UpcomingAssignments({ classId }: { classId: string }) {
  const { idx, today } = useUi();
  const upcoming = (idx.assignmentsByClass.get(classId) ?? []).filter((a) => a.start > today).sort((a, b) => (a.start < b.start ? -1 : 1));
  if (upcoming.length === 0) return null;
  return (
    <Box flexDirection="column">
      {upcoming.map((a) => (
        <Text key={a.id} wrap="truncate-end">
          已安排：{safeText(cadreNameById(idx, a.cadreId))} 自 {a.start} 起{a.end ? ` 至 ${a.end}` : ''}
        </Text>
      ))}
    </Box>
  );
}
