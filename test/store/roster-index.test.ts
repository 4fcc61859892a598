import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { buildIndexes, dormKey, type Indexes } from '../../source/domain/indexes.js';
import { normalizeName } from '../../source/domain/names.js';
import type { Datastore } from '../../source/domain/schema.js';
import { logContactOperation } from '../../source/operations/log-contact.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { asciiJson } from '../../source/store/ascii-json.js';
import type { MainCollections } from '../../source/store/file-schemas.js';
import { indexesFor, LazyRoster, parsedLists } from '../../source/store/lazy-roster.js';
import {
  indexedRosterText,
  readRosterIndex,
  writeRosterIndex,
  type RosterIndex,
} from '../../source/store/roster-index.js';
import { sha256 } from '../../source/files/file-identity.js';
import { wholeSchool } from '../helpers/stores.js';
import { smallSchool, testContext } from '../helpers/fixtures.js';

/** smallSchool with records added from the generated texts: names with spaces, parentheses, any character, repeated. */
function roster(extra: { name: string; no: string | null; building: string }[]): MainCollections {
  const data = smallSchool();
  const ctx = testContext('2026-11-25');
  extra.forEach((x, i) => {
    data.cadres.push({ ...data.cadres[0]!, id: `c_x${i}`, name: x.name, employeeNo: x.no });
    data.dorms.push({
      id: `d_x${i}`,
      building: x.building,
      number: String(i),
      classIds: [`cls_x${i}`],
      leader: x.name,
      size: null,
      note: x.name,
    });
    data.students.push({
      id: `s_x${i}`,
      studentNo: `${x.no ?? 'S'}-${i}`,
      name: x.name,
      classId: 'cls_rj',
      dormId: null,
      categories: [],
      contact: '',
    });
    data.classes.push({ ...data.classes[0]!, id: `cls_x${i}`, name: `${x.building}${i}班` });
  });
  assign(
    data,
    { cadreId: 'c_zs', classId: 'cls_kj', dormIds: ['d_101'], studentIds: ['s_1'], start: '2026-09-01' },
    ctx,
  );
  assign(data, { cadreId: 'c_ls', classId: 'cls_rj', dormIds: ['d_201'], studentIds: [], start: '2026-09-01' }, ctx);
  if (extra.length > 0)
    assign(data, { cadreId: 'c_x0', classId: 'cls_x0', dormIds: ['d_x0'], studentIds: [], start: '2026-09-01' }, ctx);
  const { contacts: _, ...collections } = data;
  return collections;
}

const extras = fc.array(
  fc.record({
    name: fc.oneof(
      fc.constantFrom('张三', '张 三', '张　三', '李四（一）', 'Li Ming'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    no: fc.option(fc.constantFrom('T001', 'T100', 'T101', '工号1'), { nil: null }),
    building: fc.oneof(fc.constantFrom('1号楼', '7号楼'), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })),
  }),
  { maxLength: 8 },
);

/** Every key of every index map the lazy roster answers record by record, and keys no record has. */
function expectSameLookups(idx: Indexes, ref: Indexes): void {
  const maps = [
    'cadreById',
    'cadreByEmployeeNo',
    'cadresByName',
    'classById',
    'classByName',
    'dormById',
    'dormByKey',
    'studentById',
    'studentByNo',
    'assignmentsByCadre',
  ] as const;
  for (const name of maps) {
    const refMap = ref[name] as ReadonlyMap<string, unknown>;
    for (const key of [...refMap.keys(), '不存在', ''])
      expect((idx[name] as ReadonlyMap<string, unknown>).get(key), `${name} ${key}`).toEqual(refMap.get(key));
  }
}

const ref = { file: 'roster.r1.json', sha256: sha256('roster') };
const lazyRoster = (text: string, index: RosterIndex) => LazyRoster.read(ref, text, index);
/** Data read from `roster` (lists unread) with no contacts, and the lookups the store gives a change on it. */
function dataOf(roster: LazyRoster): { data: Datastore; idx: Indexes } {
  const data = roster.with({ contacts: [] });
  return { data, idx: indexesFor(data) };
}

