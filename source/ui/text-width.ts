// A text's width in terminal columns (汉字 two), as string-width measures it, remembered: every keystroke
// renders the screen again, tables fit every cell again, and string-width segments its whole input into
// graphemes (~40 µs a call), for the same few hundred texts each time.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Enough for every text of a few screens; dropped whole when full (a screen refills it in one frame). */
const LIMIT = 20_000;
const widths = new Map<string, number>();
const cuts = new Map<string, string>();

export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let w = widths.get(text);
  if (w === undefined) {
    if (widths.size >= LIMIT) widths.clear();
    widths.set(text, (w = stringWidth(text)));
  }
  return w;
}

/** `make(text, width)` remembered by text and width (layout.tsx's cut with …). */
export function rememberedCut(text: string, width: number, make: (text: string, width: number) => string): string {
  const key = `${width}\u0000${text}`;
  let out = cuts.get(key);
  if (out === undefined) {
    if (cuts.size >= LIMIT) cuts.clear();
    cuts.set(key, (out = make(text, width)));
  }
  return out;
}
