// `?`: every key of the UI, over the current screen (which keeps its state underneath).
import { Box, Text } from 'ink';
import { HELP_LINES } from '../keymap.js';

export function HelpOverlay() {
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1}>
      <Text bold>帮助</Text>
      {HELP_LINES.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <Text inverse>? 或 Esc 关闭帮助  q 退出</Text>
    </Box>
  );
}
