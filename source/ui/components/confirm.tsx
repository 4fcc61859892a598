// A y/n question before anything destructive; nothing happens until y. It has the keyboard: q, ? and u wait.
import { Box, Text } from 'ink';
import { safeText } from '../../domain/safe-text.js';
import { useKeys } from '../keyboard.js';
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
      <Box borderStyle="single" paddingX={1}>
        <Text>{safeText(question)}（y/n）</Text>
      </Box>
      <StatusBar commands={['yes', 'no']} typing />
    </Box>
  );
}
