// Saving a change as the next revision: the changed months as new files, the journal entry, then the
// main file replaced atomically — the commit point — so a crash leaves the old or the new datastore.
import { readdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { todayInShanghai } from '../domain/dates.js';
import type { Contact, Datastore } from '../domain/schema.js';
import { asciiJson } from './ascii-json.js';
import { backUp, pruneBackups } from './backups.js';
import { checkChange, type ChangeBase } from './checked-change.js';
import type { MainFile, PartFile } from './file-schemas.js';
import { appendEntry, summarizeChanges, type JournalEntry } from './journal.js';
import { JsonFileAdapter, stampOf } from './json-file-adapter.js';
import { partFileName, PART_FILE_PATTERN, type MonthKey } from './layout.js';
import { osUserName } from './os-user.js';
import { ensurePrivateDir, syncDir } from './private-files.js';
import { writeSeal } from './seals.js';
import { groupByMonth, sameRecords, type Snapshot } from './snapshot.js';
import type { SnapshotReader } from './snapshot-reader.js';
import type { ChangeMeta } from './store-types.js';

/** Saves `data`, the result of a change to `snapshot`, as the next revision; returns it as a snapshot. */
export async function saveRevision(
  reader: SnapshotReader,
  snapshot: Snapshot,
  data: Datastore,
  meta: ChangeMeta,
  diffBase: ChangeBase | null,
): Promise<Snapshot> {
  const { layout } = reader;
  const { collections, contacts, changes } = checkChange(data, diffBase);
  const revision = snapshot.main.revision + 1;
  const grouped = groupByMonth(contacts);
  const contactParts = { ...snapshot.main.contactParts };
  const months = new Map(snapshot.months);
  const writes: { month: MonthKey; list: Contact[] }[] = [];
  for (const month of new Set([...grouped.keys(), ...snapshot.months.keys()])) {
    const list = grouped.get(month) ?? [];
    if (snapshot.inline || !sameRecords(list, snapshot.months.get(month))) writes.push({ month, list });
  }

  const now = new Date();
  if (snapshot.stamp !== '') await backUp(layout, snapshot.main, now);
  await ensurePrivateDir(layout.partsDir);
  for (const { month, list } of writes) {
    if (list.length === 0) {
      delete contactParts[month];
      months.delete(month);
      continue;
    }
    const name = partFileName(month, revision);
    const part = new JsonFileAdapter<PartFile>(join(layout.partsDir, name), null, asciiJson);
    await new Low(part, { month, contacts: list }).write();
    const frozen = Object.freeze(list.map((c) => Object.freeze(c)));
    reader.parts.set(name, { contacts: frozen, sha256: part.written });
    contactParts[month] = { file: name, count: list.length, sha256: part.written };
    months.set(month, frozen);
  }
  if (writes.length > 0) await syncDir(layout.partsDir);
  // Month files from before seals get theirs once this handle has read and validated them.
  for (const [month, ref] of Object.entries(contactParts)) {
    const read = ref.sha256 === undefined ? reader.parts.get(ref.file) : undefined;
    if (read) contactParts[month] = { ...ref, sha256: read.sha256 };
  }

  const main: MainFile = { ...collections, revision, contactParts };
  const entry: JournalEntry = {
    revision,
    at: now.toISOString(),
    user: osUserName(),
    action: meta.action,
    summary: changes ? summarizeChanges(changes) : meta.action,
    changes,
    ...(meta.undoOf === undefined ? {} : { undoOf: meta.undoOf }),
  };
  // Written before the commit: an entry whose save never committed is superseded by the next one.
  await appendEntry(layout.journal, entry);
  const adapter = new JsonFileAdapter<MainFile>(layout.main, null);
  await new Low(adapter, main).write();
  await syncDir(dirname(layout.main));
  await writeSeal(layout.seal, adapter.written);
  reader.lastStamp = stampOf(await stat(layout.main));

  await removeUnreferencedParts(reader, contactParts);
  await pruneBackups(layout, todayInShanghai(now));
  return { main, fromMonth: snapshot.fromMonth, months, inline: false, stamp: reader.lastStamp };
}

/** Month files no revision on disk names any more (backups keep their own links). */
async function removeUnreferencedParts(reader: SnapshotReader, contactParts: MainFile['contactParts']): Promise<void> {
  const live = new Set(Object.values(contactParts).map((p) => p.file));
  const names = await readdir(reader.layout.partsDir).catch(() => [] as string[]);
  for (const name of names) {
    if (PART_FILE_PATTERN.test(name) && !live.has(name)) {
      await unlink(join(reader.layout.partsDir, name)).catch(() => undefined);
      reader.parts.delete(name);
    }
  }
}
