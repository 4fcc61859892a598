// The built program (source/build/bundle-cli.ts) as a shell runs it: `node dist/cli/main.js …`. main.js
// loads fast.js for a plain overdue or log line and program.js (with its chunks) for any other, never
// both. Here the plain lines run with program.js and the chunks taken away, every other line with
// fast.js taken away, and each line prints and exits as the same line does in process (run(), from
// the sources): help, a mistake, a user error inside fast.js, an SSH forced command, the terminal UI;
// and remind --send reaches a robot (the bundles define a bare fetch as undefined).
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleProgram } from '../../source/build/bundle-cli.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

// Inside the checkout, so that the packages left in node_modules (yargs, string-width) are found; one
// folder per run, since checkouts that share node_modules may run this test at the same time.
const BUILT = resolve(`node_modules/.cache/sanlianxi-bundle-test-${process.pid}`);
const FAST_ONLY = join(BUILT, 'fast-only');
const PROGRAM_ONLY = join(BUILT, 'program-only');
const SSH = { SSH_CONNECTION: '127.0.0.1 50000 127.0.0.1 22' };

let dir: string;

/**
 * Two equal datastores, with 张三 assigned to 会计1班 and the user wang, a college secretary: one for
 * the built program, one for the same lines in process (a line that saves would not save twice).
 */
async function schools(): Promise<{ file: string; twin: string }> {
  dir = mkdtempSync(join(tmpdir(), 'slx-bundle-'));
  const file = join(dir, 'a', 'data.json');
  mkdirSync(join(dir, 'a'));
  writeFileSync(file, JSON.stringify(smallSchool([AUTUMN])));
  expect((await runCli(['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'], file)).code).toBe(
    0,
  );
  expect(
    (await runCli(['users', 'add', 'wang', '--name', '王芳', '--role', 'college', '--college', '经济管理学院'], file))
      .code,
  ).toBe(0);
  cpSync(join(dir, 'a'), join(dir, 'b'), { recursive: true });
  return { file, twin: join(dir, 'b', 'data.json') };
}

/** The line run by the built program on `file` and in process on `twin`: the same code, output and errors. */
async function expectSame(
  build: string,
  line: string[],
  { file, twin }: { file: string; twin: string },
  env?: Record<string, string>,
): Promise<CliResult> {
  const result = built(build, [...line, '--data', file], env);
  expect(result, line.join(' ')).toEqual(await inProcess([...line, '--data', twin], env));
  return result;
}

/** The built main.js of `build` run as a process, with `env` added to this one's (no COLUMNS: a pipe). */
function built(build: string, args: string[], env: Record<string, string> = {}): CliResult {
  const { COLUMNS: _columns, ...outer } = process.env;
  const r = spawnSync(process.execPath, [join(build, 'cli', 'main.js'), ...args], {
    encoding: 'utf8',
    env: { ...outer, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same line in this process, with `env` set while it runs. */
async function inProcess(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  Object.assign(process.env, env);
  try {
    return await runCli(args);
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
  }
}

afterAll(() => rmSync(BUILT, { recursive: true, force: true }));

beforeAll(async () => {
  rmSync(BUILT, { recursive: true, force: true });
  await bundleProgram(join(BUILT, 'all'));
  cpSync(join(BUILT, 'all'), FAST_ONLY, { recursive: true });
  rmSync(join(FAST_ONLY, 'cli', 'program.js'));
  rmSync(join(FAST_ONLY, 'chunks'), { recursive: true });
  cpSync(join(BUILT, 'all'), PROGRAM_ONLY, { recursive: true });
  rmSync(join(PROGRAM_ONLY, 'cli', 'fast.js'));
}, 60_000);

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the built program', () => {
  it('runs a plain overdue or log line from fast.js alone, as in process', async () => {
    const data = await schools();
    const log = [
      'log',
      '--cadre',
      '张三',
      '--type',
      '班级',
      '--target',
      '会计1班',
      '--date',
      '2026-09-10',
      '--as-of',
      '2026-09-20',
    ];
    expect(await expectSame(FAST_ONLY, log, data)).toEqual({
      code: 0,
      stdout: '已记录：张三 班级 会计1班 2026-09-10 座谈会\n',
      stderr: '',
    });
    // A user error thrown inside fast.js is told as one, not as an internal error.
    const unknown = await expectSame(
      FAST_ONLY,
      ['log', '--cadre', '赵六', '--type', '班级', '--target', '会计1班'],
      data,
    );
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/^找不到干部“赵六”/) });
    await expectSame(FAST_ONLY, ['overdue', '--as-of', '2026-09-20'], data);
    await expectSame(FAST_ONLY, ['overdue', '--as-of', '2026-09-20', '--json'], data);
    expect(
      (await expectSame(FAST_ONLY, ['overdue', '--as-of', '2026-09-30', '--count', '--exit-code'], data)).code,
    ).toBe(3);
  });

  it('runs help, mistakes, an SSH forced command and the terminal UI without fast.js, as in process', async () => {
    const data = await schools();
    expect((await expectSame(PROGRAM_ONLY, ['log', '--help'], data)).stdout).toContain('--again');
    expect((await expectSame(PROGRAM_ONLY, ['log', '--cadre', '张三', '--type', '班级'], data)).code).toBe(1);
    expect((await expectSame(PROGRAM_ONLY, ['--as-of', '2026-09-20'], data)).stderr).toMatch(
      /^终端界面需要在交互式终端中打开/,
    );
    const ssh = (command: string) => ({ ...SSH, SSH_ORIGINAL_COMMAND: command });
    expect(
      (await expectSame(PROGRAM_ONLY, ['--user', 'wang'], data, ssh('overdue --as-of 2026-09-20 --count'))).code,
    ).toBe(0);
    const log = 'log --cadre 张三 --type 班级 --target 会计1班 --date 2026-09-11 --as-of 2026-09-20';
    expect(await expectSame(PROGRAM_ONLY, ['--user', 'wang'], data, ssh(log))).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已记录/),
    });
    // The forced command's user, not the OS account, is who the journal names.
    const history = JSON.parse(built(PROGRAM_ONLY, ['history', '--json', '--data', data.file]).stdout) as Array<{
      user: string;
    }>;
    expect(history[0]?.user).toBe('王芳（wang）');
  });

  it("sends remind --send's message to the college's robot", async () => {
    const data = await schools();
    const got: string[] = [];
    const robot = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        got.push(body);
        res.end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((listening) => robot.listen(0, '127.0.0.1', listening));
    try {
      const url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=k`;
      expect((await runCli(['webhook', 'set', '经济管理学院', url], data.file)).code).toBe(0);
      // Not spawnSync: the robot answers from this process's event loop.
      const sent = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
        execFile(
          process.execPath,
          [join(PROGRAM_ONLY, 'cli', 'main.js'), 'remind', '--send', '--college', '经济管理学院'].concat([
            '--as-of',
            '2026-10-20',
            '--data',
            data.file,
          ]),
          (error, stdout, stderr) => done({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
        ),
      );
      expect(sent.stdout, sent.stderr).toBe('经济管理学院：已发送到群机器人（1 条消息）\n');
      expect(sent.code).toBe(0);
      expect(got.map((b) => (JSON.parse(b) as { text: { content: string } }).text.content)).toEqual([
        expect.stringMatching(/^【三联系催办】经济管理学院\n/),
      ]);
    } finally {
      robot.close();
    }
  });
});
