// One cadre: who they are, the assignment they hold today, this term's duty grid (of every assignment
// of theirs in the term, an ended one too) and their contacts;
// j/k scroll the grid and PgDn/PgUp the contacts when not all of them fit.
import { Box } from 'ink';
import { activeAssignment } from '../../domain/contact-targets.js';
import { cadreLabel, collegeName } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Cadre } from '../../domain/schema.js';
import { AssignmentSummary } from '../components/assignment-summary.js';
import { ContactHistoryView, useContactHistory } from '../components/contact-history-view.js';
import { DutyGridView, gridLines, gridRowsFitting, useDutyGrid } from '../components/duty-grid-view.js';
import { StatusBar } from '../components/status-bar.js';
import { useDetailScroll } from '../hooks/use-detail-scroll.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';
import { Line } from '../components/layout.js';

const NONE: never[] = [];

/** `commands`: the screen's keys for the cadre, on the status bar after the scrolling keys. */
export function CadreDetail({ cadre, commands }: { cadre: Cadre; commands: CommandName[] }) {
  const { idx, today } = useUi();
  const { rows } = useTerminalSize();
  const assignment = activeAssignment(idx, cadre.id, today);
  const grid = useDutyGrid(idx.assignmentsByCadre.get(cadre.id) ?? NONE);
  const contacts = useContactHistory({ cadreId: cadre.id });
  // Header, who, assignment (3), history title and header, message and status bar (3): 11 lines.
  const gridRows = gridRowsFitting(rows - 11);
  const scroll = useDetailScroll(
    { total: grid?.rows.length ?? 0, shown: gridRows },
    { total: contacts.length, shown: Math.max(1, rows - 11 - gridLines(grid, gridRows)) },
  );
  return (
    <Box flexDirection="column">
      <Line bold>
        {safeText(cadreLabel(cadre))} · {safeText(cadre.department)} {safeText(cadre.title)} · {cadre.category} · 状态{' '}
        {cadre.status} · 归属 {safeText(collegeName(idx, cadre.collegeId))}
      </Line>
      <AssignmentSummary assignment={assignment} />
      <DutyGridView grid={grid} window={scroll.grid} />
      <ContactHistoryView contacts={contacts} window={scroll.contacts} omit="干部" />
      <StatusBar commands={[...scroll.commands, ...commands]} />
    </Box>
  );
}
