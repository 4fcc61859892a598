// `npm run render-forms`: exports the demo data's forms and, when LibreOffice is installed, converts them
// to PDF for a person to look at (not part of CI). Output in render/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndexes } from '../domain/indexes.js';
import { exportAssessment, exportForm1, exportForm2 } from '../io/exports.js';
import { DatastoreFile } from '../store/datastore-file.js';
import { DEFAULT_DATA_FILE, INSTALL_ROOT } from '../store/paths.js';
import { DEMO_TODAY } from './demo-data.js';

const outDir = join(INSTALL_ROOT, 'render');
mkdirSync(outDir, { recursive: true });
const data = await new DatastoreFile(DEFAULT_DATA_FILE).load();
const idx = buildIndexes(data);
const files = ['附件1.xlsx', '附件2.xlsx', '评议考核.xlsx'].map((f) => join(outDir, f));
const options = { asOf: DEMO_TODAY, force: true };
await exportForm1(data, idx, { ...options, out: files[0]! });
await exportForm2(data, idx, { ...options, out: files[1]! });
await exportAssessment(data, idx, data.settings.terms[2]!, { ...options, out: files[2]! });
console.log(`已导出：${files.join('、')}`);
const soffice = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { stdio: 'inherit' });
if (soffice.error) console.log('未安装 LibreOffice（soffice）：apt-get install -y libreoffice-calc 后重试；XLSX 仍可直接打开查看');
else console.log(`PDF 在 ${outDir}`);
