import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from '../../src/build/lock.ts';
import { tempDir } from '../helpers/index.ts';

describe('withBuildLock', () => {
  it('runs one task at a time and tells the waiting one', async () => {
    const dir = await tempDir();
    const events: string[] = [];
    let waited = 0;
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await new Promise((done) => setTimeout(done, 100));
      events.push(`${name} end`);
    };
    await Promise.all([withBuildLock(dir, task('a')), withBuildLock(dir, task('b'), () => waited++)]);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(waited).toBe(1);
    expect(existsSync(join(dir, 'astro.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone, and releases it after a failure', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'astro.lock'));
    await writeFile(join(dir, 'astro.lock', 'pid'), '2147483646');
    await expect(withBuildLock(dir, async () => Promise.reject(new Error('失败')))).rejects.toThrow('失败');
    expect(existsSync(join(dir, 'astro.lock'))).toBe(false);
  });
});
