import type { CommandModule } from 'yargs';
import { shanghaiDateTime } from '../../domain/dates.js';
import { safeJson, safeText } from '../../domain/safe-text.js';
import { undoOperation } from '../../operations/journal.js';
import { openStore, operations, type GlobalArgs } from '../runtime.js';
import { renderTable } from '../text-table.js';

interface HistoryArgs extends GlobalArgs {
  limit: number;
  json: boolean;
}

export const historyCommand: CommandModule<GlobalArgs, HistoryArgs> = {
  command: 'history',
  describe: '修改日志：每次修改的时间、用户、操作和改动（最新的在前）',
  builder: (y) =>
    y
      .option('limit', { type: 'number', default: 20, describe: '显示最近多少次' })
      .option('json', { type: 'boolean', default: false, describe: '输出 JSON（含每条记录修改前后的内容）' }),
  handler: async (args) => {
    // The latest entries hold every undo of those shown: an undo always comes after what it undoes.
    const entries = await openStore(args).history(Math.max(1, args.limit));
    const undone = new Set(entries.flatMap((e) => (e.undoOf === undefined ? [] : [e.undoOf])));
    const shown = [...entries].reverse();
    if (args.json) {
      console.log(safeJson(shown));
      return;
    }
    if (shown.length === 0) {
      console.log('日志中还没有修改');
      return;
    }
    const rows = shown.map((e) => [
      String(e.revision),
      shanghaiDateTime(new Date(e.at)),
      e.user,
      e.action,
      `${e.summary}${undone.has(e.revision) ? '（已撤销）' : ''}${e.undoOf !== undefined ? `（撤销第 ${e.undoOf} 号）` : ''}`,
    ]);
    console.log(await renderTable(['编号', '时间', '用户', '操作', '改动'], rows));
  },
};

interface UndoArgs extends GlobalArgs {
  revision?: number;
}

export const undoCommand: CommandModule<GlobalArgs, UndoArgs> = {
  command: 'undo',
  describe: '撤销最近一次修改（若之后的修改依赖它，则说明原因并不做改动）',
  builder: (y) => y.option('revision', { type: 'number', describe: '撤销指定编号的修改（见 history）' }),
  handler: async (args) => {
    console.log(safeText((await operations(args).run(undoOperation, { revision: args.revision })).message));
  },
};
