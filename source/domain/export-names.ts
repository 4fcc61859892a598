// A file in a secretary's own exports folder (exports/<login> beside the datastore) is named by her over
// SSH — in the terminal UI's 导出 and in `exports get` — by one rule: a plain name in that folder (no
// path, no hidden or parent entry), with nothing a terminal would obey, since lists and messages repeat it.
import { controlCharacterIn } from './safe-text.js';

export function isPlainFileName(name: string): boolean {
  return name !== '' && !/[/\\]/.test(name) && !name.startsWith('.') && controlCharacterIn(name) === null;
}
