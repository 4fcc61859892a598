import { render } from 'ink';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import type { Datastore } from '../domain/schema.js';
import type { DatastoreFile, RangeArg } from '../store/datastore-file.js';
import { App } from './app.js';

// Bracketed paste: the terminal marks pasted text, so a paste reaches a field as text, not as keys.
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

/** Runs the UI on the loaded datastore until q; every change is an operation, its save reading back `view`'s contacts. */
export async function runTui(opts: { store: DatastoreFile; initialData: Datastore; today: IsoDate; view: RangeArg; context: () => ChangeContext; contactsComplete: boolean; exportsDir?: string }): Promise<void> {
  process.stdout.write(BRACKETED_PASTE_ON);
  try {
    const instance = render(<App store={opts.store} initialData={opts.initialData} today={opts.today} view={opts.view} context={opts.context} contactsComplete={opts.contactsComplete} {...(opts.exportsDir === undefined ? {} : { exportsDir: opts.exportsDir })} />);
    await instance.waitUntilExit();
  } finally {
    process.stdout.write(BRACKETED_PASTE_OFF);
  }
}
