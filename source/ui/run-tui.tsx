import { render } from 'ink';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import type { Datastore } from '../domain/schema.js';
import type { DatastoreFile } from '../store/datastore-file.js';
import { App } from './app.js';

/** Runs the UI on the loaded datastore until q; every change goes through `store.update`. */
export async function runTui(opts: { store: DatastoreFile; initialData: Datastore; today: IsoDate; context: () => ChangeContext }): Promise<void> {
  const instance = render(<App store={opts.store} initialData={opts.initialData} today={opts.today} context={opts.context} />);
  await instance.waitUntilExit();
}
