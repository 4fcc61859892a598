// A y/n question before anything destructive; nothing happens until y.
import { Box, Text, useInput } from 'ink';
import { CONFIRM_KEYS } from '../keymap.js';
import { StatusBar } from './status-bar.js';

export function Confirm({ question, onYes, onNo }: { question: string; onYes: () => void; onNo: () => void }) {
  useInput((input, key) => {
    if (input === 'y' || input === 'Y') onYes();
    else if (input === 'n' || input === 'N' || key.escape) onNo();
  });
  return (
    <Box flexDirection="column">
      <Box borderStyle="single" paddingX={1}>
        <Text>{question}（y/n）</Text>
      </Box>
      <StatusBar keys={CONFIRM_KEYS} />
    </Box>
  );
}
