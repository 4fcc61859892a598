// 催办 as a cron job and a secretary use it (issue 25): each college's late cadres as a group message,
// sent to robots on 127.0.0.1 that answer as 企业微信's and 钉钉's do — accepted, rate limited once,
// an invalid address, no answer, a refused port — and never twice; the robot's address never printed.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import type { Datastore } from '../../source/domain/schema.js';
import { setRobot } from '../../source/domain/robots.js';
import { scopedView } from '../../source/domain/scope.js';
import { assertWithinScope } from '../../source/domain/scope-check.js';
import { robotTiming, type RobotClock } from '../../source/io/robot-send.js';
import { OperationRunner } from '../../source/operations/runner.js';
import { saveRulesOperation } from '../../source/operations/settings.js';
import { run } from '../../source/cli/main.js';
import { openStore } from '../../source/cli/runtime.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const AS_OF = '2026-11-25';
const SECRET = 'SECb1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2';
const KEY = 'e3f1c0de-5b7a-4c2e-9a61-0f3d2b8c7a55';

/** 经管 (张三 with 会计1班), 机电 (李四 with 软件1班) and three more colleges, one late cadre each. */
function school(): Datastore {
  const data = smallSchool([AUTUMN]);
  const ctx = testContext('2026-09-01');
  data.students[0] = { ...data.students[0]!, categories: ['心理困惑'], contact: '13800001111' };
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
  assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: ['s_2'], start: '2026-09-01' }, ctx);
  ['护理学院', '建筑学院', '艺术学院'].forEach((name, i) => {
    data.colleges.push({ id: `col_${i}`, name });
    data.classes.push({ ...data.classes[0]!, id: `cls_${i}`, collegeId: `col_${i}`, name: `${name.slice(0, 2)}1班` });
    data.dorms.push({ ...data.dorms[0]!, id: `d_${i}`, building: '5号楼', number: `50${i}`, classIds: [`cls_${i}`] });
    data.cadres.push({
      ...data.cadres[0]!,
      id: `c_${i}`,
      employeeNo: `T10${i}`,
      name: `干部${i}`,
      collegeId: `col_${i}`,
    });
    assign(data, { cadreId: `c_${i}`, classId: `cls_${i}`, start: '2026-09-01' }, ctx);
  });
  return data;
}

/** 护理学院 with `n` more late cadres, each with a class and its dorm: a 催办 of several messages. */
function bigSchool(n = 40): Datastore {
  const data = school();
  const ctx = testContext('2026-09-01');
  for (let i = 0; i < n; i++) {
    data.classes.push({ ...data.classes[0]!, id: `cls_h${i}`, collegeId: 'col_0', name: `护理${i + 2}班` });
    data.dorms.push({
      ...data.dorms[0]!,
      id: `d_h${i}`,
      building: '6号楼',
      number: `${600 + i}`,
      classIds: [`cls_h${i}`],
    });
    data.cadres.push({
      ...data.cadres[0]!,
      id: `c_h${i}`,
      employeeNo: `T2${String(i).padStart(2, '0')}`,
      name: `护士${i}`,
      collegeId: 'col_0',
    });
    assign(data, { cadreId: `c_h${i}`, classId: `cls_h${i}`, start: '2026-09-01' }, ctx);
  }
  return data;
}

interface Received {
  path: string;
  query: URLSearchParams;
  content: string;
}

let server: Server;
let base: string;
let refused: string;
const received: Received[] = [];
let limitedOnce = false;
/** How many messages /flaky has been sent; its second is refused, once. */
let flaky = 0;