describe('the roster read through its index', () => {
  it('is the roster file text byte for byte, and answers every lookup as indexes built from the whole roster do (fast-check)', () => {
    fc.assert(
      fc.property(extras, (extra) => {
        const collections = roster(extra);
        const { text, index } = indexedRosterText(collections);
        expect(text).toBe(asciiJson(collections));
        const lazy = lazyRoster(text, index)!;
        const whole = buildIndexes({ ...(JSON.parse(text) as MainCollections), contacts: [] });
        expectSameLookups(dataOf(lazy).idx, whole);
        expect({ ...lazy.collections }).toEqual(JSON.parse(text));
        expect(Object.isFrozen(lazy.collections.cadres) && Object.isFrozen(lazy.collections.cadres[0])).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('reads only the records a lookup finds, and a list at its first read', () => {
    const { text, index } = indexedRosterText(roster([]));
    const lazy = lazyRoster(text, index)!;
    const { data, idx } = dataOf(lazy);
    expect(idx.dormById.get(idx.dormByKey.get('1号楼-101')!.id)!.number).toBe('101');
    expect(idx.assignmentsByCadre.get(idx.cadreByEmployeeNo.get('T001')!.id)!.map((a) => a.classId)).toEqual([
      'cls_kj',
    ]);
    expect(parsedLists(data)).toEqual([]);
    expect(data.users).toEqual([]);
    expect(parsedLists(data)).toEqual(['users']);
    // A list read after its records were found holds those very records (frozen).
    const found = idx.dormByKey.get('1号楼-101');
    expect(data.dorms.find((d) => d.id === found?.id)).toBe(found);
    expect(Object.isFrozen(found)).toBe(true);
  });

  it('answers right from an index that does not match its text: lists read whole', () => {
    fc.assert(
      fc.property(extras, fc.integer({ min: 1, max: 40 }), (extra, shift) => {
        const collections = roster(extra);
        const { text, index } = indexedRosterText(collections);
        const whole = buildIndexes({ ...(JSON.parse(text) as MainCollections), contacts: [] });
        const shifted: RosterIndex = {
          ...index,
          starts: Object.fromEntries(
            Object.entries(index.starts).map(([t, s]) => [t, s.map((n) => Math.max(0, n - shift))]),
          ) as RosterIndex['starts'],
        };
        const swapped: RosterIndex = {
          ...index,
          keys: {
            ...index.keys,
            dormByKey: [...index.keys.dormByKey!].reverse(),
            cadreByEmployeeNo: [...index.keys.cadreByEmployeeNo!].reverse(),
            cadresByName: [...index.keys.cadresByName!].reverse(),
          },
        };
        const missing: RosterIndex = {
          ...index,
          keys: {
            ...index.keys,
            dormByKey: index.keys.dormByKey!.map(() => '?'),
            studentByNo: index.keys.studentByNo!.map(() => '?'),
          },
        };
        for (const wrong of [shifted, swapped, missing]) expectSameLookups(dataOf(lazyRoster(text, wrong)!).idx, whole);
      }),
      { numRuns: 40 },
    );
  });

  it('gives data whose lists cannot be replaced or changed: a write throws', () => {
    const { text, index } = indexedRosterText(roster([]));
    const { data } = dataOf(lazyRoster(text, index)!);
    expect(() => (data.dorms = [])).toThrow(TypeError);
    expect(() => data.dorms.pop()).toThrow(TypeError);
    expect(data.dorms).toHaveLength(smallSchool().dorms.length);
  });

  it('refuses an index it cannot read against the text', () => {
    const { text, index } = indexedRosterText(roster([]));
    expect(lazyRoster(text, { ...index, sections: { ...index.sections, dorms: [0, text.length + 1] } })).toBeNull();
    expect(lazyRoster(text, { ...index, keys: { ...index.keys, dormByKey: [] } })).toBeNull();
    expect(lazyRoster(text, { ...index, starts: { ...index.starts, cadres: [] } })).toBeNull();
  });
});

describe('the index file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'slx-index-'));

  it('is read back only for the roster text it was written for, and only whole', async () => {
    const collections = roster([{ name: '赵　磊', no: 'T900', building: '9号楼' }]);
    const { text, index } = indexedRosterText(collections);
    const file = join(dir(), 'roster.r1.index.json');
    const rosterSha = sha256(`${text}\n`);
    await writeRosterIndex(file, rosterSha, index);
    expect(await readRosterIndex(file, rosterSha)).toEqual(index);
    expect(index.keys.cadresByName).toContain(normalizeName('赵　磊'));
    expect(index.keys.dormByKey).toContain(dormKey({ building: '9号楼', number: '0' }));
    expect(await readRosterIndex(file, sha256('another roster'))).toBeNull();
    const bytes = readFileSync(file, 'latin1');
    writeFileSync(file, bytes.replace('"starts":{"colleges":[', '"starts":{"colleges":[1,'), 'latin1');
    expect(await readRosterIndex(file, rosterSha)).toBeNull();
    writeFileSync(file, bytes.slice(0, bytes.length - 10), 'latin1');
    expect(await readRosterIndex(file, rosterSha)).toBeNull();
    expect(await readRosterIndex(join(dir(), 'none.json'), rosterSha)).toBeNull();
  });
});

describe('a log on a datastore', () => {
  const ctx = testContext('2026-11-25');
  const input = { cadre: 'T001', duty: '寝室', target: '1号楼-101', date: '2026-11-20', form: '寝室走访' };
  const parts = (file: string) => readdirSync(join(file, '..', 'data.contacts')).sort();
  async function created(): Promise<string> {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-index-store-')), 'data.json');
    const data = smallSchool();
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', dormIds: ['d_101'], studentIds: [], start: '2026-09-01' }, ctx);
    await new DatastoreFile(file).create(data);
    return file;
  }
  const logged = async (file: string, date = '2026-11-20') =>
    (await logContactOperation.run(wholeSchool(file), { ...input, date }, ctx, { action: '记录联系' })).data;

  it('reads the records it looks up through the roster index, not the roster’s lists', async () => {
    const file = await created();
    expect(parts(file)).toEqual(['roster.r1.index.json', 'roster.r1.json']);
    const data = await logged(file);
    expect(data.contacts.map((c) => `${c.cadreId} ${c.targetId} ${c.date}`)).toEqual(['c_zs d_101 2026-11-20']);
    expect(
      parsedLists(data)?.filter((l) => ['cadres', 'classes', 'dorms', 'students', 'assignments'].includes(l)),
    ).toEqual([]);
  });

  it('with its index missing or damaged, reads the roster whole and writes the index again at the save', async () => {
    for (const damage of [
      (f: string) => rmSync(f),
      (f: string) => writeFileSync(f, '{"indexVersion":1}\n{"sections":'),
    ]) {
      const file = await created();
      const index = join(file, '..', 'data.contacts', 'roster.r1.index.json');
      const good = readFileSync(index);
      damage(index);
      const data = await logged(file);
      expect(parsedLists(data)).toBeNull();
      expect(data.contacts).toHaveLength(1);
      expect(readFileSync(index)).toEqual(good);
      expect(parsedLists(await logged(file, '2026-11-21'))).not.toBeNull();
    }
  });

  it('a change to the roster writes the new roster with its index; the old index goes with the old roster', async () => {
    const file = await created();
    await new DatastoreFile(file).update((d) => void (d.cadres[0]!.shortPhone = '669999'), { action: 'edit' });
    expect(parts(file)).toEqual(['roster.r2.index.json', 'roster.r2.json']);
    expect((await logged(file)).cadres[0]!.shortPhone).toBe('669999');
  });
});
