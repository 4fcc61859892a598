// 催办 in the terminal UI (issue 25): each college's message as it will be sent; y copies it to the
// terminal's clipboard (OSC 52), s sends it to the college's robot after y/n and the journal says 催办.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, school, startApp } from '../helpers/ui-harness.js';

let server: Server;
let base: string;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push((JSON.parse(body) as { text: { content: string } }).text.content);
      res.setHeader('content-type', 'application/json').end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** What the app asked the terminal to put on its clipboard, decoded. */
// eslint-disable-next-line no-control-regex -- OSC 52 is an escape sequence
const OSC52 = /\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007/g;

function clipboard(frames: readonly string[]): string[] {
  return frames.flatMap((f) => [...f.matchAll(OSC52)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8')));
}

describe('催办 screen', () => {
  it('shows each college its message; y copies it through OSC 52; s without a robot says how to set one', async () => {
    const ui = await startApp();
    await ui.press('2', 'm');
    await ui.until('催办 · 2 个学院有逾期');
    expect(ui.frame()).toContain('【三联系催办】经济管理学院');
    expect(ui.frame()).toContain('张三（T001）');
    expect(ui.frame()).not.toMatch(/2025001|李四/);
    await ui.press('y');
    await ui.until('已复制经济管理学院的催办到剪贴板');
    const copied = clipboard(ui.stdout.frames);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(
      /^【三联系催办】经济管理学院\n[\s\S]*张三（T001）\n· 9月 寝室 1号楼-101、1号楼-102，10-01 起逾期/,
    );
    await ui.press('j', 's');
    await ui.until('机电信息学院未设置群机器人：用 sanlianxi webhook set 机电信息学院 地址 设置');
    await ui.press(KEY.esc);
    await ui.until('逾期 · 共');
  });

  it('s sends to the robot after y, and the journal records 催办', async () => {
    const data = school();
    data.settings.robots = { col_jg: { url: `${base}/send?key=abc`, secret: null, sent: [] } };
    const ui = await startApp(data);
    await ui.press('2', 'm');
    await ui.until('催办 · ');
    await ui.press('s');
    await ui.until('把经济管理学院的催办（1 条消息）发到群机器人？');
    await ui.press('y');
    await ui.until('经济管理学院：已发送到群机器人（1 条消息）');
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('张三（T001）');
    const saved = await ui.saved();
    expect(saved.settings.robots?.['col_jg']?.sent).toEqual([
      { date: '2026-11-25', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect((await ui.store.history()).at(-1)?.action).toBe('催办（界面）');
    await ui.press('s');
    await ui.until('这份催办已于 2026-11-25 发送过');
    await ui.press('n');
    await ui.until('催办 · ');
    expect(received).toHaveLength(1);
  });
});
