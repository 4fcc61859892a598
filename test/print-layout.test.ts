// How many lines a cell takes when printed, and what the print test counts as text over text.
import { describe, expect, it } from 'vitest';
import { overlaps, type Word } from '../source/demo/pdf-tools.js';
import { heightFor, lineCount } from '../source/io/print-layout.js';

describe('lineCount', () => {
  it('counts explicit breaks, Chinese as one em, Latin at DejaVu Sans widths, and wraps Latin words at spaces only', () => {
    // A phone number in DejaVu Sans (8.1 em at 11 pt) needs 19 units, in the narrower unit of Excel and gnumeric.
    expect(lineCount('0579-85552039', 19)).toBe(1);
    expect(lineCount('0579-85552039', 18)).toBe(2);
    expect(lineCount('2026-09-01', 15)).toBe(1);
    expect(lineCount('班主任\n661234', 14)).toBe(2);
    // Width 16: about 13 half-em units a line, so 6 Chinese characters.
    expect(lineCount('一二三四五六', 16)).toBe(1);
    expect(lineCount('一二三四五六七八九十', 16)).toBe(2);
    expect(lineCount('1234567890', 16)).toBe(1);
    // "Maximilian" does not fit after "Alexander" and starts the next line; a word longer than a line is cut.
    expect(lineCount('Alexander Maximilian', 16)).toBe(2);
    expect(lineCount('x'.repeat(30), 16)).toBe(3);
    // A bigger font holds fewer characters a line.
    expect(lineCount('一二三四五六', 16, 18)).toBe(2);
  });

  it('gives each line 1.6 em (gnumeric sets them 1.57 em apart) plus padding', () => {
    expect(heightFor(1)).toBe(Math.ceil(11 * 1.6 + 4));
    expect(heightFor(3)).toBe(Math.ceil(3 * 11 * 1.6 + 4));
    expect(heightFor(0)).toBe(heightFor(1));
    expect(heightFor(100)).toBe(409); // Excel's tallest row
  });
});

describe('overlaps (the print test)', () => {
  const word = (text: string, xMin: number, yMin: number, w = 40, h = 10): Word => ({
    text,
    xMin,
    yMin,
    xMax: xMin + w,
    yMax: yMin + h,
  });
  it('finds text printed over text, not two lines set closely in one cell', () => {
    expect(overlaps([word('a', 0, 0), word('b', 0, 9)])).toEqual([]); // boxes touch by a tenth of their height
    expect(overlaps([word('a', 0, 0), word('b', 50, 0)])).toEqual([]);
    const over = overlaps([word('a', 0, 0), word('b', 10, 4), word('c', 0, 30)]);
    expect(over.map(([x, y]) => x.text + y.text)).toEqual(['ab']);
  });
});
