// 困难生: the searchable list (姓名, 学号, 拼音首字母); Enter shows the student, who is in contact and the talks;
// a adds, e edits.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { holderOf } from '../../domain/contact-targets.js';
import { dormKey } from '../../domain/indexes.js';
import { safeText } from '../../domain/safe-text.js';
import type { Student } from '../../domain/schema.js';
import { AssignmentSummary } from '../components/assignment-summary.js';
import { ContactHistoryView } from '../components/contact-history-view.js';
import { EntityList } from '../components/entity-list.js';
import { ListWithOverlay } from '../components/list-with-overlay.js';
import { StatusBar } from '../components/status-bar.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { StudentForm } from './roster-forms.js';
import { useUi } from '../ui-context.js';

export function StudentListScreen() {
  const { data, idx, back, active } = useUi();
  const [openId, setOpenId] = useState<string | null>(null);
  // The record being added (id null) or edited; the form covers the list or the detail.
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const student = openId ? idx.studentById.get(openId) : undefined;
  useInput(
    (input, key) => {
      if (key.escape) setOpenId(null);
      else if (input === 'e' && student) setEditing({ id: student.id });
    },
    { isActive: active && student !== undefined && editing === null },
  );
  const overlay = editing ? (
    <StudentForm student={editing.id ? (idx.studentById.get(editing.id) ?? null) : null} onDone={() => setEditing(null)} />
  ) : student ? (
    <Box flexDirection="column">
      <StudentDetail student={student} />
      <StatusBar keys="e 编辑  Esc 返回列表" />
    </Box>
  ) : null;
  const dormOf = (s: Student) => {
    const d = s.dormId ? idx.dormById.get(s.dormId) : undefined;
    return d ? dormKey(d) : '';
  };
  return (
    <ListWithOverlay
      overlay={overlay}
      list={
        <EntityList
          title="困难生"
          items={data.students}
          search={(s) => ({ names: [s.name], codes: [s.studentNo] })}
          row={(s) => ({
            学号: safeText(s.studentNo),
            姓名: safeText(s.name),
            班级: safeText(idx.classById.get(s.classId)?.name ?? ''),
            寝室: safeText(dormOf(s)),
            类别: s.categories.join('、'),
          })}
          onOpen={(s) => setOpenId(s.id)}
          onBack={back}
          keys="a 新增  e 编辑"
          onKey={(input, _key, s) => {
            if (input === 'a') setEditing({ id: null });
            else if (input === 'e' && s) setEditing({ id: s.id });
          }}
          active={active && overlay === null}
        />
      }
    />
  );
}

function StudentDetail({ student }: { student: Student }) {
  const { data, idx, today } = useUi();
  const { rows } = useTerminalSize();
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {safeText(student.studentNo)} {safeText(student.name)} · {safeText(idx.classById.get(student.classId)?.name ?? '')} · {student.categories.join('、')} · 联系方式{' '}
        {safeText(student.contact) || '—'}
      </Text>
      <AssignmentSummary assignment={holderOf(data, idx, 'student', student.id, today)} />
      <ContactHistoryView filter={{}} only={(c) => c.duty === 'student' && c.targetId === student.id} limit={rows - 12} />
    </Box>
  );
}
