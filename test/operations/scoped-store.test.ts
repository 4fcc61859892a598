// A college secretary's store (operations/scoped-store.ts) is all a client can reach of the datastore:
// whatever it answers, of every read and change it offers, names nothing of another college's own records.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { randomId } from '../../source/domain/context.js';
import { logContact } from '../../source/domain/contacts.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { findCadre } from '../../source/domain/lookup.js';
import { ScopedStore } from '../../source/operations/scoped-store.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { testContext } from '../helpers/fixtures.js';
import { sharedDormSchool } from '../helpers/shared-dorm-school.js';

/** 机电信息学院's own class, cadre, student and dorm, by name and by id. */
const THEIRS = /软件1班|周七|小红|c_zq|cls_rj|s_2|d_202/;
const TODAY = '2026-09-20';

/** Each method her store offers, called as a client would: a method left out here fails the test. */
const calls: Record<string, (store: ScopedStore, school: DatastoreFile) => Promise<unknown>> = {
  file: async (s) => s.file,
  layout: async (s) => s.layout,
  actor: (s) => s.actor(),
  changingColleges: async (s) => [...(s.changingColleges(await s.load()) ?? ['all'])],
  load: (s) => s.load('all'),
  find: async (s) => {
    const idx = buildIndexes(await s.load());
    await expect(s.find(() => findCadre(idx, '周七'))).rejects.toThrow('干部“周七”属于其他学院');
    return s.find(() => findCadre(idx, '张三'));
  },
  overdueDigest: (s) => s.overdueDigest(TODAY),
  keptOverdueDigest: (s) => s.keptOverdueDigest(TODAY),
  firstContactMonth: (s) => s.firstContactMonth(),
  changedOnDisk: (s) => s.changedOnDisk(),
  reloadIfChanged: async (s, school) => {
    await s.load();
    await school.update((d) => void (d.cadres.find((c) => c.id === 'c_zq')!.shortPhone = '661234'), { action: 't' });
    const fresh = await s.reloadIfChanged();
    expect(fresh).not.toBeNull();
    return fresh;
  },
  create: (s) => s.create(sharedDormSchool()).catch((e: Error) => e.message),
  update: (s) => s.update((d) => void (d.cadres.find((c) => c.id === 'c_zs')!.shortPhone = '665555'), { action: 't' }),
  preview: (s) => s.preview((d) => void (d.cadres.find((c) => c.id === 'c_zs')!.shortPhone = '664444')),
  undo: (s) => s.undo({ action: '撤销' }),
  history: (s) => s.history(),
  backups: (s) => s.backups(),
  restore: async (s) => {
    const [backup] = await s.backups();
    return s.restore(backup!.id, { action: '恢复备份' }).catch((e: Error) => e.message);
  },
};

/** The methods and getters a client can call on `store`, wherever on its prototype chain they are. */
function offered(store: object): string[] {
  const names: string[] = [];
  for (let p = Object.getPrototypeOf(store) as object; p !== Object.prototype; p = Object.getPrototypeOf(p) as object)
    names.push(...Object.getOwnPropertyNames(p).filter((n) => n !== 'constructor'));
  return names.sort();
}

describe('her store', () => {
  it('answers every read and change with her college alone: there is no other way to the datastore', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-scoped-')), 'data.json');
    const data = sharedDormSchool();
    // Ids of its own: the school's were taken from a counter of their own.
    const ctx = { ...testContext(TODAY), newId: randomId };
    assign(data, { cadreId: 'c_zq', classId: 'cls_rj', studentIds: [], start: '2026-09-01' }, ctx);
    logContact(data, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-09-10', note: '' }, ctx);
    logContact(data, { cadreId: 'c_zq', duty: 'dorm', targetId: 'd_202', date: '2026-09-11', note: '' }, ctx);
    await new DatastoreFile(file).create(data);
    const school = new DatastoreFile(file);
    // What the whole school reads names them: the test below would see a leak.
    expect(JSON.stringify(await school.load())).toMatch(THEIRS);

    const wang = new ScopedStore(file, undefined, { login: 'wang', forced: true });
    expect(offered(wang)).toEqual(Object.keys(calls).sort());
    for (const [name, call] of Object.entries(calls)) {
      const answer = JSON.stringify((await call(wang, school)) ?? null);
      expect(answer, name).not.toMatch(THEIRS);
    }
  });
});
