import type { CommandModule } from 'yargs';
import { restoreOperation } from '../../operations/journal.js';
import { openStore, operations, type GlobalArgs } from '../runtime.js';
import { renderTable } from '../text-table.js';
import { KEEP_BACKUP_DAYS, KEEP_LAST_BACKUPS } from '../../store/retention.js';

export const backupsCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'backups',
  describe: `列出自动备份（最近 ${KEEP_LAST_BACKUPS} 次保存，以及最近 ${KEEP_BACKUP_DAYS} 个有保存的日子每天一份；最新的在前）`,
  handler: async (args) => {
    const store = openStore(args);
    const list = (await store.backups()).reverse();
    if (list.length === 0) {
      console.log(`${store.file} 还没有备份：每次保存前会自动备份`);
      return;
    }
    console.log(
      await renderTable(
        ['备份', '时间', '版本'],
        list.map((b) => [b.id, b.time, String(b.revision)]),
      ),
    );
    console.log(`共 ${list.length} 份，位于 ${store.layout.backupsDir}；恢复：sanlianxi restore <备份>`);
  },
};

interface RestoreArgs extends GlobalArgs {
  backup: string;
}

export const restoreCommand: CommandModule<GlobalArgs, RestoreArgs> = {
  command: 'restore <backup>',
  describe: '把数据恢复到某个备份（恢复前的数据也会先备份）',
  builder: (y) =>
    y.positional('backup', { type: 'string', demandOption: true, describe: '备份名（见 sanlianxi backups）' }),
  handler: async (args) => {
    console.log((await operations(args).run(restoreOperation, { backup: String(args.backup) })).message);
  },
};
