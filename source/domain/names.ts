// People's names as secretaries type them: padded with full-width spaces (赵　磊), spaced out (赵 磊),
// with full-width parentheses. Only spaces and parentheses are NFKC-normalised; every other character
// is kept as typed (NFKC would also change a CJK compatibility ideograph, which may be the person's
// real character, and full-width letters a secretary chose), and spaces between Latin words are kept.

/** Every Unicode space separator (U+3000, NBSP, thin spaces…) and the invisible zero-width space and BOM. */
const SPACES = /[\p{Zs}\u200b\ufeff]+/gu;
const PARENTHESES = /[（）［］｛｝]/g;
/** A space with a Han character on each side: inside a Chinese name, not between words. */
const SPACE_IN_HAN = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;

/** Spaces and parentheses NFKC-normalised (U+3000 → space, （ → (), the rest as typed. */
export function foldSpacesAndParentheses(text: string): string {
  return text.replace(SPACES, ' ').replace(PARENTHESES, (p) => p.normalize('NFKC'));
}

/** The name as stored and as looked up: `赵　磊`, ` 赵 磊 ` and `赵磊` are all `赵磊`. */
export function normalizeName(text: string): string {
  return foldSpacesAndParentheses(text).trim().replace(SPACE_IN_HAN, '');
}
