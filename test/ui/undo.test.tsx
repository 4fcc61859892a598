// u names the change it would undo and undoes that one after y; any other key cancels; the datastore shows the result.
import { describe, expect, it } from 'vitest';
import { logContact } from '../../source/domain/contacts.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { randomId } from '../../source/domain/context.js';
import { testContext } from '../helpers/fixtures.js';
import { startApp, TODAY } from '../helpers/ui-harness.js';

describe.concurrent('undo in the terminal UI', () => {
  it('u then n keeps the change; u then y reverts it and says which change', async () => {
    const ui = await startApp();
    await new DatastoreFile(ui.file).update(
      (d) =>
        logContact(
          d,
          { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-11-24', note: '撤销测试' },
          { ...testContext(TODAY), newId: randomId },
        ),
      {
        action: 'log',
      },
    );
    await ui.until('已重新载入');
    await ui.press('u');
    // The question names the change, which may be another secretary's.
    await ui.until(/撤销最近一次修改：第 2 号修改（[-\d: ]+ \S+ log：联系记录 新增 1）？/);
    await ui.press('n');
    await ui.until('已取消撤销');
    expect((await ui.saved()).contacts.some((c) => c.note === '撤销测试')).toBe(true);

    await ui.press('u');
    await ui.until('撤销最近一次修改：第 2 号修改');
    await ui.press('y');
    await ui.until('已撤销第 2 号修改');
    expect(ui.frame()).toContain('log：联系记录 新增 1');
    expect((await ui.saved()).contacts.some((c) => c.note === '撤销测试')).toBe(false);

    // The creation of the datastore is not a change that can be undone (u and y typed ahead in one read).
    await ui.burst('u', 'y');
    await ui.until('不能撤销');
    expect((await ui.saved()).contacts).toHaveLength(1);
    ui.unmount();
  });

  it('y undoes the change the question named, not one saved meanwhile by someone else', async () => {
    const ui = await startApp();
    const log = (note: string) =>
      new DatastoreFile(ui.file).update(
        (d) =>
          logContact(
            d,
            { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-11-24', note },
            { ...testContext(TODAY), newId: randomId },
          ),
        { action: 'log' },
      );
    await log('她的');
    await ui.until('已重新载入');
    await ui.press('u');
    await ui.until('撤销最近一次修改：第 2 号修改');
    await log('别人的');
    await ui.press('y');
    await ui.until('已撤销第 2 号修改');
    const notes = (await ui.saved()).contacts.map((c) => c.note);
    expect(notes).toContain('别人的');
    expect(notes).not.toContain('她的');
    ui.unmount();
  });
});
