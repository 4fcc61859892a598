// 首页 at start-up reads its figures from the term's overdue digest when one rests on the files just
// read (start-data.ts): the frame is the one the full computation draws; once the data changes (a
// reload, a save) the figures are computed again; a user who sees only her colleges gets no digest
// (it covers the whole school) and her 首页 shows her colleges only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { BENCH_TODAY, buildBenchData, SCALES, withYears } from '../../source/bench/generate.js';
import { overdueFromDigest } from '../../source/domain/overdue-digest.js';
import type { Datastore } from '../../source/domain/schema.js';
import { ScopedStore } from '../../source/operations/scoped-store.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { App, type AppProps } from '../../source/ui/app.js';
import { readStartData, refreshDigest } from '../../source/ui/start-data.js';
import { wholeSchool } from '../helpers/stores.js';
import { testContext } from '../helpers/fixtures.js';
import { untilFrame } from '../helpers/ui-harness.js';

const TODAY = BENCH_TODAY;

async function datastore(edit: (data: Datastore) => void = () => undefined): Promise<string> {
  const data = buildBenchData(withYears(SCALES['small']!, 1));
  edit(data);
  const file = join(mkdtempSync(join(tmpdir(), 'slx-start-')), 'data.json');
  await new DatastoreFile(file).create(data);
  return file;
}

/** 首页 as the app draws it first from `props`. */
async function home(props: Pick<AppProps, 'store' | 'initialData' | 'digest'>, reloadEveryMs = 60_000) {
  const app = render(<App {...props} today={TODAY} context={() => testContext(TODAY)} reloadEveryMs={reloadEveryMs} />);
  const frame = () => app.lastFrame() ?? '';
  await untilFrame(frame, '1 记录联系');
  return { app, frame };
}

/** The 逾期 line, the colleges and the latest contacts. */
const figures = (frame: string) => frame.slice(frame.indexOf('逾期'), frame.indexOf('1 记录联系'));
/** 逾期 + 待完成 of the 逾期 line. */
const owed = (frame: string) => {
  const [, overdue, due] = /逾期 (\d+) 项 · 待完成 (\d+) 项/.exec(frame)!;
  return Number(overdue) + Number(due);
};

describe('首页 from the overdue digest', () => {
  it('shows the figures the full computation shows from this month’s contacts, reads the rest after, and computes them again once the data changes', async () => {
    const file = await datastore();
    const store = wholeSchool(file);
    expect(await store.keptOverdueDigest(TODAY)).toBeNull();
    // As `overdue` leaves it on disk.
    await store.overdueDigest(TODAY);
    const start = await readStartData(store, TODAY);
    expect(start.digest).toBeDefined();
    // Only this month's contacts before the first frame; the rest of the view after it.
    expect(start.rest).toBeDefined();
    expect(start.initialData.contacts.every((c) => c.date >= '2026-11-01')).toBe(true);
    const all = await new DatastoreFile(file).load();
    expect(all.contacts.some((c) => c.date < '2026-11-01')).toBe(true);
    const fromDigest = await home({ store, ...start }, 100);
    const computed = await home({ store: wholeSchool(file), initialData: all });
    expect(fromDigest.frame()).toMatch(/逾期 [1-9]\d* 项 · 待完成 \d+ 项/);
    expect(fromDigest.frame()).toMatch(/\d+\/\d+（\d+%）/);
    expect(fromDigest.frame()).toBe(computed.frame());

    // Once the rest is read, the other screens show what they show on the whole view: the 干部 list's
    // 最近联系 (older months' contacts too), the overdue list.
    for (const key of ['3', '2']) {
      computed.app.stdin.write(key);
      await untilFrame(computed.frame, (f) => !f.includes('最新联系'));
      fromDigest.app.stdin.write(key);
      await untilFrame(fromDigest.frame, (f) => f === computed.frame());
      for (const app of [computed.app, fromDigest.app]) app.stdin.write('\u001b');
      await untilFrame(computed.frame, '最新联系');
      await untilFrame(fromDigest.frame, '最新联系');
    }

    // Another process logs the contact an owed class window lacks: the reloaded 首页 owes one less.
    const row = overdueFromDigest(start.digest!, TODAY).rows.find((r) => r.duty === 'class')!;
    await new DatastoreFile(file).update((data) => {
      const cls = data.classes.find(
        (c) => c.name === row.target && data.assignments.some((a) => a.cadreId === row.cadreId && a.classId === c.id),
      )!;
      data.contacts.push({
        ...data.contacts.at(-1)!,
        id: 'ct_test',
        cadreId: row.cadreId,
        duty: 'class',
        targetId: cls.id,
        date: TODAY,
      });
    });
    await untilFrame(fromDigest.frame, '已重新载入');
    expect(owed(fromDigest.frame())).toBe(owed(computed.frame()) - 1);
    // What a fresh start computes on the saved data.
    const again = await home({ store: wholeSchool(file), initialData: await new DatastoreFile(file).load() });
    expect(figures(fromDigest.frame())).toBe(figures(again.frame()));
    for (const app of [fromDigest.app, computed.app, again.app]) app.unmount();
  });

  it('is not read for a user who sees only her colleges: her 首页 shows her college alone', async () => {
    let colleges: string[] = [];
    const file = await datastore((data) => {
      colleges = data.colleges.map((c) => c.name);
      data.users.push({
        id: 'u_wang',
        login: 'wang',
        name: '王芳',
        role: 'college',
        collegeIds: [data.colleges[0]!.id],
        keys: [],
      });
    });
    expect(await new DatastoreFile(file).overdueDigest(TODAY)).not.toBeNull();
    const store = new ScopedStore(file, { contacts: 'all' }, { login: 'wang', forced: true });
    const start = await readStartData(store, TODAY);
    expect(start.digest).toBeUndefined();
    const { app, frame } = await home({ store, ...start });
    expect(frame()).toContain(colleges[0]);
    for (const other of colleges.slice(1)) expect(frame()).not.toContain(other);
    expect(frame()).toMatch(/逾期 [1-9]\d* 项/);
    app.unmount();
  });

  it('is built again when the session ends after a save, so the next start reads it', async () => {
    const file = await datastore();
    const store = wholeSchool(file);
    await store.overdueDigest(TODAY);
    // A log keeps it good (the contacts it adds are recorded beside it); any other save in the session
    // (or by anyone) leaves it stale: the next start would compute the figures.
    await store.update((data) => void data.contacts.push({ ...data.contacts.at(-1)!, id: 'ct_new', date: TODAY }));
    expect(await store.keptOverdueDigest(TODAY)).not.toBeNull();
    await store.update((data) => void (data.cadres[0]!.shortPhone = '669999'));
    expect(await store.keptOverdueDigest(TODAY)).toBeNull();
    await refreshDigest(store, TODAY);
    expect((await readStartData(wholeSchool(file), TODAY)).digest).toBeDefined();
  });
});
