/**
 * The Markdown files of a content folder (`entries/`, `issues/`), walked one
 * folder at a time so that each problem is reported where it is: a folder
 * that cannot be read is one diagnostic (its neighbours are still listed), a
 * symbolic link leading out of the content directory is refused with its
 * path (never followed), a link inside it is followed once.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { isIgnoredName } from '../paths.ts';

export interface ListProblem {
  /** Relative to the content directory, `/` separators. */
  path: string;
  kind: 'unreadable' | 'outside' | 'not-a-folder';
  /** The error code for `unreadable` (EACCES…). */
  code?: string;
  /** Where an `outside` link leads. */
  target?: string;
}

export interface Listing {
  /** Relative to the listed folder, `/` separators, sorted. */
  paths: string[];
  problems: ListProblem[];
  /** Folders (relative to the listed folder, with a trailing `/`) whose files could not be listed. */
  unlisted: string[];
}

/** Whether `real` is `root` or inside it (both real paths). */
export function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * List `folder` (relative to `contentDir`). A missing folder is an empty
 * listing; a file where the folder should be is a problem.
 */
export async function listMarkdown(contentDir: string, folder: string): Promise<Listing> {
  const listing: Listing = { paths: [], problems: [], unlisted: [] };
  let root: string;
  try {
    root = await realpath(contentDir);
  } catch {
    return listing;
  }
  const seen = new Set<string>();

  const walk = async (relative: string): Promise<void> => {
    const shown = relative ? `${folder}/${relative}` : folder;
    const absolute = join(contentDir, shown);
    let real: string;
    try {
      real = await realpath(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !relative) return; // no such folder: nothing to list
      listing.problems.push({ path: shown, kind: 'unreadable', code: code ?? 'UNKNOWN' });
      listing.unlisted.push(relative ? `${relative}/` : '');
      return;
    }
    if (!isInside(root, real)) {
      listing.problems.push({ path: shown, kind: 'outside', target: real });
      listing.unlisted.push(relative ? `${relative}/` : '');
      return;
    }
    if (seen.has(real)) return; // a link back to a folder already listed
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      listing.problems.push({
        path: shown,
        kind: code === 'ENOTDIR' ? 'not-a-folder' : 'unreadable',
        code: code ?? 'UNKNOWN',
      });
      listing.unlisted.push(relative ? `${relative}/` : '');
      return;
    }
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const markdown = entry.name.toLowerCase().endsWith('.md');
      if (entry.isDirectory()) {
        if (markdown) listing.paths.push(child); // reading it reports a folder named like an entry
        await walk(child);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const target = await realpath(join(absolute, entry.name)).catch(() => undefined);
        if (target === undefined) {
          // A dangling link named .md: reading it reports the missing file.
          if (markdown) listing.paths.push(child);
          continue;
        }
        if (!isInside(root, target)) {
          if (markdown || (await stat(target).catch(() => undefined))?.isDirectory())
            listing.problems.push({ path: `${folder}/${child}`, kind: 'outside', target });
          continue;
        }
        if ((await stat(target).catch(() => undefined))?.isDirectory()) {
          await walk(child);
          continue;
        }
      }
      if (markdown) listing.paths.push(child);
    }
  };

  await walk('');
  listing.paths.sort();
  return listing;
}