function answer(req: IncomingMessage, body: string): unknown {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const content = (JSON.parse(body) as { msgtype: string; text: { content: string } }).text.content;
  if (url.pathname === '/slow') return null;
  received.push({ path: url.pathname, query: url.searchParams, content });
  if (url.pathname === '/limited' && !limitedOnce) {
    limitedOnce = true;
    return { errcode: 45009, errmsg: 'api freq out of limit' };
  }
  if (url.pathname === '/flaky' && ++flaky === 2) return { errcode: -1, errmsg: 'system error' };
  if (url.pathname === '/invalid') return { errcode: 93000, errmsg: 'invalid webhook url' };
  if (url.pathname === '/signed') {
    const timestamp = url.searchParams.get('timestamp') ?? '';
    const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64');
    if (url.searchParams.get('sign') !== expected) return { errcode: 310000, errmsg: 'sign not match' };
  }
  return { errcode: 0, errmsg: 'ok' };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const reply = answer(req, body);
      if (reply !== null) res.setHeader('content-type', 'application/json').end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/send?key=${KEY}`;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A minute passes at once: the waits are counted, not slept. */
const waits: number[] = [];
const outer = { ...robotTiming };
beforeEach(() => {
  let now = Date.UTC(2026, 10, 25, 1);
  const clock: RobotClock = {
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
  // Long enough that a loaded machine answers the other robots in time; only the silent robot waits it out.
  Object.assign(robotTiming, { clock, timeoutMs: 2_000 });
  received.length = 0;
  waits.length = 0;
  limitedOnce = false;
  flaky = 0;
});
afterEach(() => Object.assign(robotTiming, outer));

/** Two command lines started together in this process (two cron lines firing at once); their output mixed. */
async function runTogether(args: string[]): Promise<{ codes: number[]; stdout: string }> {
  const out: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(`${format(...a)}\n`)),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0),
  ];
  try {
    const codes = await Promise.all([run(args), run(args)]);
    return { codes, stdout: out.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

function newFile(data: Datastore = school()): string {
  const file = join(mkdtempSync(join(tmpdir(), 'slx-remind-')), 'data.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

describe('remind', () => {
  it('prints each college its own late cadres; a 困难生 by name alone', async () => {
    const file = newFile();
    const out = await runCli(['remind', '--as-of', AS_OF], file);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const part = (college: string) => out.stdout.split('—— ').find((p) => p.startsWith(college)) ?? '';
    expect(part('经济管理学院')).toContain('张三（T001）');
    expect(part('经济管理学院')).toMatch(/· 10月 困难生 小明，11-01 起逾期/);
    expect(part('经济管理学院')).toMatch(/· 10月 寝室 1号楼-101、1号楼-102，11-01 起逾期/);
    expect(part('经济管理学院')).not.toMatch(/李四|干部\d/);
    expect(part('机电信息学院')).toContain('李四（T002）');
    expect(part('机电信息学院')).not.toMatch(/张三|干部\d/);
    expect(part('护理学院')).toContain('干部0（T100）');
    expect(out.stdout).not.toMatch(/心理困惑|13800001111|2025001/);
    // A class window is owed for the term: due, not late, so not listed without --soon.
    expect(out.stdout).not.toContain('班级 会计1班');

    const soon = await runCli(
      ['remind', '--as-of', '2027-01-15', '--soon', '6', '--college', '经济管理学院', '--json'],
      file,
    );
    const json = JSON.parse(soon.stdout) as {
      colleges: Array<{
        college: string;
        cadres: Array<{ cadre: string; items: Array<{ target: string; status: string }> }>;
        messages: string[];
      }>;
    };
    expect(json.colleges.map((c) => c.college)).toEqual(['经济管理学院']);
    expect(json.colleges[0]!.cadres[0]!.items).toContainEqual(
      expect.objectContaining({ target: '会计1班', status: 'due' }),
    );
    expect(json.colleges[0]!.messages[0]).toContain('· 本学期 班级 会计1班，01-20 前完成');
    expect(soon.stdout).not.toMatch(/心理困惑|13800001111|2025001/);
  });

  it('sends to each robot once: rate limited waits, a refusal, a timeout and a refused port are reported, the others delivered', async () => {
    const file = newFile();
    const set = async (college: string, url: string, ...more: string[]) =>
      expect((await runCli(['webhook', 'set', college, url, ...more], file)).code).toBe(0);
    await set('经济管理学院', `${base}/ok?key=${KEY}`);
    await set('机电信息学院', `${base}/limited?key=${KEY}`);
    await set('护理学院', `${base}/invalid?key=${KEY}`);
    await set('建筑学院', `${base}/slow?key=${KEY}`);
    await set('艺术学院', refused);

    const first = await runCli(['remind', '--send', '--as-of', AS_OF], file);
    expect(first.code).toBe(1);
    const byPath = (path: string) => received.filter((r) => r.path === path).map((r) => r.content);
    expect(byPath('/ok')).toHaveLength(1);
    expect(byPath('/ok')[0]).toContain('张三（T001）');
    expect(byPath('/ok')[0]).not.toMatch(/李四|干部\d|心理困惑|2025001/);
    // 45009 once: waited a minute, then accepted.
    expect(byPath('/limited')).toHaveLength(2);
    expect(byPath('/limited')[1]).toContain('李四（T002）');
    expect(waits).toContain(60_000);
    expect(first.stdout).toMatch(/经济管理学院：已发送到群机器人/);
    expect(first.stdout).toMatch(/机电信息学院：已发送到群机器人/);
    expect(first.stderr).toMatch(/^护理学院：催办未发出，机器人地址无效.*errcode 93000/m);
    expect(first.stderr).toMatch(/^建筑学院：催办未发出，.*超时/m);
    expect(first.stderr).toMatch(/^艺术学院：催办未发出，连接被拒绝/m);
    for (const r of received) expect(Buffer.byteLength(r.content)).toBeLessThanOrEqual(2048);
    expect(`${first.stdout}${first.stderr}`).not.toContain(KEY);

    // The cron job run twice: what was accepted is not sent again; the failed colleges are tried again.
    received.length = 0;
    const second = await runCli(['remind', '--send', '--as-of', AS_OF], file);
    expect(second.stdout).toMatch(/经济管理学院：这份催办已于 \d{4}-\d{2}-\d{2} 发送过，未重复发送/);
    expect(byPath('/ok')).toHaveLength(0);
    expect(byPath('/limited')).toHaveLength(0);
    expect(byPath('/invalid')).toHaveLength(1);
    expect(second.code).toBe(1);

    received.length = 0;
    const again = await runCli(['remind', '--send', '--again', '--as-of', AS_OF, '--college', '经济管理学院'], file);
    expect(again.code).toBe(0);
    expect(byPath('/ok')).toHaveLength(1);

    // The address is a secret: masked in the list, the history and the files; the files are private.
    const list = await runCli(['webhook', 'list'], file);
    expect(list.stdout).toMatch(/经济管理学院\s+http:\/\/127\.0\.0\.1:\d+\/…7a55/);
    const history = await runCli(['history', '--json'], file);
    expect(history.stdout).toContain('设置群机器人');
    expect(history.stdout).toContain('催办');
    expect(`${list.stdout}${history.stdout}`).not.toContain(KEY);
    const dir = join(file, '..');
    let holding = 0;
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      if (readFileSync(path, 'utf8').includes(KEY)) {
        holding += 1;
        expect(statSync(path).mode & 0o077, name).toBe(0);
      }
      if (name.includes('journal')) expect(readFileSync(path, 'utf8'), name).not.toContain(KEY);
    }
    // The roster and its backups hold it (the robots are settings).
    expect(holding).toBeGreaterThan(0);
  });

  it('signs for a 钉钉 robot with 加签, and never prints the secret', async () => {
    const file = newFile();
    const set = await runCli(
      ['webhook', 'set', '经济管理学院', `${base}/signed?access_token=${KEY}`, '--secret', SECRET],
      file,
    );
    expect(set.stdout).toMatch(/已设置经济管理学院的群机器人：.*（加签）/);
    const sent = await runCli(['remind', '--send', '--as-of', AS_OF, '--college', '经济管理学院'], file);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]!.query.get('access_token')).toBe(KEY);
    const history = await runCli(['history', '--json'], file);
    expect(`${set.stdout}${sent.stdout}${history.stdout}`).not.toMatch(new RegExp(`${SECRET}|${KEY}`));
  });

  it('lists colleges without a robot, refuses http to another host and a viewer sending', async () => {
    const file = newFile();
    const none = await runCli(['remind', '--send', '--as-of', AS_OF], file);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/经济管理学院：未设置群机器人，未发送/);
    const plain = await runCli(
      ['webhook', 'set', '经济管理学院', `http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`],
      file,
    );
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/应以 https:\/\/ 开头/);
    expect(plain.stderr).not.toContain(KEY);
    expect((await runCli(['webhook', 'list'], file)).stdout).toMatch(/经济管理学院\s+未设置/);
  });

  it('a college secretary sets the robot of her own college only; undo keeps robot addresses as they are', async () => {
    const before = school();
    const wang = { id: 'u_1', login: 'wang', name: '王芳', role: 'college' as const, collegeIds: ['col_jg'], keys: [] };
    const own = structuredClone(before);
    setRobot(own, 'col_jg', `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`, null);
    expect(() => assertWithinScope(wang, before, own)).not.toThrow();
    const other = structuredClone(before);
    setRobot(other, 'col_jd', `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`, null);
    expect(() => assertWithinScope(wang, before, other)).toThrow(/其他学院的考核细则或群机器人（机电信息学院）/);
    expect(scopedView(own, wang).settings.robots).toEqual(own.settings.robots);
    expect(scopedView(other, wang).settings.robots).toEqual({});

    const file = newFile();
    expect((await runCli(['webhook', 'set', '经济管理学院', `${base}/ok?key=${KEY}`], file)).code).toBe(0);
    const undoSet = await runCli(['undo'], file);
    expect(undoSet.code).toBe(1);
    expect(undoSet.stderr).toMatch(/改动了群机器人.*webhook set 或 webhook remove 改回/);
    // A later change to the rules is undone without touching the robot (the journal holds it masked).
    const runner = new OperationRunner(openStore({ data: file }), {
      via: 'command',
      context: () => testContext(AS_OF),
    });
    const rules = { classPerTerm: '1', dormPerMonth: '2', dormScope: 'any', studentPerMonth: '1', minWindowDays: '7' };
    await runner.run(saveRulesOperation, { collegeId: null, rules });
    expect((await runCli(['undo'], file)).code).toBe(0);
    expect((await runCli(['remind', '--send', '--as-of', AS_OF, '--college', '经济管理学院'], file)).code).toBe(0);
    expect(received.map((r) => r.path)).toEqual(['/ok']);
  });

  it('over SSH: a college secretary sets a 企业微信/钉钉 robot and sends for her college only; a viewer prints only', async () => {
    const file = newFile();
    for (const u of [
      ['wang', '--name', '王芳', '--role', 'college', '--college', '经济管理学院'],
      ['li', '--name', '李院长', '--role', 'viewer'],
    ]) {
      expect((await runCli(['users', 'add', ...u], file)).stderr).toBe('');
    }
    expect((await runCli(['webhook', 'set', '机电信息学院', `${base}/limited?key=${KEY}`], file)).code).toBe(0);
    const wecom = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`;
    const ssh = (login: string, command: string) => {
      process.env['SSH_CONNECTION'] = '127.0.0.1 50000 127.0.0.1 22';
      process.env['SSH_ORIGINAL_COMMAND'] = command;
      return runCli(['--data', file, '--user', login]);
    };
    try {
      const other = await ssh('wang', `webhook set 机电信息学院 '${wecom}'`);
      expect(other.code).toBe(1);
      // The college exists: she is told it is not hers, not that there is none.
      expect(other.stderr).toMatch(/只能修改本学院（经济管理学院）的记录：学院“机电信息学院”是其他学院，未做任何改动/);
      // Any other address would have the server post where her command says: a service on this machine, a port inside.
      for (const url of [
        `${base}/ok?key=${KEY}`,
        'https://127.0.0.1:2375/containers/prune',
        'https://qyapi.weixin.qq.com.example.org/x',
        'https://qyapi.weixin.qq.com:8443/x',
      ]) {
        const refused = await ssh('wang', `webhook set 经济管理学院 '${url}'`);
        expect(refused.code, url).toBe(1);
        expect(refused.stderr, url).toMatch(/^SSH 命令被拒绝：群机器人只能是企业微信或钉钉的 https 地址/);
      }
      expect((await ssh('wang', `webhook set 经济管理学院 '${wecom}'`)).code).toBe(0);
      expect((await ssh('wang', 'webhook list')).stdout).toMatch(/经济管理学院\s+https:\/\/qyapi\.weixin\.qq\.com/);
      // A robot set at the server (the test's, on this machine) is the one her remind --send reaches.
      expect((await runCli(['webhook', 'set', '经济管理学院', `${base}/ok?key=${KEY}`], file)).code).toBe(0);
      const list = await ssh('wang', 'webhook list');
      expect(list.stdout).toContain('经济管理学院');
      expect(list.stdout).not.toContain('机电信息学院');
      const sent = await ssh('wang', `remind --send --as-of ${AS_OF}`);
      expect(sent.code).toBe(0);
      expect(sent.stdout).toMatch(/经济管理学院：已发送到群机器人/);
      expect(received.map((r) => r.path)).toEqual(['/ok']);
      expect((await ssh('li', 'webhook list')).stderr).toMatch(/不能运行“/);
      const viewer = await ssh('li', `remind --send --as-of ${AS_OF}`);
      expect(viewer.code).toBe(1);
      expect(viewer.stderr).toMatch(/只读用户只能查看催办，不能发送/);
      expect((await ssh('li', `remind --as-of ${AS_OF}`)).stdout).toContain('【三联系催办】机电信息学院');
      expect(received).toHaveLength(1);
    } finally {
      delete process.env['SSH_CONNECTION'];
      delete process.env['SSH_ORIGINAL_COMMAND'];
    }
  });

  it('a college whose second of three messages failed gets only the undelivered ones the next time', async () => {
    const file = newFile(bigSchool());
    const json = await runCli(['remind', '--json', '--as-of', AS_OF, '--college', '护理学院'], file);
    const messages = (JSON.parse(json.stdout) as { colleges: Array<{ messages: string[] }> }).colleges[0]!.messages;
    expect(messages).toHaveLength(3);
    expect((await runCli(['webhook', 'set', '护理学院', `${base}/flaky?key=${KEY}`], file)).code).toBe(0);
    const send = () => runCli(['remind', '--send', '--as-of', AS_OF, '--college', '护理学院'], file);

    const first = await send();
    expect(first.code).toBe(1);
    expect(received.map((r) => r.content)).toEqual([messages[0], messages[1]]);
    expect(first.stderr).toMatch(
      /^护理学院：催办第 2 条（共 3 条）起未发出，机器人拒收（errcode -1：system error）.*第 1 条已送达/m,
    );

    received.length = 0;
    const second = await send();
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(received.map((r) => r.content)).toEqual([messages[1], messages[2]]);
    expect(second.stdout).toMatch(
      /护理学院：已发送到群机器人（2 条消息；第 1 条已于 \d{4}-\d{2}-\d{2} 发送过，未重复发送）/,
    );

    received.length = 0;
    const third = await send();
    expect(third.code).toBe(0);
    expect(received).toHaveLength(0);
    expect(third.stdout).toMatch(/护理学院：这份催办已于 \d{4}-\d{2}-\d{2} 发送过，未重复发送/);
  });

  it('two sends started together deliver each message once', async () => {
    const file = newFile(bigSchool());
    for (const college of ['护理学院', '经济管理学院'])
      expect((await runCli(['webhook', 'set', college, `${base}/ok?key=${KEY}`], file)).code).toBe(0);
    const json = await runCli(['remind', '--json', '--as-of', AS_OF], file);
    const expected = (JSON.parse(json.stdout) as { colleges: Array<{ college: string; messages: string[] }> }).colleges
      .filter((c) => c.college === '护理学院' || c.college === '经济管理学院')
      .flatMap((c) => c.messages);
    expect(expected).toHaveLength(4);
    received.length = 0;
    const together = await runTogether(['remind', '--send', '--as-of', AS_OF, '--data', file]);
    expect(together.codes).toEqual([0, 0]);
    expect(received.map((r) => r.content).sort()).toEqual([...expected].sort());
    expect(together.stdout.match(/护理学院：已发送到群机器人（3 条消息）/g)).toHaveLength(1);
    expect(together.stdout.match(/护理学院：这份催办已于 \d{4}-\d{2}-\d{2} 发送过，未重复发送/g)).toHaveLength(1);
  });
});
