// The shapes of the files on disk (schema version 4), and of the main file in memory.
import * as z from 'zod';
import { contactSchema, datastoreSchema, type Contact } from '../domain/schema.js';
import { PART_FILE_PATTERN, ROSTER_FILE_PATTERN } from './layout.js';

const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');

export const partRefSchema = z.object({
  file: z.string().regex(PART_FILE_PATTERN, '联系记录文件名无效'),
  count: z.number().int().min(0),
  /** The file's seal (seals.ts); absent in files written before seals. */
  sha256: z.string().regex(SHA256_PATTERN, '校验值无效').optional(),
});

export const rosterRefSchema = z.object({
  file: z.string().regex(ROSTER_FILE_PATTERN, '名册文件名无效'),
  sha256: z.string().regex(SHA256_PATTERN, '校验值无效'),
});

/** The roster file: everything but contacts. Version 3 and earlier kept it inside the main file. */
export const rosterFileSchema = datastoreSchema.omit({ contacts: true });

/** Version 3 and earlier: the roster inline, a revision counted up by every save, which file holds each month. */
export const mainFileSchema = rosterFileSchema.extend({
  revision: z.number().int().min(0),
  contactParts: z.record(monthKey, partRefSchema),
});

/** The main file from version 4 on: the revision, and the files that make it up. */
export const headFileSchema = z.object({
  schemaVersion: rosterFileSchema.shape.schemaVersion,
  revision: z.number().int().min(0),
  roster: rosterRefSchema,
  contactParts: z.record(monthKey, partRefSchema),
});

export const partFileSchema = z.object({
  month: monthKey,
  contacts: z.array(contactSchema),
});

/** The datastore's revision as held in memory: the roster's collections, the revision, the month files. */
export type MainFile = z.infer<typeof mainFileSchema>;
export type MainCollections = Omit<MainFile, 'revision' | 'contactParts'>;
export type HeadFile = z.infer<typeof headFileSchema>;
export type PartFile = { month: string; contacts: Contact[] };
export type PartRef = z.infer<typeof partRefSchema>;
export type RosterRef = z.infer<typeof rosterRefSchema>;
