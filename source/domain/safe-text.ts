/**
 * Characters that could drive or garble a terminal: C0 controls (incl. ESC, so ANSI/OSC sequences lose
 * their introducer), DEL, C1 (incl. the 8-bit CSI U+009B), and the bidirectional controls (U+202E and
 * kin), which reorder what follows them on the line ("Trojan Source"). Import refuses them too.
 */
// eslint-disable-next-line no-control-regex
export const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** With the u flag a well-formed surrogate pair is one code point: this matches only lone halves. */
export const LONE_SURROGATE = /\p{Surrogate}/u;

const UNSAFE = new RegExp(`${TERMINAL_CONTROL.source}|${LONE_SURROGATE.source}`, 'gu');

/** Replaces every terminal control and lone surrogate with U+FFFD. */
export function safeText(value: string): string {
  return value.replace(UNSAFE, '\ufffd');
}

/** safeText for text of several lines (a message, a report): its line breaks kept. */
export function safeLines(value: string): string {
  return value.split('\n').map(safeText).join('\n');
}

/**
 * What in `text` a terminal would obey, named for a message (`控制字符 U+001B`, `换行`), or null. Notes
 * may keep line breaks and tabs (`allowLineBreaks`). Input refuses what safeText would replace.
 */
export function controlCharacterIn(text: string, allowLineBreaks = false): string | null {
  if (LONE_SURROGATE.test(text)) return '无效的 Unicode 字符（孤立的代理项）';
  const bad = TERMINAL_CONTROL.exec(allowLineBreaks ? text.replace(/[\t\n]/g, '') : text);
  if (!bad) return null;
  if (bad[0] === '\n' || bad[0] === '\r') return '换行';
  if (bad[0] === '\t') return '制表符';
  return `控制字符 U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

// JSON.stringify escapes C0 controls and lone surrogates; these it leaves raw.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Pretty JSON for output: also DEL, C1 and the bidirectional controls as \u escapes (the same strings to a parser). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
