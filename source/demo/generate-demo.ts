// Writes the bundled demo datastore: `npm run demo` (deterministic, committed as data/sanlianxi.json).
import { rm } from 'node:fs/promises';
import { DatastoreFile } from '../store/datastore-file.js';
import { DEFAULT_DATA_FILE } from '../files/paths.js';
import { buildDemoData } from './demo-data.js';

const file = process.argv[2] ?? DEFAULT_DATA_FILE;
const store = new DatastoreFile(file);
for (const path of [file, store.layout.partsDir, store.layout.backupsDir, store.layout.journal, store.layout.seal])
  await rm(path, { recursive: true, force: true });
const data = buildDemoData();
await store.create(data);
console.log(
  `已生成演示数据 ${file}：${data.cadres.length} 名干部，${data.classes.length} 个班级，${data.contacts.length} 条联系记录`,
);
