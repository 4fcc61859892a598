// The lazily built indexes (a log's lookups) hold the same maps as the indexes built at once, group by
// group, whichever is read first; a group is built once.
import { describe, expect, it } from 'vitest';
import { buildIndexes, LazyIndexes, type Indexes } from '../../source/domain/indexes.js';
import { SCALES, buildBenchData } from '../../source/bench/generate.js';

const KEYS = Object.keys(buildIndexes(buildBenchData(SCALES['small']!))) as Array<keyof Indexes>;

describe('lazy indexes', () => {
  const data = buildBenchData(SCALES['small']!);
  const eager = buildIndexes(data);

  it('name every index the eager build has', () => {
    expect(KEYS).toHaveLength(16);
    const lazy = new LazyIndexes(data);
    for (const key of KEYS) expect(key in lazy, key).toBe(true);
  });

  it('hold the same maps as the eager build, read in any order', () => {
    for (const order of [KEYS, [...KEYS].reverse(), [...KEYS].sort()]) {
      const lazy = new LazyIndexes(data);
      for (const key of order) expect(lazy[key], key).toEqual(eager[key]);
    }
  });

  it('build a group once: its maps stay the same objects', () => {
    const lazy = new LazyIndexes(data);
    const dorms = lazy.dormById;
    expect(lazy.dormByKey.size).toBe(data.dorms.length);
    expect(lazy.dormById).toBe(dorms);
    expect(lazy.contactDates).toBe(lazy.contactDates);
  });
});
