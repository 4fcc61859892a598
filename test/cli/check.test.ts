// check names the datastore it checked: every command falls back to the demo file without --data,
// so the secretary must be able to see which file she is working on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

describe('check', () => {
  it('says which file it checked, with its counts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-check-')), 'data.json');
    writeFileSync(file, JSON.stringify(smallSchool([AUTUMN])));
    const r = await runCli(['check'], file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`数据文件 ${file} 正常：2 个学院，3 名干部`);
  });
});
