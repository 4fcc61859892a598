// The limits of a roster import, in a module of their own: the CLI checks standard input against them
// before the XLSX modules (exceljs) are loaded.
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 50_000;
/**
 * Cells of all sheets: exceljs holds each as an object (1,000,000 take some 600 MB), and a small server's
 * Node stops the process at its heap limit, not with a message. The widest sheet has 9 columns.
 */
export const MAX_CELLS = 1_000_000;

export const tooBigMessage = (name: string) => `文件 ${name} 超过 20 MB，拒绝导入：请拆分后分批导入`;
