// The TUI polls the datastore for other people's saves. Its own save must never come back as one:
// the ui-log-contact flake was a poll that stat()ed the file after the save replaced it but before the
// store noted the new stamp, then "reloaded" (数据文件已被其他人修改) over the message of that save.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logContact } from '../../source/domain/contacts.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { school } from '../helpers/ui-harness.js';
import { testContext } from '../helpers/fixtures.js';

describe('reloadIfChanged', () => {
  it('never reports this handle’s own saves, however the polls interleave with them; another process’s save it does', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-reload-')), 'data.json');
    await new DatastoreFile(file).create(school());
    const store = new DatastoreFile(file);
    await store.load();
    const reported: number[] = [];
    for (let round = 0; round < 8; round++) {
      let done = false;
      const save = store
        .update(
          (d) =>
            logContact(
              d,
              { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-11-20', note: `第${round}次` },
              testContext('2026-11-25'),
            ),
          { action: 'test' },
        )
        .finally(() => (done = true));
      // Polls back to back for as long as the save runs, as a busy machine's timer would.
      const polls: Promise<void>[] = [];
      while (!done) {
        polls.push(store.reloadIfChanged().then((fresh) => void (fresh && reported.push(round))));
        await new Promise((r) => setImmediate(r));
      }
      await save;
      await Promise.all(polls);
      expect(await store.reloadIfChanged()).toBeNull();
    }
    expect(reported).toEqual([]);

    const other = new DatastoreFile(file);
    await other.update((d) => void (d.cadres[0]!.title = '处长'), { action: 'test' });
    expect((await store.reloadIfChanged())?.cadres[0]!.title).toBe('处长');
    expect(await store.reloadIfChanged()).toBeNull();
  });
});
