// 班级: the searchable list; Enter shows the class, its cadre, this term's duty grid and its contacts;
// a adds, e edits, p opens 分配 for the class.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { holderOf } from '../../domain/contact-targets.js';
import { dormKey } from '../../domain/indexes.js';
import { collegeName } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { ClassGroup } from '../../domain/schema.js';
import { AssignmentSummary } from '../components/assignment-summary.js';
import { ContactHistoryView } from '../components/contact-history-view.js';
import { DutyGridView, gridLines, useDutyGrid } from '../components/duty-grid-view.js';
import { EntityList } from '../components/entity-list.js';
import { ListWithOverlay } from '../components/list-with-overlay.js';
import { StatusBar } from '../components/status-bar.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { ClassForm } from './roster-forms.js';
import { useUi } from '../ui-context.js';

export function ClassListScreen() {
  const { data, idx, go, back, active } = useUi();
  const [openId, setOpenId] = useState<string | null>(null);
  // The record being added (id null) or edited; the form covers the list or the detail.
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const cls = openId ? idx.classById.get(openId) : undefined;
  useInput(
    (input, key) => {
      if (key.escape) setOpenId(null);
      else if (input === 'p' && cls) go({ name: 'assign', classId: cls.id });
      else if (input === 'e' && cls) setEditing({ id: cls.id });
    },
    { isActive: active && cls !== undefined && editing === null },
  );
  const overlay = editing ? (
    <ClassForm cls={editing.id ? (idx.classById.get(editing.id) ?? null) : null} onDone={() => setEditing(null)} />
  ) : cls ? (
    <Box flexDirection="column">
      <ClassDetail cls={cls} />
      <StatusBar keys="p 分配/移交  e 编辑  Esc 返回列表" />
    </Box>
  ) : null;
  return (
    <ListWithOverlay
      overlay={overlay}
      list={
        <EntityList
          title="班级"
          items={data.classes}
          search={(c) => ({ names: [c.name, c.headTeacher, c.counselor] })}
          row={(c) => ({
            班级: safeText(c.name),
            学院: safeText(collegeName(idx, c.collegeId)),
            班主任: safeText(c.headTeacher),
            辅导员: safeText(c.counselor),
            毕业: c.graduationDate ?? '',
          })}
          onOpen={(c) => setOpenId(c.id)}
          onBack={back}
          keys="a 新增  e 编辑  p 分配"
          onKey={(input, _key, c) => {
            if (input === 'a') setEditing({ id: null });
            else if (input === 'e' && c) setEditing({ id: c.id });
            else if (input === 'p' && c) go({ name: 'assign', classId: c.id });
          }}
          active={active && overlay === null}
        />
      }
    />
  );
}

function ClassDetail({ cls }: { cls: ClassGroup }) {
  const { data, idx, today } = useUi();
  const { rows } = useTerminalSize();
  const assignment = holderOf(data, idx, 'class', cls.id, today);
  const grid = useDutyGrid(assignment);
  const targets = new Set([cls.id, ...(idx.dormsByClass.get(cls.id) ?? []).map((d) => d.id), ...(idx.studentsByClass.get(cls.id) ?? []).map((s) => s.id)]);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {safeText(cls.name)} · {safeText(collegeName(idx, cls.collegeId))} · 入学 {cls.enrollYear ?? '—'} · 毕业 {cls.graduationDate ?? '—'}
      </Text>
      <Text wrap="truncate-end">
        班主任 {safeText(cls.headTeacher)} {safeText(cls.headTeacherPhone)} · 辅导员 {safeText(cls.counselor)} {safeText(cls.counselorPhone)}
      </Text>
      <Text wrap="truncate-end">本班寝室：{safeText((idx.dormsByClass.get(cls.id) ?? []).map(dormKey).join('、')) || '（无）'}</Text>
      <AssignmentSummary assignment={assignment} />
      <DutyGridView grid={grid} />
      {/* Header, class (3 lines), assignment (3), history title and header, message and status bar (3): 13 lines. */}
      <ContactHistoryView filter={{}} only={(c) => targets.has(c.targetId)} limit={rows - 13 - gridLines(grid)} />
    </Box>
  );
}
