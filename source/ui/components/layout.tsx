// The pieces that keep every line within the terminal's width: a one-line text cut with …, a
// bordered panel whose inside is narrower by its border and padding, and lines flowed to a width.
import cliTruncate from 'cli-truncate';
import { Box, Text, type TextProps } from 'ink';
import { Children, Fragment, isValidElement, type ReactNode } from 'react';
import { TerminalSizeContext, useTerminalSize } from '../hooks/use-terminal-size.js';
import { rememberedCut, textWidth } from '../text-width.js';

/** `text` cut with … to at most `width` display columns. */
export function cut(text: string, width: number): string {
  return textWidth(text) <= width ? text : rememberedCut(text, width, cutNow);
}

function cutNow(text: string, width: number): string {
  // cli-truncate keeps a wide character that straddles the limit (one column over): ask for less.
  let out = cliTruncate(text, width, { position: 'end' });
  for (let n = width - 1; textWidth(out) > width && n > 0; n--) out = cliTruncate(text, n, { position: 'end' });
  return out;
}

/** The text of `children` when it is only strings and numbers (in fragments too), else null. */
function plainText(children: ReactNode): string | null {
  let text = '';
  for (const part of Children.toArray(children)) {
    if (typeof part === 'string' || typeof part === 'number') text += String(part);
    else if (isValidElement<{ children?: ReactNode }>(part) && part.type === Fragment) {
      const inner = plainText(part.props.children);
      if (inner === null) return null;
      text += inner;
    } else return null;
  }
  return text;
}

/** One line of text, cut with … at the available width (never wrapped onto a second line). */
export function Line({ children, ...props }: Omit<TextProps, 'wrap'>) {
  const { columns } = useTerminalSize();
  // Plain text is cut here (ink's own truncation can leave a wide character one column over).
  const text = plainText(children);
  return (
    <Box width={columns} flexShrink={0}>
      <Text {...props} wrap="truncate-end">
        {text === null ? children : cut(text, columns)}
      </Text>
    </Box>
  );
}

/** Text that may take several lines, wrapped at the available width. */
export function Paragraph(props: Omit<TextProps, 'wrap'>) {
  const { columns } = useTerminalSize();
  return (
    <Box width={columns} flexShrink={0}>
      <Text {...props} wrap="wrap" />
    </Box>
  );
}

/** A bordered box (forms, questions, help) as wide as the terminal; inside it, 4 columns fewer. */
export function Panel({ children }: { children: ReactNode }) {
  const size = useTerminalSize();
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1} width={size.columns} flexShrink={0}>
      <TerminalSizeContext.Provider value={{ ...size, columns: size.columns - 4 }}>
        {children}
      </TerminalSizeContext.Provider>
    </Box>
  );
}

/**
 * `title：a  b  c` in lines of at most `width` columns, the continued lines indented; `gap` between the
 * items on a line (none for the clauses of a sentence).
 */
export function flow(title: string, items: string[], width: number, gap = '  '): string[] {
  const lines: string[] = [];
  let line = title ? `${title}：` : '';
  for (const item of items) {
    const fresh = line === '' || line.endsWith('：') || line.trim() === '';
    const next = fresh ? line + item : `${line}${gap}${item}`;
    if (fresh || textWidth(next) <= width) line = next;
    else {
      lines.push(line);
      line = `  ${item}`;
    }
  }
  return [...lines, line];
}
