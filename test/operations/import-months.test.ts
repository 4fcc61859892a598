// An import changes the roster: it writes a new roster file and no month file (its contacts sheet aside),
// however many months of contacts the datastore holds — before, it copied every contact and so wrote
// every month file anew (a whole school's history for one new cadre, and as much free disk).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

it('an import that adds a cadre writes the roster, not the months of contacts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slx-import-months-'));
  const data = smallSchool([AUTUMN]);
  const ctx = testContext('2026-11-25');
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: [], start: '2026-09-01' }, ctx);
  for (const date of ['2026-09-10', '2026-10-10', '2026-11-10'])
    logContact(data, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date }, ctx);
  const store = new DatastoreFile(join(dir, 'data.json'));
  await store.create(data);
  const before = new Set(readdirSync(store.layout.partsDir));
  const roster = await fillRoster(join(dir, 'roster.xlsx'), {
    干部: [['T9001', '新干部', '经济管理学院', '', '', '', '', '', '科职以上干部']],
  });
  const imported = await runCli(['import', roster], store.file);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  const written = readdirSync(store.layout.partsDir).filter((name) => !before.has(name));
  expect(written.sort()).toEqual(['roster.r2.index.json', 'roster.r2.json']);
  expect((await store.load('all')).contacts).toHaveLength(3);
});
