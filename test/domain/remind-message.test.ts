// A long 催办 as robots take it (issue 25): at most 2,048 bytes of UTF-8 a message, split between
// cadres, every cadre in exactly one message, whole.
import { describe, expect, it } from 'vitest';
import { MESSAGE_BYTES, reminderMessages } from '../../source/domain/remind-message.js';
import type { CadreReminder, CollegeReminder } from '../../source/domain/remind.js';
import { AUTUMN } from '../helpers/fixtures.js';

const item = (month: number, target: string) => ({
  duty: 'student' as const,
  target,
  windowStart: `2026-${String(month).padStart(2, '0')}-01`,
  windowEnd: `2026-${String(month).padStart(2, '0')}-28`,
  status: 'overdue' as const,
});

function cadre(i: number, items: number): CadreReminder {
  return {
    cadre: `欧阳娜仁托娅${i}`,
    cadreId: `c${i}`,
    employeeNo: `T${1000 + i}`,
    items: Array.from({ length: items }, (_, k) => item(9 + (k % 3), `困难生名字很长很长的同学😀${k}`)),
  };
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('reminderMessages', () => {
  it('splits a long list between cadres, each message at most 2,048 bytes, each cadre whole in one', () => {
    const college: CollegeReminder = {
      college: '机电信息学院',
      collegeId: 'col',
      cadres: Array.from({ length: 60 }, (_, i) => cadre(i, 4)),
    };
    const messages = reminderMessages({ term: AUTUMN }, college, false);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(bytes(m)).toBeLessThanOrEqual(MESSAGE_BYTES);
      // Never a half character: the text round-trips through UTF-8.
      expect(Buffer.from(m, 'utf8').toString('utf8')).toBe(m);
    }
    expect(messages[0]).toMatch(/^【三联系催办】机电信息学院\n2026-2027学年第一学期，以下联系任务已逾期/);
    expect(messages[1]).toMatch(/^【三联系催办】机电信息学院（续）\n/);
    for (const c of college.cadres) {
      const holding = messages.filter((m) => m.includes(`${c.cadre}（${c.employeeNo}）\n`));
      expect(holding).toHaveLength(1);
      for (const it of c.items) expect(holding[0]).toContain(it.target);
    }
  });

  it('a cadre whose list alone is too long keeps what fits and counts the rest', () => {
    const college: CollegeReminder = {
      college: '机电信息学院',
      collegeId: 'col',
      cadres: [cadre(1, 3), cadre(2, 200)],
    };
    const messages = reminderMessages({ term: AUTUMN }, college, false);
    expect(messages).toHaveLength(2);
    expect(bytes(messages[1]!)).toBeLessThanOrEqual(MESSAGE_BYTES);
    expect(messages[1]).toMatch(/· 另有 \d+ 项，请向学院秘书查询$/);
  });

  it('no late cadre, no message', () => {
    expect(
      reminderMessages({ term: AUTUMN }, { college: '机电信息学院', collegeId: 'col', cadres: [] }, false),
    ).toEqual([]);
  });
});
