// Whom a class's next cadre succeeds and from when: after a last day set ahead, or recorded late.
import { describe, expect, it } from 'vitest';
import { assign, endAssignment } from '../../source/domain/assignments.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { successionOf } from '../../source/domain/succession.js';
import { AUTUMN, SPRING, smallSchool, testContext } from '../helpers/fixtures.js';

function held(end: string | null, reason: '长期请假' | '班级毕业' = '长期请假') {
  const data = smallSchool([AUTUMN, SPRING]);
  assign(
    data,
    { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' },
    testContext('2026-09-01'),
  );
  if (end) endAssignment(data, { cadreId: 'c_zs', date: end, reason });
  return data;
}
const from = (data: ReturnType<typeof held>, today: string) =>
  successionOf(data, buildIndexes(data), 'cls_kj', today)?.from ?? null;

describe('successionOf', () => {
  it('the day after a last day ahead, or one recorded late in this term', () => {
    expect(from(held('2026-11-30'), '2026-11-25')).toBe('2026-12-01');
    expect(from(held('2026-11-09'), '2026-12-07')).toBe('2026-11-10');
  });

  it('none for an open-ended holder, a class ended by graduation, or an end before this term', () => {
    expect(from(held(null), '2026-11-25')).toBeNull();
    expect(from(held('2026-11-09', '班级毕业'), '2026-12-07')).toBeNull();
    expect(from(held('2026-11-09'), '2027-03-01')).toBeNull();
  });

  it('none once a successor holds it or is scheduled', () => {
    const data = held('2026-11-09');
    assign(data, { cadreId: 'c_ww', classId: 'cls_kj', start: '2026-12-15' }, testContext('2026-12-07'));
    expect(from(data, '2026-12-07')).toBeNull();
  });
});
