// 撤销 and 恢复备份: changes made by the store from its journal and its backups.
import type { RestoredBackup } from '../store/restore.js';
import type { Operation } from './operation.js';

export interface UndoInput {
  /** The change to undo (its number in history); omitted: the latest not yet undone. */
  revision?: number;
}

export const undoOperation: Operation<UndoInput, string> = {
  name: '撤销',
  async run(store, input, _ctx, how) {
    const saved = await store.undo({ action: how.action }, input.revision);
    // The undo read only the contacts the reverted change touched: a client with a view reads it again.
    return how.view === undefined ? saved : { ...saved, data: await store.load(how.view) };
  },
  done: (said) => said,
};

export interface RestoreInput {
  /** The backup's id, as `backups` lists it. */
  backup: string;
}

export interface Restored extends RestoredBackup {
  /** The revision the restore saved as. */
  revision: number;
}

export const restoreOperation: Operation<RestoreInput, Restored> = {
  name: '恢复备份',
  async run(store, input, _ctx, how) {
    const saved = await store.restore(input.backup, { action: `${how.action} ${input.backup}` });
    return { ...saved, result: { ...saved.result, revision: saved.revision } };
  },
  done: ({ backup, aside, revision }) =>
    `已恢复到备份 ${backup.id}（${backup.time}，版本 ${backup.revision}）；当前版本 ${revision}。` +
    (aside.length > 0
      ? `原数据无法读取，已移到 ${aside.join('、')}（未删除）`
      : '恢复前的数据已备份，可用 sanlianxi backups 查看'),
};
