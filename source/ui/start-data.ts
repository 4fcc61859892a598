// What the terminal UI opens with, read before its first frame: the datastore with the reporting term's
// contacts (the store's view), and the overdue digest when one answers for exactly that data. Free of
// React and ink: the command reads it before loading them.
import type { IsoDate } from '../domain/dates.js';
import { reportingTerm } from '../domain/terms.js';
import type { DatastoreFile } from '../store/datastore-file.js';
import type { AppProps } from './app.js';

export type StartData = Required<Pick<AppProps, 'initialData' | 'contactsComplete'>> & Pick<AppProps, 'digest'>;

/** Fails (before ink takes the terminal) when the file is missing or invalid. */
export async function readStartData(store: DatastoreFile, today: IsoDate): Promise<StartData> {
  const initialData = await store.load();
  // The term's digest (none for a user who sees only her colleges) believed only when the main file is
  // still the one just read: then 首页 needs none of the term's windows computed before it shows.
  const kept = await store.keptOverdueDigest(today);
  const digest = kept !== null && !(await store.changedOnDisk()) ? kept : null;
  // Found out after the first frame (it reads the main file again): only the lists' 从未 / 本学期无 depend on it.
  const contactsComplete = async () => {
    const from = reportingTerm(initialData.settings.terms, today)?.start.slice(0, 7);
    const first = await store.firstContactMonth();
    return first === null || (from !== undefined && first >= from);
  };
  return { initialData, contactsComplete, ...(digest === null ? {} : { digest }) };
}
