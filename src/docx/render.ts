/**
 * One .docx per issue written into a built site, next to the issue page:
 * `<series>/<year>/<number>/<series>-<year>-<number>.docx`. With a cache (the
 * build's render cache), a .docx whose key (docx-key.ts) is kept is copied
 * instead of rendered again. Each file is written under a temporary name and
 * renamed, so it is whole or absent.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { CliIO } from '../cli/command.ts';
import type { CompiledIssue } from '../core/index.ts';
import { renderIssueDocx } from '../core/index.ts';
import { docxKey } from './docx-key.ts';

/** .docx files written by earlier runs, each under its key; kept by the build's render cache. */
export interface DocxStore {
  /** Copy the file kept under `key` to `file`; false when none is kept. */
  restore(key: string, file: string): Promise<boolean>;
  /** Keep the file at `file` under `key`. */
  keep(key: string, file: string): Promise<void>;
  /** Drop every file not under one of these keys. */
  prune(live: ReadonlySet<string>): Promise<void>;
}

export interface RenderDocxOptions {
  /** The built site (or the folder that becomes it); the files go into its issue folders. */
  distDir: string;
  /** Where the entries' images are read from. */
  contentDir: string;
  issues: readonly CompiledIssue[];
  io: CliIO;
  /** Reuse files from earlier runs; `prune`: drop those of other inputs (when writing every issue). */
  cache?: { store: DocxStore; salt: string; prune?: boolean };
}

export interface RenderedDocx {
  issue: CompiledIssue;
  file: string;
  /** Copied from the cache, not rendered. */
  reused: boolean;
}

/** `zhuanbao-2024-8.docx` */
export function docxName(issue: Pick<CompiledIssue, 'pdfName'>): string {
  return issue.pdfName.replace(/\.pdf$/, '.docx');
}

/** Where an issue's .docx goes inside the built site. */
export function docxPath(distDir: string, issue: Pick<CompiledIssue, 'key' | 'pdfName'>): string {
  return join(distDir, ...issue.key.split('/'), docxName(issue));
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export async function renderDocxs(options: RenderDocxOptions): Promise<RenderedDocx[]> {
  const { distDir, io, cache } = options;
  const results: RenderedDocx[] = [];
  const live = new Set<string>();
  for (const [index, issue] of options.issues.entries()) {
    const file = docxPath(distDir, issue);
    const key = cache ? docxKey({ salt: cache.salt, issue }) : undefined;
    if (key) live.add(key);
    let reused = false;
    if (cache && key) {
      await mkdir(dirname(file), { recursive: true });
      reused = await cache.store.restore(key, file);
    }
    if (!reused) {
      await writeAtomically(file, await renderIssueDocx(issue, options.contentDir));
      if (cache && key) await cache.store.keep(key, file);
    }
    results.push({ issue, file, reused });
    const where = relative(distDir, file).replace(/\\/g, '/');
    const count = options.issues.length > 1 ? `[${index + 1}/${options.issues.length}] ` : '';
    io.stdout(`${count}Word：${where}${reused ? '（未改动，沿用上次生成的）' : ''}\n`);
  }
  if (cache?.prune) await cache.store.prune(live);
  return results;
}
