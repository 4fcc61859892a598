// The operations as both clients run them, in process: journal names, previews that equal the run,
// and a roster save that keeps what others changed meanwhile.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import type { Datastore } from '../../source/domain/schema.js';
import { assignOperation, endOperation, reassignOperation } from '../../source/operations/assignments.js';
import { importRosterOperation } from '../../source/operations/import-roster.js';
import { undoOperation } from '../../source/operations/journal.js';
import { logContactOperation } from '../../source/operations/log-contact.js';
import { reportingTermContacts } from '../../source/operations/ranges.js';
import { OperationRunner, type Client } from '../../source/operations/runner.js';
import { recordEdit, saveCadreOperation } from '../../source/operations/save-record.js';
import type { ScopedStore } from '../../source/operations/scoped-store.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { wholeSchool } from '../helpers/stores.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

const TODAY = '2026-11-25';

async function storeWith(data: Datastore = smallSchool([AUTUMN])): Promise<ScopedStore> {
  const file = join(mkdtempSync(join(tmpdir(), 'slx-ops-')), 'data.json');
  await new DatastoreFile(file).create(data);
  return wholeSchool(file);
}

// One context for every run of a test: its ids are sequential, so each must come from the same counter.
let ctx = testContext(TODAY);
beforeEach(() => {
  ctx = testContext(TODAY);
});
const command = (store: ScopedStore) => new OperationRunner(store, { via: 'command', context: () => ctx });
const tui = (store: ScopedStore, view: Client['view'] = reportingTermContacts(TODAY)) =>
  new OperationRunner(store, { via: 'tui', context: () => ctx, view });

