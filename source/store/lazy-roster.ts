// The roster read through its index (roster-index.ts): each list is parsed when first read, and a
// lookup by key (工号, 楼-号, an id…) parses only the record it finds. A `log` reads a cadre, one
// target, the cadre's assignments and their classes: a few records of the ~16,000 at school scale.
// Every record comes from the roster text whose hash the main file names, and is checked against the
// key it was found by; an index that does not match its text only means reading the list whole.
import { LazyIndexes, STORED_INDEXES, dormKey, type Indexes } from '../domain/indexes.js';
import { normalizeName } from '../domain/names.js';
import type { Assignment, Cadre, ClassGroup, Datastore, Dorm, Student } from '../domain/schema.js';
import { isRosterTable, ROSTER_TABLES, type RosterTable } from '../domain/tables.js';
import type { MainCollections } from './file-schemas.js';
import type { RosterIndex } from './roster-index.js';
import { deepFreeze } from './snapshot.js';

const ROSTER_KEYS = ['schemaVersion', 'settings', ...ROSTER_TABLES] as const;

/** Whether `index` can be read against a text of `length` characters: every section, list and key in place. */
function usable(index: RosterIndex, length: number): boolean {
  const inText = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= length;
  const { sections, starts, ids, keys } = index;
  if (!sections || !starts || !ids || !keys) return false;
  if (!ROSTER_KEYS.every((k) => Array.isArray(sections[k]) && inText(sections[k][0]) && inText(sections[k][1])))
    return false;
  // A record's place is checked when it is read (a wrong one parses to no record, or another).
  if (
    !ROSTER_TABLES.every((t) => Array.isArray(starts[t]) && Array.isArray(ids[t]) && starts[t].length === ids[t].length)
  )
    return false;
  const lengths: [unknown[] | undefined, RosterTable][] = [
    [keys.employeeNo, 'cadres'],
    [keys.cadreName, 'cadres'],
    [keys.className, 'classes'],
    [keys.dormKey, 'dorms'],
    [keys.studentNo, 'students'],
    [keys.assignmentCadre, 'assignments'],
  ];
  return lengths.every(([list, table]) => Array.isArray(list) && list.length === ids[table].length);
}

/** The roster's text and what has been parsed of it. */
class RosterText {
  private readonly lists = new Map<string, unknown>();
  /** Records parsed one by one, by table and position: a list parsed later holds these same objects. */
  private readonly single = new Map<RosterTable, Map<number, { id: string }>>();
  readonly getters = new Map<string, () => unknown>();

  constructor(
    private readonly text: string,
    readonly index: RosterIndex,
  ) {
    for (const key of Object.keys(index.sections)) this.getters.set(key, () => this.section(key));
  }

  /** A top-level value, parsed and frozen at its first read. */
  section(key: string): unknown {
    if (this.lists.has(key)) return this.lists.get(key);
    const [start, end] = this.index.sections[key]!;
    const value = JSON.parse(this.text.slice(start, end)) as unknown;
    const fetched = isRosterTable(key) ? this.single.get(key) : undefined;
    if (fetched && Array.isArray(value))
      for (const [i, record] of fetched)
        if ((value[i] as { id?: unknown } | undefined)?.id === record.id) value[i] = record;
    this.lists.set(key, deepFreeze(value));
    return value;
  }

  /** The record at place `i` of `table`, or undefined when the index does not match the text there. */
  record<T extends { id: string }>(table: RosterTable, i: number): T | undefined {
    const list = this.lists.get(table) as T[] | undefined;
    if (list) return list[i];
    let parsed = this.single.get(table);
    if (!parsed) this.single.set(table, (parsed = new Map()));
    const known = parsed.get(i) as T | undefined;
    if (known) return known;
    const starts = this.index.starts[table];
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : this.index.sections[table]![1] - 1;
    let record: T;
    try {
      record = JSON.parse(this.text.slice(starts[i], end)) as T;
    } catch {
      return undefined;
    }
    if (record?.id !== this.index.ids[table][i]) return undefined;
    parsed.set(i, deepFreeze(record));
    return record;
  }

  /** The top-level values parsed so far, in the order they were. */
  parsed(): string[] {
    return [...this.lists.keys()];
  }

