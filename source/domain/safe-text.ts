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
