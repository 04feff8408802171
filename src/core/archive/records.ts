/**
 * The archive of published issues (`published/` in the content directory):
 * what was printed, kept as records that are committed with the content.
 *
 *   published/ledger.json                     every published issue, each
 *                                             version with its snapshot's digest
 *   published/<series>/<year>-<NN>/<v>.json   version v of an issue: the
 *                                             compiled, format-neutral issue
 *                                             as it was printed (1 = 第一次印发,
 *                                             2… = after each erratum)
 *
 * JSON because the records are written by jianbao and read by jianbao (and
 * by git diff, where one key per line reads well); the model is zod-validated
 * when read back, so a damaged record is an error, never a crash.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { stable } from '../digest.ts';
import { compiledIssueSchema, type CompiledIssue } from '../model/issue.ts';

export const ARCHIVE_DIR = 'published';
export const LEDGER_FILE = `${ARCHIVE_DIR}/ledger.json`;
export const RECORD_FORMAT = 1;

/** `zhuanbao/2024/6`, version 2 → `published/zhuanbao/2024-06/2.json`. */
export function snapshotPath(key: string, version: number): string {
  const [series, year, number] = key.split('/');
  return `${ARCHIVE_DIR}/${series}/${year}-${String(number).padStart(2, '0')}/${version}.json`;
}

/**
 * The files a version was compiled from, as jianbao read them (decoded, LF
 * line ends): the issue file (as it reads once published), its entries and
 * the settings files; and the images its entries show (their bytes are not
 * kept, only what the compile reads of them). check compiles these again
 * with the jianbao it runs, so that what changed is told by the inputs, not
 * by how a newer jianbao renders them (sources.ts). Absent in records
 * written before it existed (`jianbao archive` adds it where it can).
 */
export const sourcesSchema = z.object({
  files: z.record(z.string(), z.string()),
  images: z.record(
    z.string(),
    z.object({ bytes: z.number().int().min(0), format: z.string().optional(), sha256: z.string() }),
  ),
});
export type Sources = z.infer<typeof sourcesSchema>;

export const snapshotSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  /** `zhuanbao/2024/6` */
  key: z.string(),
  version: z.number().int().min(1),
  /** The day it was published (or re-published after an erratum), YYYY-MM-DD. */
  publishedOn: z.string(),
  /**
   * Digest of what the issue was compiled from (its file, entries, the
   * settings it resolves, image bytes): when it is unchanged, check need not
   * compile the issue to know nothing changed.
   */
  inputs: z.string(),
  sources: sourcesSchema.optional(),
  /**
   * What the clerk changed against the version before, worded (diff.ts),
   * told by the two versions' sources compiled with one jianbao; absent
   * for version 1 and in older records.
   */
  changes: z.array(z.string()).optional(),
  issue: compiledIssueSchema,
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const ledgerVersionSchema = z.object({
  version: z.number().int().min(1),
  /** The snapshot file, relative to the content directory. */
  file: z.string(),
  /** sha256 of the snapshot file's bytes. */
  digest: z.string(),
  publishedOn: z.string(),
  /** Errata the issue had when this version was published. */
  errata: z.number().int().min(0),
});

export const ledgerIssueSchema = z.object({
  key: z.string(),
  /** `2024-6` or `zhuanbao/2024-6`, as the CLI takes it. */
  ref: z.string(),
  /** `示例区安全生产工作专报 2024年第6期`, for people reading the ledger. */
  title: z.string(),
  versions: z.array(ledgerVersionSchema).min(1),
});
export type LedgerIssue = z.infer<typeof ledgerIssueSchema>;

export const ledgerSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  note: z.string().optional(),
  issues: z.array(ledgerIssueSchema),
});
export type Ledger = z.infer<typeof ledgerSchema>;

export const LEDGER_NOTE = '已发布期刊的存档台账，由 jianbao publish 写入，请勿手工修改；与内容一起提交。';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** JSON with sorted keys and two-space indent: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(stable(value), null, 2)}\n`;
}

/**
 * What of a compiled issue is the record: everything it shows. Where its
 * files lie is not (moving a file is no change), nor its status (a record
 * is always published), nor its history (the archive's versions tell it).
 */
export function recordOf(issue: CompiledIssue): CompiledIssue {
  const { history: _history, ...shown } = asPublished(issue);
  return JSON.parse(
    JSON.stringify({
      ...shown,
      file: '',
      sections: issue.sections.map((section) => ({ ...section, entries: section.entries.map(withoutFiles) })),
      entries: issue.entries.map(withoutFiles),
    }),
  ) as CompiledIssue;
}

/** The issue as it reads once published (compiled while still a draft): no draft mark. */
export function asPublished(issue: CompiledIssue): CompiledIssue {
  const { draftMark: _mark, ...rest } = issue;
  return { ...rest, status: 'published' };
}

function withoutFiles(entry: CompiledIssue['entries'][number]): CompiledIssue['entries'][number] {
  return { ...entry, file: '', images: entry.images.map((image) => ({ ...image, source: '' })) };
}
