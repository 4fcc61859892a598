// Two cadres named 李明: each can be picked with ↑/↓, and every confirmation, list and message tells
// them apart by 工号.
import { describe, expect, it } from 'vitest';
import type { Datastore } from '../../source/domain/schema.js';
import { KEY, openScreen, school } from '../helpers/ui-harness.js';

function withNamesakes(): Datastore {
  const data = school();
  const liMing = (id: string, employeeNo: string) => ({
    ...data.cadres[0]!,
    id,
    employeeNo,
    name: '李明',
    department: id === 'c_lm1' ? '教务处' : '学工处',
  });
  data.cadres.push(liMing('c_lm1', 'T010'), liMing('c_lm2', 'T011'));
  data.classes.push({ ...data.classes[0]!, id: 'cls_ds', name: '电商1班' });
  return data;
}

describe.concurrent('namesakes', () => {
  it('分配: ↓ picks the second 李明, the question and the message name 李明（T011）, and T011 gets the class', async () => {
    const ui = await openScreen('7', '分配 · 选择班级', withNamesakes());
    await ui.press('/', ...'电商', KEY.enter, KEY.enter);
    await ui.until('a 分配干部');
    await ui.press('a');
    await ui.until('分配 电商1班');
    await ui.press(...'lm');
    await ui.until('> 李明（T010）');
    expect(ui.frame()).toContain('  李明（T011）');
    expect(ui.frame()).toContain('↑/↓ 选择其中一位');
    await ui.press(KEY.down);
    await ui.until('> 李明（T011）');
    await ui.press(KEY.up);
    await ui.until('> 李明（T010）');
    await ui.press(KEY.down);
    await ui.until('> 李明（T011）');
    await ui.press(KEY.enter, KEY.enter, KEY.enter, ...'2026-11-01', KEY.enter);
    await ui.until('分配给 李明（T011），自 2026-11-01 起（y/n）');
    await ui.press('y');
    await ui.until('已把 电商1班 分配给 李明（T011）');
    expect((await ui.saved()).assignments.find((a) => a.classId === 'cls_ds')?.cadreId).toBe('c_lm2');
  });

  it('记录联系: the second 李明 is chosen with ↓ and the message names its 工号', async () => {
    const data = withNamesakes();
    const { assign } = await import('../../source/domain/assignments.js');
    const { testContext } = await import('../helpers/fixtures.js');
    assign(data, { cadreId: 'c_lm2', classId: 'cls_ds', start: '2026-09-01' }, testContext('2026-11-25'));
    const ui = await openScreen('1', '记录联系', data);
    await ui.press(...'李明', KEY.down);
    await ui.until('> 李明（T011）');
    await ui.press(KEY.enter);
    await ui.until(/类型\s*：◀ 班级 ▶/);
    expect(ui.frame()).toMatch(/干部\s*：李明（T011）/);
    expect(ui.frame()).toMatch(/对象\s*：电商1班/);
    await ui.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until('已记录：李明（T011） 班级 电商1班 2026-11-25 座谈会');
    expect((await ui.saved()).contacts.find((c) => c.targetId === 'cls_ds')?.cadreId).toBe('c_lm2');
  });
});
