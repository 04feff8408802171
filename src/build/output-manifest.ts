/**
 * What the output folder holds, as the build that swapped it in left it:
 * every file's path, size and modification time, under the key of the site
 * it is (page-keys.ts `pageKeys`). A build whose site has that key, to the
 * same folder, finds every file as recorded and leaves the folder alone
 * instead of copying the last output again: the weekly build after a draft
 * was edited, whose site did not change (drafts are not in it).
 *
 * The comparison is `git status`'s: a file whose size or time differs, a
 * file missing or added, and the folder is rebuilt. Its racy-timestamp guard
 * too: a file changed within the file system's timestamp resolution of being
 * written keeps its time, so the files written within RACY_MS of the newest
 * one (FAT's two seconds, the coarsest a clerk's disk has) are recorded with
 * their sha256 and compared by content.
 *
 * The stats are taken from the staged site before it is moved into place
 * (rename keeps them), so a record never describes another build's files; a
 * move that copied instead (another disk) changes the times, and the next
 * build finds them different and rebuilds.
 */
import { lstat, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { writeAtomic } from '../core/index.ts';
import { eachConcurrently, mapConcurrently } from './concurrently.ts';
import { digestParts } from './digest.js';

/** Files written this close to the newest one may have changed unseen after they were stat'ed. */
export const RACY_MS = 2000;

const fileRecord = z.object({
  size: z.number(),
  mtimeMs: z.number(),
  /** A symbolic link's target. */
  link: z.string().optional(),
  /** Racy files only. */
  sha256: z.string().optional(),
});

const manifestSchema = z.object({
  outDir: z.string(),
  siteKey: z.string(),
  files: z.record(z.string(), fileRecord),
});

type FileRecord = z.infer<typeof fileRecord>;

export class OutputManifest {
  constructor(private readonly file: string) {}

  /**
   * Record the site in `siteDir` (staged, before it is moved to `outDir`) as the output of `siteKey`. Call
   * before the swap: a swap that fails leaves a record the old output does not match.
   */
  async record(siteDir: string, outDir: string, siteKey: string): Promise<void> {
    const files = await statTree(siteDir);
    const newest = Math.max(0, ...[...files.values()].map((file) => file.mtimeMs));
    const racy = [...files].filter(([, file]) => file.link === undefined && file.mtimeMs > newest - RACY_MS);
    await eachConcurrently(racy, async ([path, file]) => {
      file.sha256 = await sha256(join(siteDir, path));
    });
    await writeAtomic(this.file, JSON.stringify({ outDir, siteKey, files: Object.fromEntries(files) }));
  }

  /** Drop the record (a build that did not record its output, or whose output is not the one recorded). */
  async forget(): Promise<void> {
    await rm(this.file, { force: true });
  }

  /**
   * Whether `outDir` holds, unchanged, the output recorded for `siteKey`: how many HTML pages and PDFs it
   * has, or undefined when anything differs (or nothing was recorded).
   */
  async unchanged(outDir: string, siteKey: string): Promise<{ pages: number; pdfs: number } | undefined> {
    const text = await readFile(this.file, 'utf8').catch(() => undefined);
    const parsed = text === undefined ? undefined : manifestSchema.safeParse(safeJson(text));
    if (!parsed?.success || parsed.data.outDir !== outDir || parsed.data.siteKey !== siteKey) return undefined;
    const recorded = parsed.data.files;
    const found = await statTree(outDir).catch(() => undefined);
    if (!found || found.size !== Object.keys(recorded).length) return undefined;
    const racy: Array<[string, string]> = [];
    for (const [path, file] of found) {
      const was = recorded[path];
      if (!was || was.size !== file.size || was.mtimeMs !== file.mtimeMs || was.link !== file.link) return undefined;
      if (was.sha256 !== undefined) racy.push([path, was.sha256]);
    }
    const hashes = await mapConcurrently(racy, ([path]) => sha256(join(outDir, path)));
    if (hashes.some((hash, index) => hash !== racy[index]![1])) return undefined;
    const count = (suffix: string) => [...found.keys()].filter((path) => path.endsWith(suffix)).length;
    return { pages: count('.html'), pdfs: count('.pdf') };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every file and link under `dir`, by path relative to it (with `/`). */
async function statTree(dir: string): Promise<Map<string, FileRecord>> {
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name));
  const records = await mapConcurrently(paths, async (path) => {
    const stats = await lstat(path);
    const record: FileRecord = { size: stats.size, mtimeMs: stats.mtimeMs };
    if (stats.isSymbolicLink()) record.link = await readlink(path);
    return record;
  });
  return new Map(paths.map((path, index) => [relative(dir, path).split(sep).join('/'), records[index]!]));
}

/** The file's digest with the project's one digest helper (compared only with another of its kind). */
async function sha256(path: string): Promise<string> {
  return digestParts([await readFile(path)]);
}
