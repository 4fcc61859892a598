// The contact's schema (zod/mini, what a log loads) and the roster's (zod's method API) build their
// shared fields from the same limits: they accept and refuse the same values, with the same message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactSchema, type Validator } from '../../source/domain/contact-schema.js';
import { assignmentSchema, dormSchema } from '../../source/domain/schema.js';

const verdict = (schema: Validator<unknown>, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? 'ok' : r.error.issues.map((i) => i.message).join('；');
};

describe('the fields a contact shares with the roster', () => {
  const pairs: Array<[string, Validator<unknown>, Validator<unknown>, fc.Arbitrary<unknown>]> = [
    [
      'an id',
      contactSchema.shape.cadreId,
      assignmentSchema.shape.cadreId,
      fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('', 'x'.repeat(64), 'x'.repeat(65)), fc.integer()),
    ],
    [
      'a text',
      contactSchema.shape.note,
      dormSchema.shape.note,
      fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('记'.repeat(2000), '记'.repeat(2001)), fc.constant(null)),
    ],
    [
      'a date',
      contactSchema.shape.date,
      assignmentSchema.shape.start,
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2026-02-29', '2028-02-29', '2026-13-01', '2026-9-1', ''),
      ),
    ],
  ];
  for (const [what, contactField, rosterField, values] of pairs) {
    it(`${what}: the same verdict and message`, () => {
      fc.assert(
        fc.property(values, (v) => {
          expect(verdict(contactField, v)).toBe(verdict(rosterField, v));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('refuse in Chinese', () => {
    expect(verdict(contactSchema.shape.note, '记'.repeat(2001))).toBe('过长（最多 2000 个字符）');
    expect(verdict(contactSchema.shape.date, '2026-02-29')).toBe('日期应为 YYYY-MM-DD 格式的真实日期');
    expect(verdict(contactSchema.shape.cadreId, '')).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff]/);
  });
});
