// Saving a change as the next revision: the roster (if the change touched it) and the changed months as
// new files, the journal entry, then the main file (the head naming them) replaced atomically — the
// commit point — so a crash leaves the old or the new datastore.
// A failure before the commit (a full disk) leaves the datastore as it was — the files written for it
// removed, its journal entry dropped — and says so ("修改未保存"); the steps after it (after-commit.ts)
// cannot make a saved change look unsaved: a failure among them is one notice beside "saved".
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { UserError } from '../domain/errors.js';
import type { Contact, Datastore } from '../domain/schema.js';
import { afterCommitSteps, runAfterCommit } from './after-commit.js';
import { checkChange, type ChangeBase } from './checked-change.js';
import type { WrittenMonth } from './digest-file.js';
import type { HeadFile, MainCollections, MainFile, PartFile, RosterRef } from './file-schemas.js';
import { appendEntry, dropEntriesFrom, summarizeChanges, type JournalEntry } from './journal.js';
import { JsonFileAdapter, stampOf } from './json-file-adapter.js';
import { monthFileBytes } from './month-file-text.js';
import { partFileName, rosterFileName, type MonthKey } from './layout.js';
import { osUserName } from '../files/os-user.js';
import { ensurePrivateDir } from '../files/private-files.js';
import { indexedRosterText, type RosterIndex } from './roster-index.js';
import { collectionsOf, joined, LazyRoster } from './lazy-roster.js';
import { groupByMonth, headOf, sameRecords, type Snapshot } from './snapshot.js';
import type { PartCache, SnapshotReader } from './snapshot-reader.js';
import { storageProblem } from '../files/storage-errors.js';
import type { HeldLock } from './store-lock.js';
import type { ChangeMeta } from './store-types.js';

/** A revision saved: as a snapshot, and the notice of any step after the commit left undone (after-commit.ts). */
export interface Committed {
  snapshot: Snapshot;
  notice: string | null;
}

/** Saves `data`, the result of a change to `snapshot`, as the next revision. */
export async function saveRevision(
  reader: SnapshotReader,
  lock: HeldLock,
  snapshot: Snapshot,
  data: Datastore,
  meta: ChangeMeta,
  diffBase: ChangeBase | null,
): Promise<Committed> {
  const { layout } = reader;
  const { collections, contacts, changes } = await checkChange(data, diffBase);
  const revision = snapshot.main.revision + 1;
  // The roster file stays when only contacts changed; any other change (or a roster never saved in a
  // file of its own) writes it anew.
  const keptRoster =
    snapshot.roster !== null && changes !== null && changes.every((c) => c.collection === 'contacts')
      ? snapshot.roster
      : null;
  const grouped = groupByMonth(contacts);
  const contactParts = { ...snapshot.main.contactParts };
  const months = new Map(snapshot.months);
  const writes: { month: MonthKey; list: Contact[] }[] = [];
  for (const month of new Set([...grouped.keys(), ...snapshot.months.keys()])) {
    const list = grouped.get(month) ?? [];
    if (snapshot.inline || !sameRecords(list, snapshot.months.get(month))) writes.push({ month, list });
  }

  const now = new Date();
  const written: PartCache = new Map();
  const monthsWritten: WrittenMonth[] = [];
  const texts = new Map<string, string | Buffer>();
  const adapter = new JsonFileAdapter<HeadFile>(layout.main, null);
  let main: MainFile;
  let roster: RosterRef;
  let head: HeadFile;
  let newIndex: RosterIndex | null = null;
  let journalBefore: number | null = null;
  try {
    await ensurePrivateDir(layout.partsDir);
    if (keptRoster) roster = keptRoster;
    else {
      const name = rosterFileName(revision);
      const indexed = indexedRosterText(collections);
      const file = new JsonFileAdapter<MainCollections>(join(layout.partsDir, name), null, () => indexed.text);
      await new Low(file, collections).write();
      roster = { file: name, sha256: file.written };
      texts.set(name, file.writtenContent);
      newIndex = indexed.index;
    }
    for (const { month, list } of writes) {
      if (list.length === 0) {
        delete contactParts[month];
        months.delete(month);
        continue;
      }
      const name = partFileName(month, revision);
      const previous = snapshot.main.contactParts[month];
      const read = previous && reader.parts.get(previous.file);
      const bytes = reader.lastPart?.file === previous?.file ? reader.lastPart?.bytes : undefined;
      const content = await monthFileBytes(
        { month, contacts: list },
        read && { path: join(layout.partsDir, previous.file), ...read, bytes },
      );
      const part = new JsonFileAdapter<PartFile>(join(layout.partsDir, name), null, () => content);
      await new Low(part, { month, contacts: list }).write();
      const frozen = Object.freeze(list.map((c) => Object.freeze(c)));
      written.set(name, { contacts: frozen, sha256: part.written });
      texts.set(name, part.writtenContent);
      contactParts[month] = { file: name, count: list.length, sha256: part.written };
      monthsWritten.push({ old: previous?.file ?? null, file: name, sha256: part.written });
      months.set(month, frozen);
    }
    // Month files from before seals get theirs once this handle has read and validated them.
    for (const [month, ref] of Object.entries(contactParts)) {
      const read = ref.sha256 === undefined ? reader.parts.get(ref.file) : undefined;
      if (read) contactParts[month] = { ...ref, sha256: read.sha256 };
    }
    main = joined(keptRoster ? collectionsOf(snapshot.main) : collections, { revision, contactParts });
    head = headOf(main, roster);
    const entry: JournalEntry = {
      revision,
      at: now.toISOString(),
      user: meta.user ?? osUserName(),
      action: meta.action,
      summary: changes ? summarizeChanges(changes) : meta.action,
      changes,
      ...(meta.undoOf === undefined ? {} : { undoOf: meta.undoOf }),
    };
    // Written before the commit: an entry whose save never committed is superseded by the next one.
    journalBefore = await appendEntry(layout.journal, entry);
    await lock.assertHeld();
    await new Low(adapter, head).write();
  } catch (error) {
    if (error instanceof UserError) throw error;
    // Still under the lock (a lock lost is a UserError above: the files may be the new holder's by now).
    await Promise.all([...texts.keys()].map((name) => rm(join(layout.partsDir, name), { force: true })));
    if (journalBefore !== null) await dropEntriesFrom(layout.journal, journalBefore).catch(() => undefined);
    const problem = storageProblem(error, layout.main);
    if (problem) throw new UserError(`${problem}。修改未保存，数据文件 ${reader.shownFile} 保持原样`);
    throw error;
  }

  // Committed.
  for (const [name, part] of written) reader.parts.set(name, part);
  if (!keptRoster) reader.roster = LazyRoster.whole(roster, collections);
  reader.lastStamp = await stat(layout.main).then(stampOf, () => null);
  // Contacts added and nothing else (a log): recorded for the overdue digest, which stays good.
  const added = changes?.every((c) => c.collection === 'contacts' && c.before === null)
    ? changes.map((c) => c.after as Contact)
    : null;
  const notice = await runAfterCommit(
    afterCommitSteps(reader, {
      head,
      revision,
      now,
      seal: adapter.written,
      texts: { main: adapter.writtenContent, parts: texts },
      index: newIndex,
      added:
        keptRoster && added !== null && !snapshot.inline
          ? { before: snapshot.sha256, months: monthsWritten, contacts: added }
          : null,
    }),
  );
  return {
    snapshot: {
      main,
      roster,
      fromMonth: snapshot.fromMonth,
      months,
      inline: false,
      stamp: reader.lastStamp ?? '',
      sha256: adapter.written,
    },
    notice,
  };
}
