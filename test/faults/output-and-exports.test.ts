// Issue 13, cases 7 and 14: an export never replaces the file a symbolic link points to; JSON output
// escapes bidi and control characters, and `log --note` refuses them in the first place.
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { logContact } from '../../source/domain/contacts.js';
import { UserError } from '../../source/domain/errors.js';
import { saveWorkbook } from '../../source/io/xlsx-write.js';
import { assignedStore, ctx } from './fault-helpers.js';

describe('exports and output', () => {
  it('case 7: export --force to a symbolic link pointing at the datastore refuses, and the datastore is untouched', async () => {
    const store = await assignedStore();
    const before = readFileSync(store.file);
    const link = join(store.file, '..', '附件2.xlsx');
    symlinkSync(store.file, link);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表').getCell('A1').value = '汇总';
    const error = await saveWorkbook(workbook, link, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/是符号链接：不会替换它指向的文件/);
    expect(readFileSync(store.file)).toEqual(before);
  });

  it('case 14: contacts --json escapes U+202E and C1 controls (the same strings to a JSON parser)', async () => {
    const store = await assignedStore();
    const note = '正常\u202e反转\u009b文字';
    await store.update(
      (d) =>
        void d.contacts.push({
          id: 'ct_x',
          cadreId: 'c_zs',
          duty: 'class',
          targetId: 'cls_kj',
          date: '2026-11-20',
          form: '座谈会',
          note,
          enteredAt: '2026-11-20T10:00:00+08:00',
          enteredBy: 'old',
        }),
      { action: 'old version', contacts: '2026-11-20' },
    );
    const r = spawnSync(
      resolve('node_modules/.bin/tsx'),
      [resolve('source/cli/main.ts'), 'contacts', '--json', '--data', store.file],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u202e\u009b]/);
    expect(r.stdout).toContain('\\u202e');
    expect((JSON.parse(r.stdout) as { note: string }[])[0]!.note).toBe(note);
  });

  it.each([
    ['ESC', '好\u001b[31m红'],
    ['OSC', '链接\u001b]8;;http://x\u0007'],
    ['U+202E', 'abc\u202edef'],
  ])('case 14: log --note with %s is refused, naming the character, nothing saved', async (_, note) => {
    const store = await assignedStore();
    const error = await store
      .update(
        (d) => logContact(d, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-11-20', note }, ctx()),
        { action: 'log', contacts: '2026-11-20' },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/备注含有控制字符 U\+(001B|202E)：请删除不可见字符后再保存/);
    expect((await store.load('all')).contacts).toEqual([]);
  });
});
