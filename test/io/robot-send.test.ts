// Sending to one robot as 企业微信 allows it (issue 25): at most 20 messages a minute — the 21st waits
// for the minute of the first to pass (on a clock that passes at once); 45009 is retried a bounded
// number of times, then reported.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PER_MINUTE, RATE_LIMIT_RETRIES, RobotSender, type RobotClock } from '../../source/io/robot-send.js';

let server: Server;
let base: string;
const arrivals: Array<{ path: string; at: number }> = [];
let now = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.push({ path: req.url ?? '', at: now });
      const limited = req.url === '/always-limited';
      res
        .setHeader('content-type', 'application/json')
        .end(
          JSON.stringify(limited ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 0, errmsg: 'ok' }),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const clock: RobotClock = {
  now: () => now,
  sleep: async (ms) => {
    now += ms;
  },
};

it('holds one robot to 20 messages a minute, and gives up on 45009 after its retries', async () => {
  now = 1_000_000;
  const sender = new RobotSender(clock);
  const messages = Array.from({ length: 45 }, (_, i) => `第 ${i + 1} 条`);
  for (const m of messages) expect(await sender.sendOne({ url: `${base}/ok`, secret: null }, m)).toEqual({ ok: true });
  const times = arrivals.map((a) => a.at);
  expect(times).toHaveLength(45);
  for (let i = PER_MINUTE; i < times.length; i++)
    expect(times[i]! - times[i - PER_MINUTE]!).toBeGreaterThanOrEqual(60_000);

  arrivals.length = 0;
  const result = await sender.sendOne({ url: `${base}/always-limited`, secret: null }, '一条');
  expect(result).toEqual({ ok: false, reason: '机器人拒收（errcode 45009：api freq out of limit）' });
  expect(arrivals).toHaveLength(1 + RATE_LIMIT_RETRIES);
});