describe('operations', () => {
  it('each change has one journal name, the same from both clients (the terminal UI marked as such)', async () => {
    const store = await storeWith();
    const cli = command(store);
    const ui = tui(store);
    expect((await cli.run(assignOperation, { cadre: '张三', class: '会计1班', start: '2026-09-01' })).message).toBe(
      '已把 会计1班 分配给 张三，自 2026-09-01 起',
    );
    const logged = await ui.run(logContactOperation, {
      cadre: { id: 'c_zs' },
      duty: 'class',
      target: { id: 'cls_kj' },
      date: '-5',
    });
    expect(logged.message).toBe('已记录：张三 班级 会计1班 2026-11-20 座谈会');
    await cli.run(reassignOperation, { class: '会计1班', to: 'T002', date: '2026-11-22', reason: '调整' });
    await ui.run(endOperation, { cadre: { id: 'c_ls' }, date: '2026-11-24', reason: '调整' });
    await cli.run(undoOperation, {});
    const history = await store.history();
    expect(history.map((e) => e.action)).toEqual([
      'init',
      '分配',
      '记录联系（界面）',
      '移交',
      '结束分配（界面）',
      '撤销',
    ]);
    expect(history.at(-1)?.undoOf).toBe(5);
  });

  it('the date field and its error are the same for every operation and client', async () => {
    const store = await storeWith();
    await command(store).run(assignOperation, { cadre: '张三', class: '会计1班', start: '2026-09-01' });
    for (const runner of [command(store), tui(store)]) {
      await expect(
        runner.run(logContactOperation, { cadre: '张三', duty: '班级', target: '会计1班', date: '11月32日' }),
      ).rejects.toThrow('日期“11月32日”无效：可写 2026-11-20、昨天、-3、11-20');
      await expect(runner.run(endOperation, { cadre: '张三', date: 'x', reason: '调整' })).rejects.toThrow(
        '最后一天“x”无效：可写 2026-11-20、昨天、-3、11-20',
      );
    }
  });

  it('a preview saves nothing and says what the run then does; a refusal is the run’s refusal', async () => {
    const store = await storeWith();
    const ui = tui(store);
    const before = readFileSync(store.file, 'utf8');
    const previewed = await ui.preview(assignOperation, {
      cadre: { id: 'c_zs' },
      class: { id: 'cls_kj' },
      students: [{ id: 's_1' }],
    });
    expect(previewed.question).toBe(`把 会计1班（寝室 2 间、困难生 1 名）分配给 张三，自 ${TODAY} 起`);
    expect(readFileSync(store.file, 'utf8')).toBe(before);
    expect((await store.history()).length).toBe(1);
    const done = await ui.run(assignOperation, {
      cadre: { id: 'c_zs' },
      class: { id: 'cls_kj' },
      students: [{ id: 's_1' }],
    });
    expect(done.data.assignments).toEqual([{ ...previewed.result.assignment, id: done.result.assignment.id }]);
    await expect(ui.preview(assignOperation, { cadre: { id: 'c_ls' }, class: { id: 'cls_kj' } })).rejects.toThrow(
      '班级 会计1班 在同一时期已由其他干部联系',
    );
  });

  it('the import preview reads what the import reads: a contact of an earlier term met again is not counted as new', async () => {
    const data = smallSchool([{ name: '2025-2026学年第二学期', start: '2026-03-01', end: '2026-07-10' }, AUTUMN]);
    const earlier = { ...testContext(TODAY), newId: (prefix: string) => `${prefix}_earlier` };
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', start: '2026-03-01' }, earlier);
    logContact(data, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-06-10', note: '' }, earlier);
    const store = await storeWith(data);
    const roster = await fillRoster(join(mkdtempSync(join(tmpdir(), 'slx-ops-')), 'roster.xlsx'), {
      联系记录: [
        ['张三', 'T001', '班级', '会计1班', '2026-06-10', '座谈会', ''],
        ['张三', 'T001', '班级', '会计1班', '2026-11-20', '座谈会', ''],
      ],
    });
    // The terminal UI shows only this term's contacts; the preview still compares with every contact on file.
    const ui = tui(store);
    const previewed = await ui.preview(importRosterOperation, { file: roster });
    expect(previewed.result.summary).toEqual({
      sheets: { 联系记录: { added: 1, updated: 0, unchanged: 1 } },
      absent: [],
    });
    expect(previewed.question).toBe(`导入 ${roster}：联系记录 新增 1、更新 0、未变 1`);
    const done = await ui.run(importRosterOperation, { file: roster });
    expect(done.result.summary).toEqual(previewed.result.summary);
    expect((await store.load('all')).contacts.map((c) => c.date).sort()).toEqual(['2026-06-10', '2026-11-20']);
  });
});

describe('保存干部: an edit saves only the fields it changed', () => {
  const open = async () => {
    const store = await storeWith();
    const data = await store.load();
    const { fieldsOf } = saveCadreOperation.kind;
    const { buildIndexes } = await import('../../source/domain/indexes.js');
    const zs = data.cadres.find((c) => c.id === 'c_zs')!;
    return { store, initial: fieldsOf(zs, data, buildIndexes(data)) };
  };
  /** Another process (an import) changes 张三 after the form opened. */
  const meanwhile = (store: ScopedStore, change: Partial<Datastore['cadres'][number]>) =>
    new DatastoreFile(store.file).update(
      (d) =>
        void Object.assign(
          d.cadres.find((c) => c.id === 'c_zs')!,
          change,
        ),
      { action: 'test' },
    );

  it('keeps a field changed underneath that the form did not change', async () => {
    const { store, initial } = await open();
    await meanwhile(store, { shortPhone: '669999' });
    const done = await tui(store).run(saveCadreOperation, recordEdit('c_zs', initial, { ...initial, title: '副院长' }));
    expect(done.message).toBe('已保存干部 张三');
    expect((await store.load()).cadres.find((c) => c.id === 'c_zs')).toMatchObject({
      title: '副院长',
      shortPhone: '669999',
    });
  });

  it('refuses, showing the other value, when a field it changed was changed underneath', async () => {
    const { store, initial } = await open();
    await meanwhile(store, { title: '处长' });
    const edit = recordEdit('c_zs', initial, { ...initial, title: '副院长' });
    expect(edit).toEqual({ id: 'c_zs', changed: { title: '副院长' }, original: { title: '科长' } });
    await expect(tui(store).run(saveCadreOperation, edit)).rejects.toThrow(
      '未保存：职务已被其他人改为“处长”（打开表单时为“科长”）',
    );
    expect((await store.load()).cadres.find((c) => c.id === 'c_zs')?.title).toBe('处长');
  });

  it('a new cadre sends every field', async () => {
    const { store, initial } = await open();
    const { fieldsOf } = saveCadreOperation.kind;
    const blank = fieldsOf(
      null,
      await store.load(),
      (await import('../../source/domain/indexes.js')).buildIndexes(await store.load()),
    );
    const done = await command(store).run(
      saveCadreOperation,
      recordEdit(null, blank, { ...blank, name: '赵六', employeeNo: 'T009' }),
    );
    expect(done.message).toBe('已新增干部 赵六');
    expect(initial.name).toBe('张三');
  });

  it('refuses, as import does, a field holding what a terminal would obey; the datastore as it was', async () => {
    const { store, initial } = await open();
    const before = await store.load();
    for (const name of ['张三\u202e', '张三\u001b[2J', '张三\u009b31m']) {
      await expect(
        tui(store).run(saveCadreOperation, recordEdit('c_zs', initial, { ...initial, name })),
      ).rejects.toThrow(/^未保存：干部姓名含有控制字符 U\+[0-9A-F]{4}：请删除不可见字符后再保存$/);
    }
    expect(await store.load()).toEqual(before);
  });
});
