// Derived files (README: derived files): one header line `{kind, code, rests, body}` and a body.
import { asciiJson } from './ascii-json.js';
import { codeHash } from './code-hash.js';
import { sha256 } from '../files/file-identity.js';

export type DerivedKind = 'overdue-digest' | 'roster-index';

type DerivedHeader = { kind: DerivedKind; code: string; rests: unknown; body: string };

/** A derived file's whole text: its header for `rests`, and `body` as ASCII JSON. */
export async function derivedText(kind: DerivedKind, rests: unknown, body: unknown): Promise<string> {
  const text = `${asciiJson(body)}\n`;
  const header: DerivedHeader = { kind, code: await codeHash(), rests, body: sha256(text) };
  return `${JSON.stringify(header)}\n${text}`;
}

/** `rests` and the body of a file of `kind` made by this code, or null; 'unchecked': for a caller that never reads it. */
export async function readDerived(bytes: Buffer | null, kind: DerivedKind, body: 'checked' | 'unchecked' = 'checked') {
  const newline = bytes?.indexOf(10) ?? -1;
  if (bytes === null || newline < 0) return null;
  const header = parseBody<Partial<DerivedHeader> | null>(bytes.subarray(0, newline));
  const rest = bytes.subarray(newline + 1);
  if (header?.kind !== kind || header.code !== (await codeHash()) || typeof header.body !== 'string') return null;
  if (body === 'checked' && sha256(rest) !== header.body) return null;
  return { rests: header.rests, body: rest, bodyHash: header.body };
}

/** JSON written as ASCII (latin1 decodes it byte for byte, faster than utf8), or null when damaged. */
export function parseBody<T>(body: Buffer): T | null {
  try {
    return JSON.parse(body.toString('latin1')) as T;
  } catch {
    return null;
  }
}
