import { render } from 'ink';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import type { DatastoreFile } from '../store/datastore-file.js';
import { App } from './app.js';

/** Loads the datastore and runs the UI until q; every change goes through `store.update`. */
export async function runTui(opts: { store: DatastoreFile; today: IsoDate; context: () => ChangeContext }): Promise<void> {
  const initialData = await opts.store.load();
  const instance = render(<App store={opts.store} initialData={initialData} today={opts.today} context={opts.context} />);
  await instance.waitUntilExit();
}
