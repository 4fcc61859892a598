import type { CommandModule } from 'yargs';
import { changeContext, dateArg, openStore, type GlobalArgs } from '../runtime.js';

interface Args extends GlobalArgs {
  'as-of'?: string;
}

export const tuiCommand: CommandModule<GlobalArgs, Args> = {
  command: '$0',
  describe: '打开终端界面',
  builder: (y) => y.option('as-of', { type: 'string', describe: '把此日期当作“今天”' }),
  handler: async (args) => {
    const today = dateArg(args['as-of'], 'as-of');
    const store = openStore(args);
    // Fails before ink takes the terminal when the file is missing or invalid.
    await store.load();
    // Loaded only here, so plain commands start without React and ink.
    const { runTui } = await import('../../ui/run-tui.js');
    await runTui({ store, today, context: () => changeContext(today) });
  },
};
