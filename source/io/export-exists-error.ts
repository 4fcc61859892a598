// An export that would replace a file. Its own module (no exceljs) so the TUI can tell it apart
// without loading the XLSX code: the command line's fix is --force, the TUI's its 覆盖已有文件 field.
import { UserError } from '../domain/errors.js';

export class ExportExistsError extends UserError {
  constructor(readonly file: string) {
    super(`文件 ${file} 已存在：如需覆盖请加 --force（请先在 Excel/WPS 中关闭该文件）`);
  }
}
