/**
 * Zip a folder with yazl (MIT): entries under one top folder, UTF-8 names
 * (the zip's language-encoding flag: Windows Explorer, 7-Zip, Bandizip and
 * unzip read 编辑台.cmd right), Unix modes kept (node and the shell launchers
 * stay executable), files that are compressed already stored as they are.
 * Written to a temporary name and renamed, so a half-written zip is never
 * left under the final name.
 */
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** Already compressed: deflating them again costs time and gains nothing. */
const STORED = /\.(woff2?|png|jpe?g|gif|webp|gz|br|zip|tgz)$/i;

export interface ZipResult {
  bytes: number;
  files: number;
}

/** Every file under `dir`, relative, `/`-separated, sorted (a stable zip for the same tree). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** Zip the folder `dir` into `zipFile` as `<top>/…`. */
export async function zipFolder(dir: string, top: string, zipFile: string): Promise<ZipResult> {
  const files = await listFiles(dir);
  const zip = new yazl.ZipFile();
  for (const file of files) {
    const info = await stat(join(dir, file));
    zip.addFile(join(dir, file), `${top}/${file}`, {
      mode: info.mode & 0o111 ? 0o100755 : 0o100644,
      mtime: info.mtime,
      compress: !STORED.test(file),
    });
  }
  zip.end();
  const partial = `${zipFile}.${process.pid}.partial`;
  try {
    await pipeline(zip.outputStream, createWriteStream(partial));
    await rename(partial, zipFile);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { bytes: (await stat(zipFile)).size, files: files.length };
}
