// One cadre: who they are, the assignment they hold today, this term's duty grid and their contacts.
import { Box } from 'ink';
import { activeAssignment } from '../../domain/contact-targets.js';
import { cadreLabel, collegeName } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Cadre } from '../../domain/schema.js';
import { AssignmentSummary } from '../components/assignment-summary.js';
import { ContactHistoryView } from '../components/contact-history-view.js';
import { DutyGridView, gridLines, gridRowsFitting, useDutyGrid } from '../components/duty-grid-view.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useUi } from '../ui-context.js';
import { Line } from '../components/layout.js';

export function CadreDetail({ cadre }: { cadre: Cadre }) {
  const { idx, today } = useUi();
  const { rows } = useTerminalSize();
  const assignment = activeAssignment(idx, cadre.id, today);
  const grid = useDutyGrid(assignment);
  // Header, who, assignment (3), history title and header, message and status bar (3): 11 lines.
  const gridRows = gridRowsFitting(rows - 11);
  return (
    <Box flexDirection="column">
      <Line bold>
        {safeText(cadreLabel(cadre))} · {safeText(cadre.department)} {safeText(cadre.title)} · {cadre.category} · 状态 {cadre.status} · 归属 {safeText(collegeName(idx, cadre.collegeId))}
      </Line>
      <AssignmentSummary assignment={assignment} />
      <DutyGridView grid={grid} maxRows={gridRows} />
      <ContactHistoryView filter={{ cadreId: cadre.id }} limit={rows - 11 - gridLines(grid, gridRows)} />
    </Box>
  );
}
