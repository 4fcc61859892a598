// A y/n question before anything destructive; nothing happens until y. It has the keyboard: q, ? and u wait.
import { Box } from 'ink';
import { safeText } from '../../domain/safe-text.js';
import { useKeys } from '../keyboard.js';
import { Paragraph, Panel } from './layout.js';
import { StatusBar } from './status-bar.js';

export function Confirm({ question, onYes, onNo }: { question: string; onYes: () => void; onNo: () => void }) {
  useKeys(
    (_input, _key, is) => {
      if (is('yes')) onYes();
      else if (is('no')) onNo();
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
