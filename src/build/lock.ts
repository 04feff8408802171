/**
 * One Astro build at a time per package: Astro rewrites `<root>/.astro/`
 * (generated modules and types) at the start of every build, and a second
 * build reading them half-written would fail. A lock folder (mkdir is atomic)
 * holding the owner's pid; a lock whose owner is gone is taken over.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const POLL_MS = 200;

/** Whether a process with this pid runs (ours or another user's). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Run `task` holding the lock `<dir>/astro.lock`; `waiting` is called once if another build holds it. */
export async function withBuildLock<T>(dir: string, task: () => Promise<T>, waiting?: () => void): Promise<T> {
  const lock = join(dir, 'astro.lock');
  const owner = join(lock, 'pid');
  let told = false;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
      // No pid: the owner is between mkdir and writeFile, or died there (then the folder grows old).
      const orphan = !pid && Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now()) > 10_000;
      if (orphan || (pid && pid !== process.pid && !alive(pid))) {
        await rm(lock, { recursive: true, force: true });
        continue;
      }
      if (!told) waiting?.();
      told = true;
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
