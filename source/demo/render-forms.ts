// `npm run render-forms`: exports the demo data's three forms as of the demo's date, prints them to PDF
// with LibreOffice and the PDF pages to PNG (pdftoppm), for a person to look at. Output in render/
// (git-ignored).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndexes } from '../domain/indexes.js';
import { reportingTerm } from '../domain/terms.js';
import { exportAssessment, exportForm1, exportForm2 } from '../io/exports.js';
import { DatastoreFile } from '../store/datastore-file.js';
import { DEFAULT_DATA_FILE, INSTALL_ROOT } from '../files/paths.js';
import { DEMO_TODAY } from './demo-data.js';
import { toPdf, toPng } from './pdf-tools.js';

const outDir = join(INSTALL_ROOT, 'render');
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (/\.(xlsx|pdf|png)$/.test(f)) rmSync(join(outDir, f));
const data = await new DatastoreFile(DEFAULT_DATA_FILE).load();
const idx = buildIndexes(data);
const files = ['附件1.xlsx', '附件2.xlsx', '评议考核.xlsx'].map((f) => join(outDir, f));
const options = { asOf: DEMO_TODAY, force: true };
await exportForm1(data, idx, { ...options, out: files[0]! });
await exportForm2(data, idx, { ...options, out: files[1]! });
const term = reportingTerm(data.settings.terms, DEMO_TODAY);
if (!term) throw new Error(`演示数据在 ${DEMO_TODAY} 没有学期`);
await exportAssessment(data, idx, term, { ...options, out: files[2]! });
console.log(`已导出（截至 ${DEMO_TODAY}）：${files.join('、')}`);
try {
  for (const pdf of toPdf(files, outDir)) console.log(`${pdf}：${toPng(pdf).length} 页 PNG`);
  console.log(`PNG 页面在 ${outDir}`);
} catch (error) {
  console.log(`${(error as Error).message}\nXLSX 仍可直接打开查看`);
  process.exitCode = 1;
}
