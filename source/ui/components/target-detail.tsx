// The detail of a dorm or a difficult student: its header line, who is in contact with it today,
// and the contacts with it (PgDn/PgUp when not all fit).
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { holderOf } from '../../domain/contact-targets.js';
import type { Duty } from '../../domain/vocabulary.js';
import { useDetailScroll } from '../hooks/use-detail-scroll.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';
import { AssignmentSummary } from './assignment-summary.js';
import { ContactHistoryView, useContactHistory } from './contact-history-view.js';
import { Line } from './layout.js';
import { StatusBar } from './status-bar.js';

export function TargetDetail({
  duty,
  targetId,
  header,
  commands,
}: {
  duty: Exclude<Duty, 'class'>;
  targetId: string;
  header: ReactNode;
  commands: CommandName[];
}) {
  const { data, idx, today } = useUi();
  const { rows } = useTerminalSize();
  const contacts = useContactHistory({}, (c) => c.duty === duty && c.targetId === targetId);
  const scroll = useDetailScroll({ total: 0, shown: 0 }, { total: contacts.length, shown: Math.max(1, rows - 12) });
  return (
    <Box flexDirection="column">
      <Line bold>{header}</Line>
      <AssignmentSummary assignment={holderOf(data, idx, duty, targetId, today)} />
      <ContactHistoryView contacts={contacts} window={scroll.contacts} omit={duty === 'student' ? '对象' : undefined} />
      <StatusBar commands={[...scroll.commands, ...commands]} />
    </Box>
  );
}
