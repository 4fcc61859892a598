// Saving a change as the next revision (README: saving): a failure before the commit point says 修改未保存.
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { UserError } from '../domain/errors.js';
import type { Contact, Datastore } from '../domain/schema.js';
import { afterCommit } from './after-commit.js';
import { checkChange, type ChangeBase } from './checked-change.js';
import type { MainCollections } from './file-schemas.js';
import { summarizeChanges } from '../domain/journal-entry.js';
import { appendEntry, dropEntriesFrom } from './journal.js';
import { stampOf } from '../files/file-identity.js';
import { JsonFileAdapter } from './json-file-adapter.js';
import { monthFileBytes } from './month-file-text.js';
import { partFileName, rosterFileName, type DatastoreLayout, type MonthKey } from './layout.js';
import { osUserName } from '../files/os-user.js';
import { ensurePrivateDir } from '../files/private-files.js';
import { indexedRosterText } from './roster-index.js';
import { collectionsOf, joined, LazyRoster } from './lazy-roster.js';
import { assemble, freshSnapshot, groupByMonth, headOf, sameRecords, type Snapshot } from './snapshot.js';
import type { PartCache, SnapshotReader } from './snapshot-reader.js';
import { storageProblem } from '../files/storage-errors.js';
import type { HeldLock } from './store-lock.js';
import type { ChangeMeta, Saved } from './store-types.js';

/** The roster and month files a save wrote, by name: removed if it fails, copied by the backup if not. */
type Written = Map<string, string | Buffer>;

/** Saves `data`, the result of a change to `snapshot`, as the next revision. */
export async function saveRevision(
  reader: SnapshotReader,
  lock: HeldLock,
  snapshot: Snapshot,
  data: Datastore,
  meta: ChangeMeta,
  diffBase: ChangeBase | null,
): Promise<Omit<Saved<never>, 'result'>> {
  const { layout } = reader;
  const { collections, contacts, changes } = await checkChange(data, diffBase);
  const revision = snapshot.main.revision + 1;
  const now = new Date();
  // The roster file stays when only contacts changed (and it has a file of its own).
  const keptRoster = changes?.every((c) => c.collection === 'contacts') ? snapshot.roster : null;
  const written: Written = new Map();
  let journalAt: number | null = null;
  const beforeCommit = async () => {
    await ensurePrivateDir(layout.partsDir);
    const roster = keptRoster
      ? { ref: keptRoster, index: null }
      : await writeRoster(layout, collections, revision, written);
    const months = await writeMonths(reader, snapshot, contacts, revision, written);
    const main = joined(keptRoster ? collectionsOf(snapshot.main) : collections, {
      revision,
      contactParts: months.contactParts,
    });
    const head = headOf(main, roster.ref);
    // Written before the commit: an entry whose save never committed is superseded by the next one.
    journalAt = await appendEntry(layout.journal, {
      revision,
      at: now.toISOString(),
      user: meta.user ?? osUserName(),
      action: meta.action,
      summary: changes ? summarizeChanges(changes) : meta.action,
      changes,
      ...(meta.undoOf === undefined ? {} : { undoOf: meta.undoOf }),
    });
    await lock.assertHeld();
    return { roster, ...months, main, head, file: await writeFile(layout.main, JSON.stringify(head)) };
  };
  const { roster, parts, months, main, head, file } = await beforeCommit().catch(async (error: unknown) => {
    throw await unsaved(reader, error, written, journalAt);
  });

  // Committed: this handle holds what it wrote, then the steps after the commit.
  for (const [name, part] of parts) reader.parts.set(name, part);
  if (!keptRoster) reader.roster = LazyRoster.whole(roster.ref, collections);
  reader.lastStamp = await stat(layout.main).then(stampOf, () => null);
  const notice = await afterCommit(reader, { head, now, main: file, parts: written, index: roster.index });
  return { data: assemble({ ...freshSnapshot(main), months }), revision, ...(notice !== null && { notice }) };
}

/** Saves `data` whole as `revision`, with no diff to undo: a new datastore, or a backup restored. */
export function saveWhole(reader: SnapshotReader, lock: HeldLock, data: Datastore, revision: number, meta: ChangeMeta) {
  const { contacts: _contacts, ...collections } = data;
  const empty = freshSnapshot({ ...collections, revision: revision - 1, contactParts: {} });
  return saveRevision(reader, lock, empty, data, meta, null);
}

/** One file of the revision through the store's lowdb adapter: the bytes written and their SHA-256. */
async function writeFile(path: string, content: string | Buffer) {
  const adapter = new JsonFileAdapter<string | Buffer>(path, null);
  await new Low(adapter, content).write();
  return adapter.written!;
}

/** The roster as a new file with its index (the after-commit step 名册索引 writes the index). */
async function writeRoster(layout: DatastoreLayout, collections: MainCollections, revision: number, written: Written) {
  const name = rosterFileName(revision);
  const indexed = indexedRosterText(collections);
  const { content, sha256 } = await writeFile(join(layout.partsDir, name), indexed.text);
  written.set(name, content);
  return { ref: { file: name, sha256 }, index: indexed.index };
}

/** Each month whose contacts changed (all of a snapshot read inline) as a new file: the months and their files now. */
async function writeMonths(
  reader: SnapshotReader,
  snapshot: Snapshot,
  contacts: readonly Contact[],
  revision: number,
  written: Written,
) {
  const contactParts = { ...snapshot.main.contactParts };
  const months = new Map(snapshot.months);
  const parts: PartCache = new Map();
  const grouped = groupByMonth(contacts);
  for (const month of new Set<MonthKey>([...grouped.keys(), ...snapshot.months.keys()])) {
    const list = grouped.get(month) ?? [];
    if (!snapshot.inline && sameRecords(list, snapshot.months.get(month))) continue;
    if (list.length === 0) {
      delete contactParts[month];
      months.delete(month);
      continue;
    }
    const name = partFileName(month, revision);
    const previous = snapshot.main.contactParts[month];
    const read = previous && reader.parts.get(previous.file);
    const bytes = reader.lastPart?.file === previous?.file ? reader.lastPart?.bytes : undefined;
    const text = await monthFileBytes(
      { month, contacts: list },
      read && { path: join(reader.layout.partsDir, previous.file), ...read, bytes },
    );
    const { content, sha256 } = await writeFile(join(reader.layout.partsDir, name), text);
    written.set(name, content);
    const frozen = Object.freeze(list.map((c) => Object.freeze(c)));
    parts.set(name, { contacts: frozen, sha256 });
    contactParts[month] = { file: name, count: list.length, sha256 };
    months.set(month, frozen);
  }
  // Month files from before seals get theirs once this handle has read and validated them.
  for (const [month, ref] of Object.entries(contactParts)) {
    const read = ref.sha256 === undefined ? reader.parts.get(ref.file) : undefined;
    if (read) contactParts[month] = { ...ref, sha256: read.sha256 };
  }
  return { contactParts, months, parts };
}

/** A save that failed before its commit: what it wrote removed, its journal entry dropped; the error to say. */
async function unsaved(reader: SnapshotReader, error: unknown, written: Written, journalAt: number | null) {
  // A lost lock is a UserError: the files may be the new holder's by now.
  if (error instanceof UserError) return error;
  await Promise.all([...written.keys()].map((name) => rm(join(reader.layout.partsDir, name), { force: true })));
  if (journalAt !== null) await dropEntriesFrom(reader.layout.journal, journalAt).catch(() => undefined);
  const problem = storageProblem(error, reader.layout.main);
  return problem ? new UserError(`${problem}。修改未保存，数据文件 ${reader.shownFile} 保持原样`) : error;
}
