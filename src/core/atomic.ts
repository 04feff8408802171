/**
 * The one way jianbao replaces a file: write (or copy) to a temporary file
 * beside it, then rename it into place, so that a reader, a crash or a full
 * disk sees the old file or the new one, never half of one. The temporary
 * name is hidden and ends in `.partial` (loaders and cache scans skip it),
 * and it is removed when anything fails.
 */
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** A temporary name beside `target`, unique in this process. */
function partialName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${++counter}.partial`);
}

/** Put what `fill` writes at the temporary path into place at `target`. */
async function replaceWith(target: string, fill: (partial: string) => Promise<void>): Promise<void> {
  const partial = partialName(target);
  try {
    await fill(partial);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Write `data` to `target` atomically (its folder created if missing). */
export async function writeAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await replaceWith(target, (partial) => writeFile(partial, data));
}

/** Copy `from` to `target` atomically. */
export async function copyAtomic(from: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await replaceWith(target, (partial) => copyFile(from, partial));
}

/** Replace the folder `target` with the one `fill` makes at the path it is given. */
export async function replaceDirectory(target: string, fill: (partial: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const partial = partialName(target);
  try {
    await fill(partial);
    await rm(target, { recursive: true, force: true });
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}
