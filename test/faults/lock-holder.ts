// A writer for the lock tests: logs one contact, and while holding the lock says "locked" on stdout,
// then blocks its event loop for `blockMs` (a stalled process: no timer, no lock refresh) before saving.
import { logContact } from '../../source/domain/contacts.js';
import { randomId } from '../../source/domain/context.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';

const [file, note, blockMs] = process.argv.slice(2) as [string, string, string];
const ctx = { today: '2026-11-25', now: '2026-11-25T10:00:00+08:00', user: 'holder', newId: randomId };
await new DatastoreFile(file).update(
  (d) => {
    logContact(d, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-11-20', note }, ctx);
    process.stdout.write('locked\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(blockMs));
  },
  { action: 'holder', contacts: '2026-11-20' },
);
process.stdout.write('saved\n');
