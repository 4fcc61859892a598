// Reading roster cells as text whatever Excel stored: numbers, dates, rich text, hyperlinks, formulas.
// A roster file may be hostile: cells are refused (with a reason) rather than passed on when they hold
// control characters, broken Unicode, formulas without a result, error values or megabytes of text.
import type ExcelJS from 'exceljs';
import { parseDateValue } from '../domain/dates.js';
import { controlCharacterIn, LONE_SURROGATE, safeText } from '../domain/safe-text.js';

/** No roster field holds more (the longest, 备注, is limited to this by the schema). */
export const MAX_CELL_CHARS = 2000;
/** Most columns are names, keys, dates or choices: the schema's limit for a name. */
const DEFAULT_LIMIT = 100;
/** The schema's limits for the other columns, so a long cell is refused with its field's own limit. */
const LIMITS: Record<string, number> = {
  备注: MAX_CELL_CHARS,
  联系方式: MAX_CELL_CHARS,
  所在部门: MAX_CELL_CHARS,
  职务: MAX_CELL_CHARS,
  政治面貌: MAX_CELL_CHARS,
  班主任: MAX_CELL_CHARS,
  辅导员: MAX_CELL_CHARS,
  寝室长: MAX_CELL_CHARS,
  困难生学号: MAX_CELL_CHARS,
  工号: 50,
  手机短号: 50,
  办公电话: 50,
  班主任短号: 50,
  辅导员短号: 50,
};

/**
 * Characters that do not show yet make two names differ (zero-width space, joiners, word joiner, BOM,
 * soft hyphen) or break a line where no line break is allowed (U+2028, U+2029).
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2028\u2029\u2060\ufeff]/;

/** Columns that are numbers by nature (keys): full-width digits in them are the ASCII digits. */
const DIGIT_KEYS = new Set(['学号', '工号', '困难生学号', '寝室号']);

function halfWidthDigits(text: string): string {
  return /[\uff10-\uff19]/.test(text)
    ? text.replace(/[\uff10-\uff19]/g, (c) => String(c.charCodeAt(0) - 0xff10))
    : text;
}

/** Columns whose text may span lines (Alt+Enter in Excel); everywhere else a line break is refused. */
const MULTILINE_HEADERS = new Set(['备注', '联系方式']);

export type CellRead = { text: string; problem?: undefined } | { text: ''; problem: string };

/** A value for a message: short, one line, nothing a terminal would obey. */
export function shown(value: string, max = 40): string {
  const cut = [...value];
  return safeText(cut.length > max ? `${cut.slice(0, max).join('')}…` : value);
}

/** Excel keeps 15 significant digits: a longer number (a 19-digit 学号 typed as a number) is already rounded. */
const MAX_EXACT_NUMBER = 1e15;

/**
 * OOXML writes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`); exceljs
 * leaves them escaped. Decoded, an escaped ESC is refused like a typed one.
 */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

const FIRST_TRUE_SERIAL_DAY = Date.UTC(1900, 2, 1);
const FAKE_LEAP_DAY = Date.UTC(1900, 1, 28);

/**
 * A date cell as exceljs gives it. Excel counts a 29 February 1900 that never was, and exceljs converts
 * serials with one epoch for all: before 1900-03-01 its dates are a day early, and the fake leap day
 * comes out as 1900-02-28.
 */
export function excelCellDate(value: Date): string | null {
  const t = value.getTime();
  if (Number.isNaN(t)) return null;
  if (t >= FIRST_TRUE_SERIAL_DAY) return parseDateValue(value);
  if (t >= FAKE_LEAP_DAY) return null;
  return parseDateValue(new Date(t + 86_400_000));
}

function plain(value: unknown): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: unescapeOoxml(value) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { text: '', problem: '不是有效的数字' };
    if (Math.abs(value) >= MAX_EXACT_NUMBER) {
      return {
        text: '',
        problem: '是超过 15 位的数字，Excel 只保存 15 位有效数字，后几位已经丢失：请把该列设为“文本”格式后重新输入',
      };
    }
    return { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) {
    const iso = excelCellDate(value);
    return iso ? { text: iso } : { text: '', problem: '不是有效日期' };
  }
  if (typeof value === 'object') {
    const o = value as { richText?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) {
      return {
        text: unescapeOoxml(
          o.richText.map((r: { text?: unknown }) => (typeof r?.text === 'string' ? r.text : '')).join(''),
        ),
      };
    }
    if (typeof o.error === 'string') return { text: '', problem: `是错误值 ${shown(o.error, 20)}：请改正后再导入` };
    // A hyperlink: its text, itself plain or rich.
    if ('text' in o) return plain(o.text);
  }
  return { text: '' };
}

/** The raw text of a cell, with a reason instead when it cannot be taken as text. */
function rawCell(cell: ExcelJS.Cell): CellRead {
  const v = cell.value as unknown;
  if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    // A formula: its cached result, the value Excel shows. Without one there is nothing to import.
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null) {
      return { text: '', problem: '是没有计算结果的公式：请在 Excel 中打开并保存，或把公式“粘贴为数值”后再导入' };
    }
    if (typeof result === 'object' && !(result instanceof Date)) {
      const error = (result as { error?: unknown }).error;
      return {
        text: '',
        problem: `公式结果是错误值 ${typeof error === 'string' ? shown(error, 20) : ''}：请改正公式或粘贴为数值后再导入`,
      };
    }
    return plain(result);
  }
  return plain(v);
}

/** A cell's text (trimmed), or why it is refused. `header` decides whether line breaks are allowed. */
export function readCell(cell: ExcelJS.Cell, header: string): CellRead {
  const raw = rawCell(cell);
  if (raw.problem) return raw;
  const limit = LIMITS[header] ?? DEFAULT_LIMIT;
  const tooLong = { text: '', problem: `过长（最多 ${limit} 个字符）` } as const;
  if (raw.text.length > limit * 2 + 1000) return tooLong;
  if (LONE_SURROGATE.test(raw.text))
    return { text: '', problem: '含有无效的 Unicode 字符（孤立的代理项）：请重新输入该单元格' };
  const multiline = MULTILINE_HEADERS.has(header);
  const text = (multiline ? raw.text.replace(/\r\n?/g, '\n') : raw.text).trim();
  // What safeText would replace is refused, except a note's line breaks and tabs.
  const control = controlCharacterIn(text, multiline);
  if (control) return { text: '', problem: `含有${control}：请删除不可见字符后再导入` };
  const invisible = INVISIBLE.exec(text);
  if (invisible)
    return {
      text: '',
      problem: `含有不可见字符 U+${invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}：请删除后再导入`,
    };
  if (text.length > limit) return tooLong;
  // ２０２４０１０００１ is 2024010001, and a duplicate of it.
  return { text: DIGIT_KEYS.has(header) ? halfWidthDigits(text) : text };
}

/** A header cell's text. */
export function cellText(cell: ExcelJS.Cell): string {
  return rawCell(cell).text.trim();
}

/** Dates as Excel stores them: a Date cell, a serial number, or text 2026-09-01, 2026/9/1, 2026.9.1. */
export function cellDate(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  if (v instanceof Date) return excelCellDate(v);
  if (typeof v === 'number') return parseDateValue(v);
  if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as { result?: unknown }).result;
    if (result instanceof Date) return excelCellDate(result);
    if (typeof result === 'number') return parseDateValue(result);
  }
  return parseDateValue(readCell(cell, '').text);
}
