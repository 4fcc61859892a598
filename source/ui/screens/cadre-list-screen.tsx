// 干部: the searchable list, a cadre's detail on Enter, add (a), edit (e), mark 离职/长期请假 (x),
// and l to log a contact for them.
import { Box } from 'ink';
import { useState, type ReactNode } from 'react';
import { collegeName } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Cadre } from '../../domain/schema.js';
import { EntityList } from '../components/entity-list.js';
import { ListWithOverlay } from '../components/list-with-overlay.js';
import { StatusBar } from '../components/status-bar.js';
import { WithKeys } from '../keyboard.js';
import { FORM_COMMANDS, type CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';
import { CadreDetail } from './cadre-detail.js';
import { CadreForm } from './cadre-form.js';
import { CadreStatusForm } from './cadre-status-form.js';

type Mode =
  | { kind: 'list' }
  | { kind: 'detail'; id: string }
  | { kind: 'edit'; id: string | null; from: Mode }
  | { kind: 'mark'; id: string; from: Mode };

export function CadreListScreen({ openCadreId }: { openCadreId?: string }) {
  const { data, idx, go, back } = useUi();
  const [mode, setMode] = useState<Mode>(openCadreId ? { kind: 'detail', id: openCadreId } : { kind: 'list' });
  const actOn = (is: (command: CommandName) => boolean, cadre: Cadre | undefined, from: Mode) => {
    if (is('add')) setMode({ kind: 'edit', id: null, from });
    else if (cadre && is('edit')) setMode({ kind: 'edit', id: cadre.id, from });
    else if (cadre && is('markStatus')) setMode({ kind: 'mark', id: cadre.id, from });
    else if (cadre && is('logFor')) go({ name: 'log', preset: { cadreId: cadre.id } });
  };
  const detailCadre = mode.kind === 'detail' ? idx.cadreById.get(mode.id) : undefined;
  let overlay: ReactNode = null;
  if (mode.kind === 'edit') {
    const cadre = mode.id ? (idx.cadreById.get(mode.id) ?? null) : null;
    overlay = (
      <Box flexDirection="column">
        <CadreForm
          cadre={cadre}
          onDone={(saved) => setMode(saved && !cadre ? { kind: 'detail', id: saved.id } : mode.from)}
        />
        <StatusBar commands={FORM_COMMANDS} typing />
      </Box>
    );
  } else if (mode.kind === 'mark') {
    const cadre = idx.cadreById.get(mode.id);
    if (cadre) overlay = <CadreStatusForm cadre={cadre} onDone={() => setMode(mode.from)} />;
  } else if (detailCadre) {
    overlay = (
      <WithKeys
        onKey={(_input, _key, is) =>
          is('back') ? (openCadreId ? back() : setMode({ kind: 'list' })) : actOn(is, detailCadre, mode)
        }
      >
        <CadreDetail cadre={detailCadre} commands={['edit', 'markStatus', 'logFor', 'add', 'back']} />
      </WithKeys>
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
          row={(c) => ({
            姓名: safeText(c.name),
            工号: safeText(c.employeeNo ?? ''),
            部门: safeText(c.department),
            归属: safeText(collegeName(idx, c.collegeId)),
            状态: c.status,
          })}
          lastContact="cadre"
          onOpen={(c) => setMode({ kind: 'detail', id: c.id })}
          onBack={back}
          commands={['add', 'edit', 'markStatus', 'logFor']}
          onKey={(_input, _key, is, c) => actOn(is, c, { kind: 'list' })}
        />
      }
    />
  );
}
