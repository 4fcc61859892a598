// 班级: the searchable list; Enter shows the class, its cadre, this term's duty grid and its contacts;
// j/k scroll the grid and PgDn/PgUp the contacts when not all fit; a adds, e edits, p opens 分配 for the class.
import { Box } from 'ink';
import { useMemo } from 'react';
import { holderOf } from '../../domain/contact-targets.js';
import { dormKey } from '../../domain/indexes.js';
import { collegeName } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { ClassGroup } from '../../domain/schema.js';
import { successionOf } from '../../domain/succession.js';
import {
  AssignmentSummary,
  SuccessorDue,
  UpcomingAssignments,
  upcomingAssignments,
} from '../components/assignment-summary.js';
import { ContactHistoryView, useContactHistory } from '../components/contact-history-view.js';
import { DutyGridView, gridLines, gridRowsFitting, useDutyGrid } from '../components/duty-grid-view.js';
import { RecordListScreen } from '../components/record-list-screen.js';
import { StatusBar } from '../components/status-bar.js';
import { useDetailScroll } from '../hooks/use-detail-scroll.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { CommandName } from '../keys.js';
import { ClassForm } from './roster-forms.js';
import { useUi } from '../ui-context.js';
import { Line } from '../components/layout.js';

export function ClassListScreen() {
  const { data, idx, go } = useUi();
  return (
    <RecordListScreen
      title="班级"
      items={data.classes}
      find={(id) => idx.classById.get(id)}
      search={(c) => ({ names: [c.name, c.headTeacher, c.counselor] })}
      row={(c) => ({
        班级: safeText(c.name),
        学院: safeText(collegeName(idx, c.collegeId)),
        班主任: safeText(c.headTeacher),
        辅导员: safeText(c.counselor),
        毕业: c.graduationDate ?? '',
      })}
      lastContact="class"
      detail={(c, commands) => <ClassDetail cls={c} commands={commands} />}
      form={(c, done) => <ClassForm cls={c} onDone={done} />}
      extra={{ command: 'assignClass', run: (c) => go({ name: 'assign', classId: c.id }) }}
    />
  );
}

function ClassDetail({ cls, commands }: { cls: ClassGroup; commands: CommandName[] }) {
  const { data, idx, today } = useUi();
  const { rows } = useTerminalSize();
  const assignment = holderOf(data, idx, 'class', cls.id, today);
  const grid = useDutyGrid(useMemo(() => (assignment ? [assignment] : []), [assignment]));
  const targets = new Set([
    cls.id,
    ...(idx.dormsByClass.get(cls.id) ?? []).map((d) => d.id),
    ...(idx.studentsByClass.get(cls.id) ?? []).map((s) => s.id),
  ]);
  const contacts = useContactHistory({}, (c) => targets.has(c.targetId));
  const succession = successionOf(data, idx, cls.id, today);
  // Header, class (3 lines), assignment (3), history title and header, message and status bar (3): 13 lines,
  // one for the successors scheduled ahead, and one for the day a successor may start.
  const fixed = 13 + (upcomingAssignments(idx, cls.id, today).length > 0 ? 1 : 0) + (succession ? 1 : 0);
  const gridRows = gridRowsFitting(rows - fixed);
  const scroll = useDetailScroll(
    { total: grid?.rows.length ?? 0, shown: gridRows },
    { total: contacts.length, shown: Math.max(1, rows - fixed - gridLines(grid, gridRows)) },
  );
  return (
    <Box flexDirection="column">
      <Line bold>
        {safeText(cls.name)} · {safeText(collegeName(idx, cls.collegeId))} · 入学 {cls.enrollYear ?? '—'} · 毕业{' '}
        {cls.graduationDate ?? '—'}
      </Line>
      <Line>
        班主任 {safeText(cls.headTeacher)} {safeText(cls.headTeacherPhone)} · 辅导员 {safeText(cls.counselor)}{' '}
        {safeText(cls.counselorPhone)}
      </Line>
      <Line>本班寝室：{safeText((idx.dormsByClass.get(cls.id) ?? []).map(dormKey).join('、')) || '（无）'}</Line>
      <AssignmentSummary assignment={assignment} />
      <UpcomingAssignments classId={cls.id} />
      <SuccessorDue succession={succession} />
      <DutyGridView grid={grid} window={scroll.grid} />
      <ContactHistoryView contacts={contacts} window={scroll.contacts} />
      <StatusBar commands={[...scroll.commands, ...commands]} />
    </Box>
  );
}
