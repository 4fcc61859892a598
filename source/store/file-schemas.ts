// The shapes of the files on disk (schema version 2): the main file and a month's contact file.
import * as z from 'zod';
import { contactSchema, datastoreSchema, type Contact } from '../domain/schema.js';
import { PART_FILE_PATTERN } from './layout.js';
import { SHA256_PATTERN } from './seals.js';

const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');

export const partRefSchema = z.object({
  file: z.string().regex(PART_FILE_PATTERN, '联系记录文件名无效'),
  count: z.number().int().min(0),
  /** The file's seal (seals.ts); absent in files written before seals. */
  sha256: z.string().regex(SHA256_PATTERN, '校验值无效').optional(),
});

/** Everything but contacts, a revision counted up by every save, and which file holds each month. */
export const mainFileSchema = datastoreSchema.omit({ contacts: true }).extend({
  revision: z.number().int().min(0),
  contactParts: z.record(monthKey, partRefSchema),
});

export const partFileSchema = z.object({
  month: monthKey,
  contacts: z.array(contactSchema),
});

export type MainFile = z.infer<typeof mainFileSchema>;
export type MainCollections = Omit<MainFile, 'revision' | 'contactParts'>;
export type PartFile = { month: string; contacts: Contact[] };
export type PartRef = z.infer<typeof partRefSchema>;
