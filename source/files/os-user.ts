import { userInfo } from 'node:os';

/** The OS account that made a change, for the journal. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? '';
  }
}
