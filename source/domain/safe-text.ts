/** Replaces control characters (ANSI escapes included) so names and notes cannot drive a terminal. */
export function safeText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
}
