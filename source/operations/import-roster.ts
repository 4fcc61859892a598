// 导入花名册: the whole roster or nothing. The terminal UI's preview is this operation on the store's
// preview: the same read, the same contacts and the same code as the import that follows the y.
import { describeImport, type ImportSummary } from '../io/import-summary.js';
import { changeOperation } from './operation.js';

export interface ImportInput {
  /** The file, or the name of `bytes` in messages (标准输入). */
  file: string;
  /** The workbook itself, read from standard input (`import -`, over SSH). */
  bytes?: Buffer;
}

export interface Imported {
  file: string;
  summary: ImportSummary;
}

export const importRosterOperation = changeOperation<ImportInput, Imported>({
  name: '导入花名册',
  // Contacts in the roster are compared with every contact on file (a row met again is not added twice).
  hints: () => ({ contacts: 'all' }),
  async apply(data, { file, bytes }, ctx, { colleges }) {
    // The XLSX modules (exceljs, ~150 ms to load) load only when a roster is imported.
    const { importRoster } = await import('../io/roster-import.js');
    return { file, summary: await importRoster(data, file, ctx, { bytes, colleges }) };
  },
  question: ({ file, summary }) => `导入 ${file}：${describeImport(summary)}`,
  done: ({ file, summary }) => `已导入 ${file}：${describeImport(summary)}`,
});
