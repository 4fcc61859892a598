// The message line (errors marked 错误, not by colour alone) and the keys that work on this screen.
import { Box, Text } from 'ink';
import { safeText } from '../../domain/safe-text.js';
import { COMMON_KEYS } from '../keymap.js';
import { useUi } from '../ui-context.js';

export function StatusBar({ keys, typing = false }: { keys: string; typing?: boolean }) {
  const { message } = useUi();
  return (
    <Box flexDirection="column">
      {message && (
        <Text color={message.error ? 'red' : undefined} wrap="truncate-end">
          {message.error ? '错误：' : ''}
          {safeText(message.text)}
        </Text>
      )}
      {/* Wraps rather than cuts: every key must stay visible at 80 columns. */}
      <Text inverse wrap="wrap">
        {typing ? keys : `${keys}  ${COMMON_KEYS}`}
      </Text>
    </Box>
  );
}
