// Posting a 催办 to a group robot as 企业微信 and 钉钉 accept it (issue 25): a JSON text message, their
// answer read ({"errcode":0}), at most PER_MINUTE messages a minute to one robot, errcode 45009 (rate
// limited) waited out and retried a bounded number of times, 钉钉's 加签 added when a secret is set.
// A failure is one Chinese reason that never repeats the address or the secret.
import { createHash, createHmac } from 'node:crypto';
import { safeText } from '../domain/safe-text.js';

/** 企业微信's limit per robot. */
export const PER_MINUTE = 20;
const MINUTE_MS = 60_000;
/** Times a 45009 is waited out before the college is reported. */
export const RATE_LIMIT_RETRIES = 2;

export interface RobotClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The waits and the timeout every send uses; tests replace the clock so that a minute passes at once. */
export const robotTiming: { clock: RobotClock; timeoutMs: number } = {
  clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
  timeoutMs: 10_000,
};

export interface RobotAddress {
  url: string;
  secret: string | null;
}

export type SendResult = { ok: true } | { ok: false; reason: string };

/** A message's SHA-256: what was sent, without keeping its names. */
export function messageHash(message: string): string {
  return createHash('sha256').update(message).digest('hex');
}

/** 钉钉 加签: `timestamp` and `sign` (HMAC-SHA256 of "timestamp\nsecret" keyed by the secret, Base64) added to the address. */
export function signedUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

const KNOWN_ERRORS: Record<number, string> = {
  93000: '机器人地址无效或机器人已被移除，请在群设置中重新复制地址后运行 sanlianxi webhook set',
  310000: '钉钉安全设置校验未通过（加签密钥、关键词或 IP 白名单），请核对 --secret 与群机器人的安全设置',
};

function networkReason(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `机器人 ${robotTiming.timeoutMs / 1000} 秒内没有回复（网络超时）`;
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return '连接被拒绝（机器人服务器不可达）';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '找不到机器人服务器（域名解析失败，请检查网络或地址）';
  return `网络错误${code ? `（${code}）` : ''}`;
}

/** One message to one robot, once: its errcode, or the reason it was not answered. */
async function postOnce(
  robot: RobotAddress,
  content: string,
  now: number,
): Promise<{ errcode: number; errmsg: string } | { reason: string }> {
  const url = robot.secret === null ? robot.url : signedUrl(robot.url, robot.secret, now);
  let response: Response;
  let text: string;
  try {
    // globalThis.fetch, never a bare fetch: the bundles define that as undefined (build/bundle-cli.ts).
    response = await globalThis.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content } }),
      signal: AbortSignal.timeout(robotTiming.timeoutMs),
      redirect: 'error',
    });
    text = await response.text();
  } catch (error) {
    return { reason: networkReason(error) };
  }
  if (!response.ok) return { reason: `机器人服务器回复 HTTP ${response.status}` };
  try {
    const answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    if (typeof answer.errcode === 'number')
      return { errcode: answer.errcode, errmsg: typeof answer.errmsg === 'string' ? answer.errmsg : '' };
  } catch {
    // not JSON: said below
  }
  return { reason: '机器人的回复无法识别（不是企业微信或钉钉机器人的地址？）' };
}

/** Sends to robots, holding each to PER_MINUTE messages a minute. */
export class RobotSender {
  private readonly sentAt = new Map<string, number[]>();

  constructor(private readonly clock: RobotClock = robotTiming.clock) {}

  /** One message, accepted or the reason it was not. */
  async sendOne(robot: RobotAddress, content: string): Promise<SendResult> {
    for (let attempt = 0; ; attempt++) {
      await this.waitForRoom(robot.url);
      const answer = await postOnce(robot, content, this.clock.now());
      if ('reason' in answer) return { ok: false, reason: answer.reason };
      if (answer.errcode === 0) return { ok: true };
      if (answer.errcode === 45009 && attempt < RATE_LIMIT_RETRIES) {
        await this.clock.sleep(MINUTE_MS);
        continue;
      }
      const known = KNOWN_ERRORS[answer.errcode];
      const said = safeText(answer.errmsg).slice(0, 60);
      return {
        ok: false,
        reason: known
          ? `${known}（errcode ${answer.errcode}）`
          : `机器人拒收（errcode ${answer.errcode}${said ? `：${said}` : ''}）`,
      };
    }
  }

  private async waitForRoom(url: string): Promise<void> {
    const times = this.sentAt.get(url) ?? [];
    const recent = times.filter((t) => t > this.clock.now() - MINUTE_MS);
    if (recent.length >= PER_MINUTE)
      await this.clock.sleep(recent[recent.length - PER_MINUTE]! + MINUTE_MS - this.clock.now());
    recent.push(this.clock.now());
    this.sentAt.set(url, recent);
  }
}
