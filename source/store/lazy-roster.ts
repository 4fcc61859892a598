// The roster file a handle holds (README: reading): a `log` parses a few records of a school's roster.
import { LazyIndexes, type Indexes } from '../domain/indexes.js';
import type { Datastore } from '../domain/schema.js';
import { ROSTER_TABLES, type RosterTable } from '../domain/tables.js';
import type { MainCollections, MainFile, RosterRef } from './file-schemas.js';
import { keyOf, keysOf, LOOKUP_NAMES, LOOKUPS, type Lookup, type RosterIndex } from './roster-index.js';

type RosterKey = keyof MainCollections;
type IdRecord = { id: string };

const ROSTER_KEYS: readonly RosterKey[] = ['schemaVersion', 'settings', ...ROSTER_TABLES];

/** Freezes `value` and every object in it (a frozen object's contents are taken as frozen already). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // Index and key loops, recursing only into objects: faster than Object.values on a school's roster.
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i] as unknown);
  else for (const key in value) deepFreeze(value[key]);
  return Object.freeze(value);
}

/** Whether `index` can be read against a text of `length` characters: every section, list and key in place. */
function usable(index: RosterIndex, length: number): boolean {
  const inText = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= length;
  const listOf = (list: unknown, n: number) => Array.isArray(list) && list.length === n;
  const { sections, starts, ids, keys } = index;
  if (!sections || !starts || !ids || !keys) return false;
  // A record's place is checked when it is read (a wrong one parses to no record, or another).
  return (
    ROSTER_KEYS.every((k) => Array.isArray(sections[k]) && inText(sections[k][0]) && inText(sections[k][1])) &&
    ROSTER_TABLES.every((t) => Array.isArray(ids[t]) && listOf(starts[t], ids[t].length)) &&
    LOOKUP_NAMES.every((name) => listOf(keysOf(index, name), ids[LOOKUPS[name].table].length))
  );
}

/** The roster each object made by LazyRoster.with reads its lists from. */
const madeBy = new WeakMap<object, LazyRoster>();

export class LazyRoster {
  readonly #lists = new Map<RosterKey, unknown>();
  /** Records parsed one at a time, by table and place: a list parsed later holds these same objects. */
  readonly #records = new Map(ROSTER_TABLES.map((t) => [t, new Map<number, IdRecord>()]));
  /** The top-level keys in the text's order (a roster written again is written in the same order). */
  readonly #keys: readonly RosterKey[];
  readonly collections: MainCollections;

  private constructor(
    readonly ref: RosterRef,
    /** Its index is on disk; false: the next save writes it (after-commit.ts). */
    public indexed: boolean,
    keys: readonly string[],
    private readonly text = '',
    private readonly index: RosterIndex | null = null,
  ) {
    this.#keys = keys as RosterKey[];
    this.collections = this.with({});
  }

