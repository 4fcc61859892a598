import { UserError } from '../domain/errors.js';
import type { Datastore } from '../domain/schema.js';

/**
 * A roster refused: every bad row, one line each as `sheet, row, column: reason`. `attempted`: the
 * datastore as the rows that passed would have left it (the scope check judges what it reached).
 */
export class ImportError extends UserError {
  constructor(
    readonly lines: string[],
    readonly attempted?: Datastore,
  ) {
    super(`导入失败：共 ${lines.length} 处错误，数据未改动\n${lines.join('\n')}`);
  }
}
