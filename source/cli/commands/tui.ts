import { readsOnly, scopeOf } from '../../domain/scope.js';
import { reportingTermContacts } from '../../operations/ranges.js';
import { changeContext, currentIdentity, dateArg, openStore, userExportsDir, type GlobalArgs } from '../runtime.js';
import { clearCiMarkers, requireInteractiveTerminal } from '../interactive-terminal.js';
import { plainCommand } from '../plain-command.js';
import { readStartData, refreshDigest } from '../../ui/start-data.js';

interface Args extends GlobalArgs {
  'as-of'?: string;
}

export const tuiCommand = plainCommand<Args>({
  command: '$0',
  describe: '打开终端界面',
  // Shown in the top-level --help, which reads as every command's: say whose it is (assign, reassign take --start, --date).
  options: { 'as-of': { type: 'string', describe: '（仅终端界面）把此日期当作“今天”；各命令的日期见其 --help' } },
  handler: async (args) => {
    const today = dateArg(args['as-of'], 'as-of');
    // The reporting term's contacts are what the screens show and what every save reads back; older months stay on disk.
    const view = reportingTermContacts(today);
    const store = openStore(args, { contacts: view });
    // Fails before ink takes the terminal when the file is missing or invalid.
    const start = await readStartData(store, today);
    requireInteractiveTerminal();
    clearCiMarkers();
    // Loaded only here, so plain commands start without React and ink.
    const { runTui } = await import('../../ui/run-tui.js');
    const who = currentIdentity();
    // Over SSH a secretary's exports land in her own folder beside the datastore, never at a path she types.
    const exportsDir = who.forced ? userExportsDir(store.layout.main, who.login) : undefined;
    const actor = await store.actor();
    const readOnly = readsOnly(actor);
    await runTui({
      store,
      ...start,
      today,
      view,
      readOnly,
      scope: scopeOf(actor),
      context: () => changeContext(today),
      ...(exportsDir === undefined ? {} : { exportsDir }),
    });
    await refreshDigest(store, today);
  },
});
