/**
 * The build's folders on disk and what a killed build leaves of them.
 *
 * Every scratch folder (`<package>/.jianbao/build-*`, where Astro renders)
 * and every staging folder next to the output (`.<out>-jianbao-*`, from
 * which the new site is swapped in) holds an `owner` file with the pid of
 * the build that made it. At the start of the next build, folders whose
 * owner is gone are removed, and if a build was killed between the two
 * renames of the swap (the old site moved aside, the new one not yet in
 * place) the output is put back from its staging folder first: the new
 * site when it is there whole, else the old one.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { copyTree } from './copy-tree.ts';
import { alive } from './lock.ts';

const OWNER = 'owner';
/** A folder with no owner file yet (killed right after it was made) counts as orphaned after this long. */
const UNOWNED_AFTER_MS = 10 * 60_000;
/** The swap's folders inside a staging folder. */
export const STAGED_SITE = 'site';
export const STAGED_PREVIOUS = 'previous';

/** Fault injection for the tests: `JIANBAO_FAULT=kill-in-swap` kills the build between the two renames. */
const FAULT_ENV = 'JIANBAO_FAULT';

/** Mark `dir` as this process's. */
export async function claim(dir: string): Promise<void> {
  await writeFile(join(dir, OWNER), String(process.pid));
}

/** Whether the build that made `dir` is gone. */
async function orphaned(dir: string): Promise<boolean> {
  const pid = Number(await readFile(join(dir, OWNER), 'utf8').catch(() => ''));
  if (pid > 0) return pid !== process.pid && !alive(pid);
  const made = (await stat(dir).catch(() => undefined))?.mtimeMs;
  return made !== undefined && Date.now() - made > UNOWNED_AFTER_MS;
}

/** The staging folders of `outDir` (`.<name>-jianbao-*` next to it). */
export function stagingPrefix(outDir: string): string {
  return `.${basename(outDir)}-jianbao-`;
}

/** Remove the `build-*` scratch folders under `scratchRoot` whose build was killed; returns how many. */
export async function removeOrphanedScratch(scratchRoot: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(scratchRoot).catch(() => [] as string[])) {
    if (!name.startsWith('build-')) continue;
    const dir = join(scratchRoot, name);
    if (await orphaned(dir)) {
      await rm(dir, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Finish or undo a swap a killed build left halfway, then remove its staging
 * folders. Returns a Chinese line for the log when the output was restored.
 */
export async function recoverOutput(outDir: string): Promise<string | undefined> {
  const parent = dirname(outDir);
  const prefix = stagingPrefix(outDir);
  let restored: string | undefined;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const staged = join(parent, name);
    if (!(await orphaned(staged))) continue;
    if (!existsSync(outDir)) {
      // The new site is moved into the staging folder whole before the swap starts: if it is there, it is complete.
      for (const [folder, which] of [
        [STAGED_SITE, '新生成的站点'],
        [STAGED_PREVIOUS, '原有的站点'],
      ] as const) {
        if (existsSync(join(staged, folder)) && !existsSync(join(staged, `${folder}.partial`))) {
          await rename(join(staged, folder), outDir);
          restored = `上次生成在替换站点时中断，已恢复${which}：${outDir}`;
          break;
        }
      }
    }
    await rm(staged, { recursive: true, force: true });
  }
  return restored;
}

/** Rename, or copy when the output is on another file system (the copy is marked partial until complete). */
export async function moveAcross(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const partial = `${to}.partial`;
    await writeFile(partial, '');
    await copyTree(from, to);
    await rm(partial);
  }
}

/**
 * Put `from` where `to` is. The old `to` is moved aside first and restored if
 * the second rename fails; a kill between the two renames is recovered by
 * recoverOutput at the next start.
 */
export async function swapInto(from: string, to: string, aside: string): Promise<void> {
  const hadPrevious = existsSync(to);
  if (hadPrevious) await rename(to, aside);
  if (process.env[FAULT_ENV] === 'kill-in-swap') process.kill(process.pid, 'SIGKILL');
  try {
    await rename(from, to);
  } catch (error) {
    if (hadPrevious) await rename(aside, to);
    throw error;
  }
}
