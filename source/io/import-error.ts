import { UserError } from '../domain/errors.js';
import type { NotFoundError } from '../domain/lookup.js';
import type { Datastore } from '../domain/schema.js';

/** A line that names a record the data did not hold: its place (`sheet, row, column`) and what was typed. */
export interface ImportMiss {
  place: string;
  miss: NotFoundError;
}

/**
 * A roster refused: every bad row, one line each as `sheet, row, column: reason`. `attempted`: the
 * datastore as the rows that passed would have left it (the scope check judges what it reached).
 * `misses`: the lines that found nothing, by line (for a college user, perhaps another college's record).
 */
export class ImportError extends UserError {
  constructor(
    readonly lines: string[],
    readonly attempted?: Datastore,
    readonly misses: ReadonlyMap<string, ImportMiss> = new Map(),
  ) {
    super(`导入失败：共 ${lines.length} 处错误，数据未改动\n${lines.join('\n')}`);
  }
}
