// The limits of a roster import, in a module of their own: the CLI checks standard input against them
// before the XLSX modules (exceljs) are loaded.
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 50_000;

export const tooBigMessage = (name: string) => `文件 ${name} 超过 20 MB，拒绝导入：请拆分后分批导入`;
