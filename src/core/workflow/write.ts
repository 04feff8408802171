/**
 * Writing content files safely: a new file never replaces an existing one,
 * and a changed file is swapped in whole. Either way a crash leaves the old
 * state or the new one, never half a file.
 */
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { writeAtomic } from '../atomic.ts';

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.jianbao-${process.pid}-${Date.now().toString(36)}`);
}

/**
 * Write `text` to a new file at `target`, or, when that name is taken, at
 * `name-2.md`, `name-3.md`… Returns the path actually written. The text is
 * written to a temporary file first and hard-linked into place, which fails
 * instead of overwriting when the name exists.
 */
export async function writeNewFile(target: string, text: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryName(target);
  try {
    await writeFile(temporary, text, 'utf8');
  } catch (error) {
    // The clerk knows the file being written, not our hidden temporary name beside it.
    const failed = error as NodeJS.ErrnoException;
    if (failed.path === temporary) Object.assign(failed, { path: target, syscall: 'write' });
    await unlink(temporary).catch(() => undefined);
    throw failed;
  }
  try {
    const extension = extname(target);
    const stem = target.slice(0, target.length - extension.length);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? target : `${stem}-${n}${extension}`;
      try {
        await link(temporary, candidate);
        return candidate;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
        // No hard links on this file system (FAT, some shares): exclusive create instead.
        try {
          await writeFile(candidate, text, { encoding: 'utf8', flag: 'wx' });
          return candidate;
        } catch (fallback) {
          if ((fallback as NodeJS.ErrnoException).code !== 'EEXIST') throw fallback;
        }
      }
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Replace the content of an existing file atomically (temporary file + rename). */
export async function replaceFile(target: string, text: string): Promise<void> {
  await writeAtomic(target, text);
}
