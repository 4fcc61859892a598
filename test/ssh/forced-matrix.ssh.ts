// The whole SSH matrix (test/helpers/ssh-matrix.ts) through the forced command's own path, in this
// process: the environment sshd gives a forced command (SSH_CONNECTION, SSH_ORIGINAL_COMMAND) and
// run([--data FILE, --user LOGIN]) as authorized_keys' command= runs it. test/ssh/sshd.ssh.ts runs the
// same cases over a real sshd; here each is a few milliseconds, so every case runs on every change.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SSH_COMMANDS } from '../../source/cli/forced-command.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import {
  judgeCase,
  matrixCases,
  matrixCommands,
  MATRIX_USERS,
  readmeSshCommands,
  type SshResult,
} from '../helpers/ssh-matrix.js';

let dir: string;
let file: string;
let other: string;

/** Every file under `folder`, hashed: unchanged means byte for byte. */
function folderState(folder: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${path}\0`).update(readFileSync(path));
    }
  };
  walk(folder);
  return hash.digest('hex');
}

/** `ssh sanlianxi@server <command>` with nothing on standard input, as sshd runs the forced command of `login`'s key. */
async function ssh(login: string, command: string): Promise<SshResult> {
  const stdout: Buffer[] = [];
  const spies = [
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([]) as unknown as typeof process.stdin),
    // export --out - writes the workbook straight to standard output.
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      stdout.push(Buffer.from(chunk));
      const done = rest.find((r) => typeof r === 'function') as ((error?: Error) => void) | undefined;
      done?.();
      return true;
    }),
  ];
  process.env['SSH_CONNECTION'] = '127.0.0.1 50000 127.0.0.1 22';
  process.env['SSH_ORIGINAL_COMMAND'] = command;
  try {
    const r = await runCli(['--data', file, '--user', login]);
    return { code: r.code, stdout: r.stdout + Buffer.concat(stdout).toString('latin1'), stderr: r.stderr };
  } finally {
    delete process.env['SSH_CONNECTION'];
    delete process.env['SSH_ORIGINAL_COMMAND'];
    for (const spy of spies) spy.mockRestore();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slx-matrix-'));
  mkdirSync(join(dir, 'data'));
  file = join(dir, 'data', 'sanlianxi.json');
  const school = smallSchool([AUTUMN]);
  school.cadres.push({ ...school.cadres[0]!, id: 'c_zq', name: '周七', employeeNo: 'T009', collegeId: 'col_jd' });
  writeFileSync(file, JSON.stringify(school));
  for (const line of [
    ['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'],
    ['assign', '--cadre', '周七', '--class', '软件1班', '--start', '2026-09-01'],
    ['users', 'add', 'zhang', '--name', '张老师', '--role', 'school'],
    ['users', 'add', 'wang', '--name', '王芳', '--role', 'college', '--college', '经济管理学院'],
    ['users', 'add', 'li', '--name', '李院长', '--role', 'viewer'],
  ]) {
    expect((await runCli(line, file)).stderr).toBe('');
  }
  // Another datastore a client might name with --data: never read, never written.
  cpSync(join(dir, 'data'), join(dir, 'other'), { recursive: true });
  other = join(dir, 'other', 'sanlianxi.json');
  mkdirSync(join(dir, 'scratch'));
});

let tally = 0;
afterAll(() => console.log(`forced-command matrix in process: ${tally} client commands`));

describe('the forced command, every role × every command × every spelling', () => {
  it("README's role table and SSH_COMMANDS say the same", () => {
    const table = readmeSshCommands();
    for (const role of Object.keys(table) as Array<keyof typeof table>)
      expect([...SSH_COMMANDS[role]].sort()).toEqual([...table[role]].sort());
  });

  it('each case allowed or refused as the table says; the datastore byte for byte as it was after each refusal', async () => {
    const otherBefore = folderState(join(dir, 'other'));
    const names = matrixCommands('')
      .map((c) => c.name)
      .filter((n) => n !== '');
    for (const c of matrixCases(join(dir, 'scratch'), other)) {
      const before = folderState(join(dir, 'data'));
      const r = await ssh(c.login, c.command);
      tally += 1;
      judgeCase(c, r, folderState(join(dir, 'data')) !== before, names);
    }
    expect(folderState(join(dir, 'other'))).toBe(otherBefore);
    expect(readdirSync(join(dir, 'scratch'))).toEqual([]);
  });

  it("help over SSH lists only the role's commands", async () => {
    const table = readmeSshCommands();
    for (const [login, role] of Object.entries(MATRIX_USERS)) {
      for (const help of ['--help', '-h', 'help']) {
        const r = await ssh(login, help);
        expect(r.code, `${login} ${help}`).toBe(0);
        const listed = [...r.stdout.matchAll(/^ {2}sanlianxi ([a-z]+)/gm)].map((m) => m[1]);
        expect(listed.sort(), `${login} ${help}`).toEqual([...table[role]].sort());
      }
    }
  });
});
