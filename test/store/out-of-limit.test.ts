// A datastore saved before the field limits became stricter (phones ≤ 2000 characters, 入学年份
// 1900–2200): it loads with every value kept, `check` names each out-of-limit value in one line,
// other changes save without touching it, and a form asks for a valid value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markCadreStatusOperation } from '../../source/operations/mark-cadre-status.js';
import { OperationRunner } from '../../source/operations/runner.js';
import { recordEdit, saveCadreOperation } from '../../source/operations/save-record.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { wholeSchool } from '../helpers/stores.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const LONG_PHONE = '0579-85123456 转 8001（工作日 8:00–17:00，节假日请拨值班电话 0579-85129999）';

/** A schema-version-2 file (contacts inline, no users) as the old form saved it. */
function oldFile(): string {
  const data = smallSchool([AUTUMN]) as unknown as Record<string, unknown> & {
    cadres: Array<Record<string, unknown>>;
    classes: Array<Record<string, unknown>>;
  };
  data.cadres[0]!['officePhone'] = LONG_PHONE;
  data.classes[0]!['enrollYear'] = 1949;
  data.classes[1]!['counselorPhone'] = LONG_PHONE;
  const { users: _users, ...old } = data;
  const file = join(mkdtempSync(join(tmpdir(), 'slx-old-')), 'data.json');
  writeFileSync(file, JSON.stringify({ ...old, schemaVersion: 2 }));
  return file;
}

describe('values saved under older limits', () => {
  it('load with nothing lost; check names each in one line and exits 1; a log saves and keeps them', async () => {
    const file = oldFile();
    expect(LONG_PHONE.length).toBeGreaterThan(50);
    const data = await new DatastoreFile(file).load();
    expect(data.cadres[0]!.officePhone).toBe(LONG_PHONE);
    expect(data.classes[0]!.enrollYear).toBe(1949);

    const check = await runCli(['check'], file);
    expect(check.code).toBe(1);
    const lines = check.stdout.split('\n').filter((l) => l.includes('已原样保留'));
    expect(lines).toEqual([
      `干部 张三（T001） 的办公电话有 ${LONG_PHONE.length} 个字符，过长（最多 50 个字符）：已原样保留，请在 TUI“干部”中选中该干部按 e 编辑改为有效的值`,
      '班级 会计1班 的入学年份为 1949，年份过早（应在 1950–2100 之间）：已原样保留，请在 TUI“班级”中选中该班级按 e 编辑改为有效的值',
      `班级 软件1班 的辅导员短号有 ${LONG_PHONE.length} 个字符，过长（最多 50 个字符）：已原样保留，请在 TUI“班级”中选中该班级按 e 编辑改为有效的值`,
    ]);
    expect(check.stderr).toContain('有 3 处问题');

    expect(
      (await runCli(['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'], file)).code,
    ).toBe(0);
    expect(
      (
        await runCli(
          [
            'log',
            '--cadre',
            '张三',
            '--type',
            '班级',
            '--target',
            '会计1班',
            '--date',
            '2026-11-20',
            '--as-of',
            '2026-11-25',
          ],
          file,
        )
      ).code,
    ).toBe(0);
    const after = await new DatastoreFile(file).load();
    expect(after.contacts).toHaveLength(1);
    expect(after.cadres[0]!.officePhone).toBe(LONG_PHONE);
    expect(after.classes[0]!.enrollYear).toBe(1949);
    expect(after.classes[1]!.counselorPhone).toBe(LONG_PHONE);
  });

  it('a change to the record that keeps the old value saves; the edit form asks for a valid value first', async () => {
    const store = wholeSchool(oldFile());
    const runner = new OperationRunner(store, { via: 'tui', context: () => testContext('2026-11-25') });
    // Marking 张三 长期请假 changes his record, not his phone: saved, the phone kept.
    await runner.run(markCadreStatusOperation, { cadre: { id: 'c_zs' }, status: '长期请假', date: '2026-11-25' });
    expect((await store.load()).cadres[0]).toMatchObject({ status: '长期请假', officePhone: LONG_PHONE });
    // His form, saving another field: refused, naming the phone; with a valid phone it saves.
    const initial = saveCadreOperation.kind.fieldsOf(
      (await store.load()).cadres[0]!,
      await store.load(),
      undefined as never,
    );
    await expect(
      runner.run(saveCadreOperation, recordEdit('c_zs', initial, { ...initial, title: '副处长' })),
    ).rejects.toThrow('办公电话：过长（最多 50 个字符）');
    await runner.run(
      saveCadreOperation,
      recordEdit('c_zs', initial, { ...initial, title: '副处长', officePhone: '0579-85123456' }),
    );
    expect((await store.load()).cadres[0]).toMatchObject({ title: '副处长', officePhone: '0579-85123456' });
  });
});
