import { render } from 'ink';
import type { IsoDate } from '../domain/dates.js';
import type { Datastore } from '../domain/schema.js';
import { App } from './app.js';

export async function runTui(opts: { data: Datastore; today: IsoDate }): Promise<void> {
  const instance = render(<App data={opts.data} today={opts.today} />);
  await instance.waitUntilExit();
}
