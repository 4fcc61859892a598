// 寝室: the searchable list; Enter shows the dorm, its classes, the assignment holding it and its visits;
// a adds, e edits.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { holderOf } from '../../domain/contact-targets.js';
import { dormKey } from '../../domain/indexes.js';
import { safeText } from '../../domain/safe-text.js';
import type { Dorm } from '../../domain/schema.js';
import { AssignmentSummary } from '../components/assignment-summary.js';
import { ContactHistoryView } from '../components/contact-history-view.js';
import { EntityList } from '../components/entity-list.js';
import { ListWithOverlay } from '../components/list-with-overlay.js';
import { StatusBar } from '../components/status-bar.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { DormForm } from './roster-forms.js';
import { useUi } from '../ui-context.js';

export function DormListScreen() {
  const { data, idx, back, active } = useUi();
  const [openId, setOpenId] = useState<string | null>(null);
  // The record being added (id null) or edited; the form covers the list or the detail.
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const dorm = openId ? idx.dormById.get(openId) : undefined;
  useInput(
    (input, key) => {
      if (key.escape) setOpenId(null);
      else if (input === 'e' && dorm) setEditing({ id: dorm.id });
    },
    { isActive: active && dorm !== undefined && editing === null },
  );
  const overlay = editing ? (
    <DormForm dorm={editing.id ? (idx.dormById.get(editing.id) ?? null) : null} onDone={() => setEditing(null)} />
  ) : dorm ? (
    <Box flexDirection="column">
      <DormDetail dorm={dorm} />
      <StatusBar keys="e 编辑  Esc 返回列表" />
    </Box>
  ) : null;
  const classNames = (d: Dorm) => d.classIds.map((c) => idx.classById.get(c)?.name ?? '').join('、');
  return (
    <ListWithOverlay
      overlay={overlay}
      list={
        <EntityList
          title="寝室"
          items={data.dorms}
          search={(d) => ({ names: [d.leader, classNames(d)], codes: [dormKey(d)] })}
          row={(d) => ({ 寝室: safeText(dormKey(d)), 班级: safeText(classNames(d)), 寝室长: safeText(d.leader), 人数: d.size ?? '', 备注: safeText(d.note) })}
          onOpen={(d) => setOpenId(d.id)}
          onBack={back}
          keys="a 新增  e 编辑"
          onKey={(input, _key, d) => {
            if (input === 'a') setEditing({ id: null });
            else if (input === 'e' && d) setEditing({ id: d.id });
          }}
          active={active && overlay === null}
        />
      }
    />
  );
}

function DormDetail({ dorm }: { dorm: Dorm }) {
  const { data, idx, today } = useUi();
  const { rows } = useTerminalSize();
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {safeText(dormKey(dorm))} · 班级 {safeText(dorm.classIds.map((c) => idx.classById.get(c)?.name ?? '').join('、'))} · 寝室长 {safeText(dorm.leader)} · {dorm.size ?? '—'} 人
        {dorm.classIds.length > 1 ? ' · 混合寝室' : ''} {safeText(dorm.note)}
      </Text>
      <AssignmentSummary assignment={holderOf(data, idx, 'dorm', dorm.id, today)} />
      <ContactHistoryView filter={{}} only={(c) => c.duty === 'dorm' && c.targetId === dorm.id} limit={rows - 12} />
    </Box>
  );
}
