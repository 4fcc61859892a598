// Property tests of the datastore loader's text parser: whatever the file holds, the user gets either a
// valid datastore or one Chinese message — never a crash, and never a polluted Object.prototype.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../source/domain/errors.js';
import { datastoreSchema, type Datastore } from '../../source/domain/schema.js';
import { SCHEMA_VERSION } from '../../source/domain/vocabulary.js';
import { DatastoreFileError } from '../../source/store/datastore-file-error.js';
import { parseMainText } from '../../source/store/validate.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';

const FILE = '/srv/sanlianxi.json';

/** A main file that holds its roster (version 3 and earlier) as a datastore: its inline contacts, or none. */
function parseDatastoreText(text: string, file: string): { data: Datastore } {
  const { inline } = parseMainText(text, file);
  if (!inline) throw new DatastoreFileError(`数据文件 ${file} 只是索引，名册在另一个文件中`);
  const { revision: _revision, contactParts: _parts, ...collections } = inline.main;
  return { data: { ...collections, contacts: inline.contacts ?? [] } };
}
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** A valid datastore file's object, with an assignment and a contact so every table has a record. */
function validFile(): Record<string, unknown> {
  const data = smallSchool();
  data.assignments.push({
    id: 'a_1',
    cadreId: 'c_zs',
    classId: 'cls_kj',
    dormIds: ['d_101'],
    studentIds: ['s_1'],
    start: '2026-09-01',
    end: null,
    endReason: null,
  });
  data.contacts.push({
    id: 'k_1',
    cadreId: 'c_zs',
    duty: 'class',
    targetId: 'cls_kj',
    date: '2026-09-10',
    form: '座谈会',
    note: '',
    enteredAt: '2026-09-10T10:00:00+08:00',
    enteredBy: 'test',
  });
  data.settings.terms = [AUTUMN];
  return { ...JSON.parse(JSON.stringify(data)), schemaVersion: SCHEMA_VERSION, revision: 3 };
}

/**
 * What the user sees from parsing `text`: the datastore must satisfy the schema; an error must be a
 * UserError with a Chinese message naming the file; Object.prototype must be untouched.
 */
function checkParse(text: string): void {
  let outcome: unknown;
  try {
    outcome = parseDatastoreText(text, FILE).data;
  } catch (error) {
    outcome = error;
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  if (outcome instanceof Error) {
    // Known: migrate() throws a plain UserError (not DatastoreFileError) for a bad or newer schemaVersion.
    expect(isUserError(outcome), `${outcome.name}: ${outcome.message}`).toBe(true);
    if (!(outcome instanceof DatastoreFileError)) expect(outcome.message).toMatch(/schemaVersion|数据版本/);
    expect(outcome.message).toContain(FILE);
    expect(outcome.message).toMatch(/[\u4e00-\u9fff]/);
    return;
  }
  expect(datastoreSchema.safeParse(outcome).success).toBe(true);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `value`, down to a depth a datastore has (a planted deep() value is not walked). */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (prefix.length >= 8) return out;
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function deep(depth: number): Json {
  let v: Json = 1;
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { a: v };
  return v;
}

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 1e308, 2 ** 53, -0)),
  fc.string(),
  fc.constantFrom('2026-02-30', '2026-13-01', '', ' ', '\u001b[31m', 'x'.repeat(300_000), '__proto__'),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.integer({ min: 10, max: 3000 }).map(deep),
  fc.constant({ __proto__: { polluted: 1 } } as unknown as Json),
);

type Mutation = { kind: 'delete' | 'set' | 'proto'; at: number; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'set', 'set', 'proto'),
  at: fc.nat(),
  value: wrongValue,
});

/** Applies the mutations to a copy of the valid file, as JSON text (a `__proto__` key written as an own key). */
function mutate(mutations: Mutation[]): string {
  const file = validFile() as Json & Record<string, Json>;
  const protoMarks: string[] = [];
  for (const m of mutations) {
    const all = paths(file);
    const path = all[m.at % all.length]!;
    if (path.length === 0) continue;
    let parent: Json = file;
    for (const p of path.slice(0, -1)) parent = (parent as Record<string, Json>)[p as string]!;
    const key = path[path.length - 1]!;
    const container = parent as Record<string | number, Json>;
    if (m.kind === 'delete') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
    } else if (m.kind === 'set') {
      container[key] = m.value;
    } else if (!Array.isArray(container)) {
      // Written as text so JSON.parse makes an own "__proto__" property, as a hostile file would.
      const mark = `__PROTO_MARK_${protoMarks.length}__`;
      protoMarks.push(mark);
      container[mark] = { polluted: 1, status: '离职', name: '管理员' };
    }
  }
  let text = JSON.stringify(file);
  for (const mark of protoMarks) text = text.replace(`"${mark}"`, '"__proto__"');
  return text;
}

describe('fuzz: parseDatastoreText', () => {
  it('accepts the valid file itself', () => {
    expect(() => parseDatastoreText(JSON.stringify(validFile()), FILE)).not.toThrow();
  });

  it('arbitrary text and arbitrary JSON: a datastore or a Chinese UserError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json({ maxDepth: 4 }),
          fc
            .jsonValue({ maxDepth: 4 })
            .map((v) =>
              JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...(typeof v === 'object' && v !== null ? v : { v }) }),
            ),
          fc.constantFrom(
            '',
            '{',
            'null',
            '[]',
            '"x"',
            '{"schemaVersion":"2"}',
            '{"schemaVersion":1e400}',
            '{"schemaVersion":-1}',
            '\ufeff{}',
          ),
        ),
        checkParse,
      ),
      { numRuns: 200 },
    );
  });

  it('a valid file mutated (fields dropped, wrong types, huge strings, deep nesting, __proto__ keys)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => checkParse(mutate(ms))),
      { numRuns: 200 },
    );
  });

  it('__proto__ keys at the root, in a record and in settings.rules.colleges change nothing', () => {
    const base = validFile();
    const text = JSON.stringify(base)
      .replace('{"schemaVersion"', '{"__proto__":{"polluted":1},"schemaVersion"')
      .replace('"colleges":{}', '"colleges":{"__proto__":{"classPerTerm":99}}')
      .replace('"id":"c_zs"', '"__proto__":{"polluted":1},"id":"c_zs"');
    checkParse(text);
    const result = (() => {
      try {
        return parseDatastoreText(text, FILE).data;
      } catch {
        return null;
      }
    })();
    if (result) {
      expect(Object.getPrototypeOf(result.settings.rules.colleges)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(result.cadres[0])).toBe(Object.prototype);
      expect((result as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });

  it('deep nesting far past any real file', () => {
    checkParse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    checkParse(`{"schemaVersion":${SCHEMA_VERSION},"settings":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`);
  });
});
