// 干部: the searchable list, a cadre's detail on Enter, add (a), edit (e), mark 离职/长期请假 (x),
// and l to log a contact for them.
import { Box, useInput } from 'ink';
import { useState, type ReactNode } from 'react';
import { collegeName } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Cadre } from '../../domain/schema.js';
import { EntityList } from '../components/entity-list.js';
import { ListWithOverlay } from '../components/list-with-overlay.js';
import { StatusBar } from '../components/status-bar.js';
import { FORM_KEYS } from '../keymap.js';
import { useUi } from '../ui-context.js';
import { CadreDetail } from './cadre-detail.js';
import { CadreForm } from './cadre-form.js';
import { CadreStatusForm } from './cadre-status-form.js';

type Mode = { kind: 'list' } | { kind: 'detail'; id: string } | { kind: 'edit'; id: string | null; from: Mode } | { kind: 'mark'; id: string; from: Mode };

export function CadreListScreen({ openCadreId }: { openCadreId?: string }) {
  const { data, idx, go, back, active } = useUi();
  const [mode, setMode] = useState<Mode>(openCadreId ? { kind: 'detail', id: openCadreId } : { kind: 'list' });
  const actOn = (input: string, cadre: Cadre | undefined, from: Mode) => {
    if (input === 'a') setMode({ kind: 'edit', id: null, from });
    else if (cadre && input === 'e') setMode({ kind: 'edit', id: cadre.id, from });
    else if (cadre && input === 'x') setMode({ kind: 'mark', id: cadre.id, from });
    else if (cadre && input === 'l') go({ name: 'log', preset: { cadreId: cadre.id } });
  };
  const detailCadre = mode.kind === 'detail' ? idx.cadreById.get(mode.id) : undefined;
  useInput(
    (input, key) => {
      if (key.escape) return openCadreId ? back() : setMode({ kind: 'list' });
      actOn(input, detailCadre, mode);
    },
    { isActive: active && mode.kind === 'detail' },
  );
  let overlay: ReactNode = null;
  if (mode.kind === 'edit') {
    const cadre = mode.id ? (idx.cadreById.get(mode.id) ?? null) : null;
    overlay = (
      <Box flexDirection="column">
        <CadreForm cadre={cadre} onDone={(saved) => setMode(saved && !cadre ? { kind: 'detail', id: saved.id } : mode.from)} />
        <StatusBar keys={FORM_KEYS} typing />
      </Box>
    );
  } else if (mode.kind === 'mark') {
    const cadre = idx.cadreById.get(mode.id);
    if (cadre) overlay = <CadreStatusForm cadre={cadre} onDone={() => setMode(mode.from)} />;
  } else if (detailCadre) {
    overlay = (
      <Box flexDirection="column">
        <CadreDetail cadre={detailCadre} />
        <StatusBar keys="e 编辑  x 标记离职/长期请假  l 记录联系  a 新增  Esc 返回" />
      </Box>
    );
  }
  return (
    <ListWithOverlay
      overlay={overlay}
      list={
        <EntityList
          title="干部"
          items={data.cadres}
          search={(c) => ({ names: [c.name], codes: c.employeeNo ? [c.employeeNo] : [] })}
          row={(c) => ({ 姓名: safeText(c.name), 工号: safeText(c.employeeNo ?? ''), 部门: safeText(c.department), 归属: safeText(collegeName(idx, c.collegeId)), 状态: c.status })}
          onOpen={(c) => setMode({ kind: 'detail', id: c.id })}
          onBack={back}
          keys="a 新增  e 编辑  x 标记状态  l 记录联系"
          onKey={(input, _key, c) => actOn(input, c, { kind: 'list' })}
          active={active && overlay === null}
        />
      }
    />
  );
}
