// A y/n question before anything destructive; nothing happens until y. It has the keyboard: q, ? and u wait.
// The keys after y wait until what it started has settled (useHoldKeys).
import { Box } from 'ink';
import { safeText } from '../../domain/safe-text.js';
import { useKeys } from '../keyboard.js';
import { Paragraph, Panel } from './layout.js';
import { useHoldKeys } from './one-key-at-a-time.js';
import { StatusBar } from './status-bar.js';

export function Confirm({
  question,
  onYes,
  onNo,
}: {
  question: string;
  onYes: () => Promise<unknown> | void;
  onNo: () => void;
}) {
  const hold = useHoldKeys();
  useKeys(
    (_input, _key, is) => {
      if (is('yes')) {
        const done = onYes();
        if (done) hold(done);
      } else if (is('no')) onNo();
    },
    { claim: true },
  );
  return (
    <Box flexDirection="column">
      <Panel>
        <Paragraph>{safeText(question)}（y/n）</Paragraph>
      </Panel>
      <StatusBar commands={['yes', 'no']} typing />
    </Box>
  );
}