  /** A roster read whole, or just written: its lists as they are, frozen. */
  static whole(ref: RosterRef, collections: MainCollections): LazyRoster {
    const roster = new LazyRoster(ref, false, Object.keys(collections));
    for (const key of roster.#keys) roster.#lists.set(key, deepFreeze(collections[key]));
    return roster;
  }

  /** The roster of `text` read through `index`; null when the index cannot be read against this text. */
  static read(ref: RosterRef, text: string, index: RosterIndex): LazyRoster | null {
    return usable(index, text.length) ? new LazyRoster(ref, true, Object.keys(index.sections), text, index) : null;
  }

  /** A top-level value, parsed and frozen at its first read. */
  list<K extends RosterKey>(key: K): MainCollections[K] {
    if (!this.#lists.has(key)) {
      const [start, end] = this.index!.sections[key]!;
      const value = JSON.parse(this.text.slice(start, end)) as IdRecord[];
      for (const [i, record] of this.#records.get(key as RosterTable) ?? [])
        if (value[i]?.id === record.id) value[i] = record;
      this.#lists.set(key, deepFreeze(value));
    }
    return this.#lists.get(key) as MainCollections[K];
  }

  /** The record at place `i` of `table`, or undefined when the index does not match the text there. */
  record(table: RosterTable, i: number): IdRecord | undefined {
    const list = this.#lists.get(table) as IdRecord[] | undefined;
    if (list) return list[i];
    const parsed = this.#records.get(table)!;
    if (parsed.has(i)) return parsed.get(i);
    const { sections, starts, ids } = this.index!;
    const end = i + 1 < starts[table].length ? starts[table][i + 1]! - 1 : sections[table]![1] - 1;
    let record: IdRecord | undefined;
    try {
      record = JSON.parse(this.text.slice(starts[table][i], end)) as IdRecord;
    } catch {
      return undefined;
    }
    if (record?.id !== ids[table][i]) return undefined;
    parsed.set(i, deepFreeze(record));
    return record;
  }

  parsed(): RosterKey[] | null {
    return this.index && [...this.#lists.keys()];
  }

  /** `extra` with this roster's collections beside it, each read at its first use; writing one throws. */
  with<E extends object>(extra: E): MainCollections & E {
    const made = {} as MainCollections & E;
    for (const key of this.#keys) Object.defineProperty(made, key, { get: () => this.list(key), enumerable: true });
    madeBy.set(Object.assign(made, extra), this);
    return made;
  }

  indexes(data: Datastore): Indexes {
    const lists = new LazyIndexes(data);
    const index = this.index;
    if (index === null) return lists;
    const through = new Map<string | symbol, unknown>(
      LOOKUP_NAMES.map((name) => [name, new IndexedMap(this, LOOKUPS[name], keysOf(index, name)!, () => lists[name])]),
    );
    return new Proxy(lists, { get: (target, name) => through.get(name) ?? (Reflect.get(target, name) as unknown) });
  }
}

/** A map of LOOKUPS read through the index; a key it cannot answer, and anything but get and has, reads the whole map. */
class IndexedMap implements ReadonlyMap<string, unknown> {
  readonly #found = new Map<string, unknown>();
  #whole: ReadonlyMap<string, unknown> | undefined;

  constructor(
    private readonly roster: LazyRoster,
    private readonly lookup: Lookup,
    private readonly keyList: readonly (string | null)[],
    private readonly wholeMap: () => ReadonlyMap<string, unknown>,
  ) {}

  // A change looks up a few keys: each is found by a scan of its key list, cheaper than a map of the
  // whole list (and most lists are never looked up). An empty key is left to the whole map.
  #find(key: string): unknown {
    const { keyList, lookup } = this;
    const places: number[] = [];
    if (key !== '' && lookup.many)
      for (let i = keyList.indexOf(key); i >= 0; i = keyList.indexOf(key, i + 1)) places.push(i);
    // The last record wins, as in LazyIndexes' maps.
    else if (key !== '' && keyList.lastIndexOf(key) >= 0) places.push(keyList.lastIndexOf(key));
    if (places.length === 0) return undefined;
    const records = places.map((i) => this.roster.record(lookup.table, i));
    if (!records.every((r) => r !== undefined && keyOf(lookup, r) === key)) return undefined;
    const value = lookup.many ? records : records[0];
    this.#found.set(key, value);
    return value;
  }

  #all(): ReadonlyMap<string, unknown> {
    return (this.#whole ??= this.wholeMap());
  }

  get(key: string): unknown {
    return this.#whole ? this.#whole.get(key) : (this.#found.get(key) ?? this.#find(key) ?? this.#all().get(key));
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  get size(): number {
    return this.#all().size;
  }
  keys() {
    return this.#all().keys();
  }
  values() {
    return this.#all().values();
  }
  entries() {
    return this.#all().entries();
  }
  forEach(callback: (value: unknown, key: string, map: ReadonlyMap<string, unknown>) => void, thisArg?: unknown) {
    this.#all().forEach(callback, thisArg);
  }
  [Symbol.iterator]() {
    return this.#all()[Symbol.iterator]();
  }
}

/** `collections` with `extra` beside it: a roster's collections stay unread. */
export function joined<E extends object>(collections: MainCollections, extra: E): MainCollections & E {
  return madeBy.get(collections)?.with(extra) ?? { ...collections, ...extra };
}

/** The main file's collections without its revision and month files. */
export function collectionsOf(main: MainFile): MainCollections {
  const roster = madeBy.get(main);
  if (roster) return roster.collections;
  const { revision: _revision, contactParts: _parts, ...collections } = main;
  return collections;
}

/** Whether `a` and `b` read their lists from the same roster: the same lists, read or not (they cannot be written). */
export function sameRoster(a: object, b: object): boolean {
  return madeBy.get(a) !== undefined && madeBy.get(a) === madeBy.get(b);
}

/** A copy of `collections` a change may write to: every list read, and copied deep. */
export function writableCopy(collections: MainCollections): MainCollections {
  return structuredClone(collections);
}

/** The lookups the store gives a change on `data`: those of LOOKUPS through the index of the roster it reads from. */
export function indexesFor(data: Datastore): Indexes {
  return madeBy.get(data)?.indexes(data) ?? new LazyIndexes(data);
}

/** Which top-level values of the roster `data` reads from have been parsed, in order; null: not read through an index. */
export function parsedLists(data: object): RosterKey[] | null {
  return madeBy.get(data)?.parsed() ?? null;
}
