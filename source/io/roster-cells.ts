// Reading roster cells as text whatever Excel stored: numbers, dates, rich text, hyperlinks, formulas.
import type ExcelJS from 'exceljs';
import { parseDateValue } from '../domain/dates.js';

export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return parseDateValue(v) ?? '';
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (o.result !== undefined) return o.result instanceof Date ? (parseDateValue(o.result) ?? '') : String(o.result).trim();
    if (typeof o.text === 'string') return o.text.trim();
  }
  return '';
}

/** Dates as Excel stores them: a Date cell, a serial number, or text 2026-09-01, 2026/9/1, 2026.9.1. */
export function cellDate(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  if (v instanceof Date || typeof v === 'number') return parseDateValue(v);
  return parseDateValue(cellText(cell));
}
