/**
 * Replaces what could drive or garble a terminal with U+FFFD: control characters (C0 incl. ESC,
 * so ANSI/OSC sequences lose their introducer; DEL; C1 incl. the 8-bit CSI U+009B), lone surrogates and the
 * bidirectional controls (U+202E and kin), which reorder what follows them on the line ("Trojan Source").
 */
export function safeText(value: string): string {
  // With the u flag a well-formed surrogate pair is one code point: \p{Surrogate} matches only lone halves.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Surrogate}/gu, '\ufffd');
}
