// A y/n question before anything destructive; nothing happens until y.
import { Box, Text, useInput } from 'ink';
import { safeText } from '../../domain/safe-text.js';
import { CONFIRM_KEYS } from '../keymap.js';
import { useUi } from '../ui-context.js';
import { StatusBar } from './status-bar.js';

export function Confirm({ question, onYes, onNo }: { question: string; onYes: () => void; onNo: () => void }) {
  const { active } = useUi();
  useInput(
    (input, key) => {
      if (input === 'y' || input === 'Y') onYes();
      else if (input === 'n' || input === 'N' || key.escape) onNo();
    },
    { isActive: active },
  );
  return (
    <Box flexDirection="column">
      <Box borderStyle="single" paddingX={1}>
        <Text>{safeText(question)}（y/n）</Text>
      </Box>
      <StatusBar keys={CONFIRM_KEYS} />
    </Box>
  );
}
