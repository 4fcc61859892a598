// The detail of a dorm or a difficult student: its header line, who is in contact with it today,
// and the contacts with it.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { holderOf } from '../../domain/contact-targets.js';
import type { Duty } from '../../domain/schema.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useUi } from '../ui-context.js';
import { AssignmentSummary } from './assignment-summary.js';
import { ContactHistoryView } from './contact-history-view.js';
import { Line } from './layout.js';

export function TargetDetail({ duty, targetId, header }: { duty: Exclude<Duty, 'class'>; targetId: string; header: ReactNode }) {
  const { data, idx, today } = useUi();
  const { rows } = useTerminalSize();
  return (
    <Box flexDirection="column">
      <Line bold>
        {header}
      </Line>
      <AssignmentSummary assignment={holderOf(data, idx, duty, targetId, today)} />
      <ContactHistoryView filter={{}} only={(c) => c.duty === duty && c.targetId === targetId} limit={rows - 12} />
    </Box>
  );
}
