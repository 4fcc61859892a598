// Building roster workbooks for the hostile and fuzz tests, including cells exceljs would not write:
// control characters and lone surrogates are dropped by exceljs on write, but a crafted file can carry
// them as OOXML escapes (_x001B_) in the shared strings, which exceljs decodes on read.
import { readFileSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rosterTemplate } from '../../source/io/roster-template.js';

// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Surrogate}|_x[0-9A-Fa-f]{4}_/u;
// eslint-disable-next-line no-control-regex
const UNWRITABLE_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Surrogate}|_(?=x[0-9A-Fa-f]{4}_)/gu;

/** The OOXML escaped form of a string: _xHHHH_ for characters XML cannot hold (and for a literal "_" that would read as an escape). */
export function ooxmlEscape(text: string): string {
  return text.replace(UNWRITABLE_ALL, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes `rows` (sheet → rows of cell values) into a copy of the roster template, from row `firstRow`
 * (3: below the grey example). Strings exceljs would mangle are written as placeholders, then the
 * placeholders in xl/sharedStrings.xml are replaced by the escaped strings.
 */
export async function writeRoster(file: string, rows: Record<string, unknown[][]>, firstRow = 3): Promise<void> {
  const wb = rosterTemplate();
  const crafted = new Map<string, string>();
  const place = (v: unknown): unknown => {
    if (typeof v === 'string' && UNWRITABLE.test(v)) {
      const token = `PLACEHOLDER${crafted.size}Z`;
      crafted.set(token, v);
      return token;
    }
    if (
      v !== null &&
      typeof v === 'object' &&
      'richText' in v &&
      Array.isArray((v as { richText: unknown }).richText)
    ) {
      // Rich text with crafted runs would need the run XML patched too: keep runs writable.
      return {
        richText: (v as { richText: Array<{ text: string }> }).richText.map((r) => ({
          ...r,
          text: r.text.replace(UNWRITABLE_ALL, '?'),
        })),
      };
    }
    return v;
  };
  for (const [sheet, values] of Object.entries(rows)) {
    const ws = wb.getWorksheet(sheet) ?? wb.addWorksheet(sheet);
    values.forEach((r, i) => {
      ws.getRow(firstRow + i).values = r.map(place) as ExcelJS.CellValue[];
    });
  }
  await wb.xlsx.writeFile(file);
  if (crafted.size === 0) return;
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sst = zip.file('xl/sharedStrings.xml');
  if (!sst) throw new Error('no shared strings');
  let xml = await sst.async('string');
  for (const [token, value] of crafted) xml = xml.replace(`>${token}<`, `>${xmlEscape(ooxmlEscape(value))}<`);
  zip.file('xl/sharedStrings.xml', xml);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
