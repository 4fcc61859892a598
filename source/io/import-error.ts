import { UserError } from '../domain/errors.js';

/** A roster refused: every bad row, one line each as `sheet, row, column: reason`. */
export class ImportError extends UserError {
  constructor(readonly lines: string[]) {
    super(`导入失败：共 ${lines.length} 处错误，数据未改动\n${lines.join('\n')}`);
  }
}
