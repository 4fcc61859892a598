// 分配: pick a class, see who holds it today, then assign (a), hand over (r) or end (g) its assignment.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { holderOf } from '../../domain/contact-targets.js';
import { collegeName } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import { AssignmentSummary } from '../components/assignment-summary.js';
import { EntityList } from '../components/entity-list.js';
import { StatusBar } from '../components/status-bar.js';
import { useUi } from '../ui-context.js';
import { AssignForm, type AssignMode } from './assign-forms.js';

export function AssignScreen({ classId }: { classId?: string }) {
  const { data, idx, today, back, say, active } = useUi();
  const [chosenId, setChosenId] = useState<string | undefined>(classId);
  const [mode, setMode] = useState<AssignMode | null>(null);
  const cls = chosenId ? idx.classById.get(chosenId) : undefined;
  const current = cls ? holderOf(data, idx, 'class', cls.id, today) : null;
  useInput(
    (input, key) => {
      if (key.escape) return classId ? back() : setChosenId(undefined);
      if (input === 'a') {
        if (current) say(`${cls!.name} 今天已有联系干部：请用 r 移交或 g 结束`, true);
        else setMode('assign');
      } else if (input === 'r' || input === 'g') {
        if (!current) say(`${cls!.name} 今天没有联系干部：请用 a 分配`, true);
        else setMode(input === 'r' ? 'reassign' : 'end');
      }
    },
    { isActive: active && cls !== undefined && mode === null },
  );
  if (cls && mode) return <AssignForm mode={mode} cls={cls} current={current} onDone={() => setMode(null)} />;
  if (cls) {
    return (
      <Box flexDirection="column">
        <Text bold>
          分配 · {safeText(cls.name)} · {safeText(collegeName(idx, cls.collegeId))} · 毕业 {cls.graduationDate ?? '—'}
        </Text>
        <AssignmentSummary assignment={current} />
        {!current && cls.graduationDate !== null && cls.graduationDate < today ? (
          <Text>该班已于 {cls.graduationDate} 毕业：只能补登毕业前开始的分配（开始日期写在毕业日期之前）</Text>
        ) : null}
        <StatusBar keys={current ? 'r 移交给其他干部  g 结束（如班级毕业）  Esc 返回' : 'a 分配干部  Esc 返回'} />
      </Box>
    );
  }
  const holderName = (id: string) => {
    const a = holderOf(data, idx, 'class', id, today);
    return a ? (idx.cadreById.get(a.cadreId)?.name ?? '') : '（未分配）';
  };
  return (
    <EntityList
      title="分配 · 选择班级"
      items={data.classes}
      search={(c) => ({ names: [c.name] })}
      row={(c) => ({ 班级: safeText(c.name), 学院: safeText(collegeName(idx, c.collegeId)), 联系干部: safeText(holderName(c.id)) })}
      onOpen={(c) => setChosenId(c.id)}
      onBack={back}
      active={active}
    />
  );
}