  /** Whether `data` still reads every list from this text (a change may have replaced one). */
  readBy(data: object): boolean {
    return ROSTER_KEYS.every((k) => Object.getOwnPropertyDescriptor(data, k)?.get === this.getters.get(k));
  }
}

// A change looks up a few keys: each is found by a scan of its key list (~10 µs for 6,000 dorms),
// cheaper than a map of the whole list (~1 ms each, and most lists are never looked up).

/** The place of `key` (the last record wins, as in LazyIndexes' maps); empty keys are not looked up. */
function placeOf(keys: readonly (string | null)[], key: string): number | undefined {
  const i = key === '' ? -1 : keys.lastIndexOf(key);
  return i < 0 ? undefined : i;
}

/** Every place of `key`, in order. */
function placesOf(keys: readonly string[], key: string): number[] {
  const places: number[] = [];
  for (let i = keys.indexOf(key); i >= 0; i = keys.indexOf(key, i + 1)) places.push(i);
  return places;
}

/** A read-only map whose lookups go through the index; a lookup it cannot answer, and anything else, reads the whole list. */
abstract class IndexedMap<V> implements ReadonlyMap<string, V> {
  #whole?: ReadonlyMap<string, V>;
  constructor(private readonly wholeMap: () => ReadonlyMap<string, V>) {}
  protected abstract lookup(key: string): V | undefined;
  protected whole(): ReadonlyMap<string, V> {
    return (this.#whole ??= this.wholeMap());
  }
  get(key: string): V | undefined {
    if (this.#whole) return this.#whole.get(key);
    return this.lookup(key) ?? this.whole().get(key);
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  get size() {
    return this.whole().size;
  }
  keys() {
    return this.whole().keys();
  }
  values() {
    return this.whole().values();
  }
  entries() {
    return this.whole().entries();
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    this.whole().forEach(callback, thisArg);
  }
  [Symbol.iterator]() {
    return this.whole()[Symbol.iterator]();
  }
}

/** One record per key. */
class KeyedRecords<T extends { id: string }> extends IndexedMap<T> {
  constructor(
    private readonly text: RosterText,
    private readonly table: RosterTable,
    private readonly keyList: readonly (string | null)[],
    private readonly keyOf: (record: T) => string | null,
    wholeMap: () => ReadonlyMap<string, T>,
  ) {
    super(wholeMap);
  }
  protected lookup(key: string): T | undefined {
    const i = placeOf(this.keyList, key);
    const record = i === undefined ? undefined : this.text.record<T>(this.table, i);
    return record && this.keyOf(record) === key ? record : undefined;
  }
}

/** Every record with the key, in the list's order. */
class GroupedRecords<T extends { id: string }> extends IndexedMap<T[]> {
  readonly #found = new Map<string, T[]>();
  constructor(
    private readonly text: RosterText,
    private readonly table: RosterTable,
    private readonly keyList: readonly string[],
    private readonly keyOf: (record: T) => string,
    wholeMap: () => ReadonlyMap<string, T[]>,
  ) {
    super(wholeMap);
  }
  protected lookup(key: string): T[] | undefined {
    const known = this.#found.get(key);
    if (known) return known;
    const places = placesOf(this.keyList, key);
    if (places.length === 0) return undefined;
    const records = places.map((i) => this.text.record<T>(this.table, i));
    if (!records.every((r): r is T => r !== undefined && this.keyOf(r) === key)) return undefined;
    this.#found.set(key, records);
    return records;
  }
}

/**
 * The indexes of data read through a roster index: lookups by id and key through the index, every
 * other map (and contact dates) built from the lists as LazyIndexes builds them.
 */
class RosterIndexes implements Indexes {
  readonly #lists: LazyIndexes;
  readonly #maps = new Map<string, unknown>();

  constructor(
    private readonly text: RosterText,
    data: Datastore,
  ) {
    this.#lists = new LazyIndexes(data);
  }

  private map<M>(name: keyof Indexes, make: () => M): M {
    if (!this.#maps.has(name)) this.#maps.set(name, make());
    return this.#maps.get(name) as M;
  }
  private byId<T extends { id: string }>(name: keyof Indexes, table: RosterTable, whole: () => ReadonlyMap<string, T>) {
    return this.map(name, () => new KeyedRecords<T>(this.text, table, this.text.index.ids[table], (r) => r.id, whole));
  }

  get cadreById() {
    return this.byId<Cadre>('cadreById', 'cadres', () => this.#lists.cadreById);
  }
  get classById() {
    return this.byId<ClassGroup>('classById', 'classes', () => this.#lists.classById);
  }
  get dormById() {
    return this.byId<Dorm>('dormById', 'dorms', () => this.#lists.dormById);
  }
  get studentById() {
    return this.byId<Student>('studentById', 'students', () => this.#lists.studentById);
  }
  get cadreByEmployeeNo() {
    return this.map(
      'cadreByEmployeeNo',
      () =>
        new KeyedRecords<Cadre>(
          this.text,
          'cadres',
          this.text.index.keys.employeeNo,
          (c) => c.employeeNo,
          () => this.#lists.cadreByEmployeeNo,
        ),
    );
  }
  get cadresByName() {
    return this.map(
      'cadresByName',
      () =>
        new GroupedRecords<Cadre>(
          this.text,
          'cadres',
          this.text.index.keys.cadreName,
          (c) => normalizeName(c.name),
          () => this.#lists.cadresByName,
        ),
    );
  }
  get classByName() {
    return this.map(
      'classByName',
      () =>
        new KeyedRecords<ClassGroup>(
          this.text,
          'classes',
          this.text.index.keys.className,
          (c) => c.name,
          () => this.#lists.classByName,
        ),
    );
  }
  get dormByKey() {
    return this.map(
      'dormByKey',
      () =>
        new KeyedRecords<Dorm>(this.text, 'dorms', this.text.index.keys.dormKey, dormKey, () => this.#lists.dormByKey),
    );
  }
  get studentByNo() {
    return this.map(
      'studentByNo',
      () =>
        new KeyedRecords<Student>(
          this.text,
          'students',
          this.text.index.keys.studentNo,
          (s) => s.studentNo,
          () => this.#lists.studentByNo,
        ),
    );
  }
  get assignmentsByCadre() {
    return this.map(
      'assignmentsByCadre',
      () =>
        new GroupedRecords<Assignment>(
          this.text,
          'assignments',
          this.text.index.keys.assignmentCadre,
          (a) => a.cadreId,
          () => this.#lists.assignmentsByCadre,
        ),
    );
  }
  get collegeById() {
    return this.#lists.collegeById;
  }
  get collegeByName() {
    return this.#lists.collegeByName;
  }
  get dormsByClass() {
    return this.#lists.dormsByClass;
  }
  get studentsByClass() {
    return this.#lists.studentsByClass;
  }
  get assignmentsByClass() {
    return this.#lists.assignmentsByClass;
  }
  get contactDates() {
    return this.#lists.contactDates;
  }
}

/** Each lazy roster's text, by the function that gives its indexes (carried by data made from it). */
const texts = new WeakMap<object, RosterText>();

/** Which top-level values of the roster `data` was read from have been parsed, in order; null: not read through an index. */
export function parsedLists(data: object): string[] | null {
  const indexes = (data as { [STORED_INDEXES]?: object })[STORED_INDEXES];
  return (indexes && texts.get(indexes)?.parsed()) ?? null;
}

/**
 * The roster's collections read from `text` through `index`, or null when the index cannot be read
 * against this text. Each collection is a getter (parsed and frozen at its first read); the object
 * also carries, under STORED_INDEXES, the indexes of any data that still reads its lists from it.
 */
export function lazyRoster(text: string, index: RosterIndex): MainCollections | null {
  if (!usable(index, text.length)) return null;
  const roster = new RosterText(text, index);
  const collections = {};
  for (const [key, get] of roster.getters) {
    // Assigning a list to data made from these collections (snapshot.ts, extend) replaces it there, as on
    // a plain object; the collections themselves are frozen.
    const set = function (this: object, value: unknown) {
      Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    };
    Object.defineProperty(collections, key, { get, set, enumerable: true });
  }
  const indexes = (data: Datastore): Indexes =>
    roster.readBy(data) ? new RosterIndexes(roster, data) : new LazyIndexes(data);
  Object.defineProperty(collections, STORED_INDEXES, { value: indexes });
  texts.set(indexes, roster);
  return Object.freeze(collections) as MainCollections;
}
