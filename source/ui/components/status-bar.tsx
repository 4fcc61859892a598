// The message line (errors marked 错误, not by colour alone) and the keys that work on this screen,
// from the key table, on one line: when the terminal is too narrow the lower-ranked keys are left
// out (the help lists them all), never the way back or the help itself.
import { Box } from 'ink';
import { safeText } from '../../domain/safe-text.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { COMMANDS, GLOBAL_COMMANDS, hint, offered, READ_ONLY_MARK, type CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';
import { Line, Paragraph } from './layout.js';
import { textWidth } from '../text-width.js';

const GAP = '  ';

type Message = NonNullable<ReturnType<typeof useUi>['message']>;
const messageText = (m: Message) => `${m.error ? '错误：' : ''}${safeText(m.text)}`;

/** The lines the message takes at this width (0 without one): it wraps, never cut. */
export function useMessageLines(): number {
  const { message } = useUi();
  const { columns } = useTerminalSize();
  return message ? Math.ceil(textWidth(messageText(message)) / columns) : 0;
}

/** The hints of `names` that fit in `width` columns: rank 3, then rank 2 are dropped, the last first. */
export function fitHints(names: CommandName[], width: number): string {
  const shown = [...names];
  const line = () => shown.map(hint).join(GAP);
  for (const rank of [3, 2] as const) {
    for (let i = shown.length - 1; i >= 0 && textWidth(line()) > width; i--) {
      if (COMMANDS[shown[i]!].rank === rank) shown.splice(i, 1);
    }
  }
  return line();
}

/**
 * `typing`: a field has the keyboard, so the frame's keys (u ? q) are not offered. `note`: a state such
 * as 正在保存. A read-only user is offered no key that changes data, and the line says 只读 first.
 */
export function StatusBar({
  commands,
  typing = false,
  note,
}: {
  commands: CommandName[];
  typing?: boolean;
  note?: string;
}) {
  const { message, readOnly } = useUi();
  const { columns } = useTerminalSize();
  const lead = [readOnly ? READ_ONLY_MARK : '', note ?? '']
    .filter(Boolean)
    .map((s) => s + GAP)
    .join('');
  const keys = fitHints(
    offered(typing ? commands : [...commands, ...GLOBAL_COMMANDS], readOnly),
    columns - textWidth(lead),
  );
  return (
    <Box flexDirection="column">
      {message && <Paragraph color={message.error ? 'red' : undefined}>{messageText(message)}</Paragraph>}
      <Line inverse>
        {lead}
        {keys}
      </Line>
    </Box>
  );
}
