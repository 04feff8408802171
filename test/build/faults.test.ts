/**
 * `jianbao build` on an unlucky machine: a read-only output, a full disk, an
 * output that is a mount point, a build killed between the two renames of
 * the swap, scratch folders of killed builds. Real builds, real processes,
 * real mounts (tmpfs, read-only bind mounts; the tests need root and are
 * skipped with a message without it). Each fault is one Chinese message
 * naming the path and the cause, no stack trace, and the old site stays.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent, ROOT, tempDir } from '../helpers/index.ts';
import { build, hashTree } from '../helpers/site.ts';

const mounts: string[] = [];

function mount(...args: string[]): boolean {
  const result = spawnSync('mount', args, { encoding: 'utf8' });
  if (result.status === 0) mounts.push(args.at(-1)!);
  return result.status === 0;
}

afterAll(() => {
  for (const point of mounts.reverse()) spawnSync('umount', ['-l', point]);
});

const canMount = process.getuid?.() === 0;
if (!canMount) console.warn('⚠ 跳过挂载相关的测试：需要 root 权限（mount -t tmpfs、mount --bind -o ro）。');

/** No stack frames, no JavaScript values. */
function expectClean(output: string): void {
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(output).not.toContain('内部错误');
  expect(output).not.toMatch(/undefined|\[object Object\]|NaN/);
}

let content: string;
let site: string;

beforeAll(async () => {
  content = await copyContent();
  site = join(await tempDir('jianbao-faults-'), 'dist');
  const result = await build(content, site);
  expect(result.code, result.stdout + result.stderr).toBe(0);
}, 240_000);

describe.runIf(canMount)('environment faults', () => {
  it(
    'a read-only output folder: Chinese message with the path and the cause, old site kept',
    { timeout: 240_000 },
    async () => {
      const parent = await tempDir('jianbao-ro-');
      const out = join(parent, 'dist');
      spawnSync('cp', ['-a', site, out]);
      const before = await hashTree(out);
      expect(mount('--bind', '-o', 'ro', parent, parent)).toBe(true);
      const result = await build(content, out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('生成失败');
      expect(result.stderr).toContain(parent);
      expect(result.stderr).toContain('只读');
      expectClean(result.stdout + result.stderr);
      expect(await hashTree(out)).toEqual(before);
    },
  );

  it(
    'a full disk: Chinese message with the path and the cause, old site kept, nothing left behind',
    { timeout: 240_000 },
    async () => {
      const parent = await tempDir('jianbao-full-');
      const bytes = Number(spawnSync('du', ['-sb', site], { encoding: 'utf8' }).stdout.split('\t')[0]);
      // Room for the old site and a few MB: the new one cannot be copied in.
      expect(mount('-t', 'tmpfs', '-o', `size=${Math.ceil(bytes / 1024 / 1024) + 4}m`, 'tmpfs', parent)).toBe(true);
      const out = join(parent, 'dist');
      spawnSync('cp', ['-a', site, out]);
      const before = await hashTree(out);
      const result = await build(content, out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('磁盘空间已满');
      expect(result.stderr).toContain(parent);
      expectClean(result.stdout + result.stderr);
      expect(await hashTree(out)).toEqual(before);
      expect(await readdir(parent)).toEqual(['dist']);
    },
  );

  it('an output folder that is a mount point: refused with the path, old site kept', { timeout: 240_000 }, async () => {
    const out = join(await tempDir('jianbao-mnt-'), 'dist');
    await mkdir(out);
    expect(mount('-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', out)).toBe(true);
    spawnSync('cp', ['-a', `${site}/.`, out]);
    const before = await hashTree(out);
    const result = await build(content, out);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBe(70);
    expect(result.stdout + result.stderr).toContain(out);
    expectClean(result.stdout + result.stderr);
    expect(await hashTree(out)).toEqual(before);
  });
});

describe('a build killed between the two renames of the swap', () => {
  it(
    'is recovered at the next start: the output is a whole site, and the killed build’s folders are removed',
    { timeout: 300_000 },
    async () => {
      const out = join(await tempDir('jianbao-kill-'), 'dist');
      spawnSync('cp', ['-a', site, out]);
      const entry = join(content, 'entries/2024/应急检查.md');
      const good = await readFile(entry, 'utf8');
      const changed = join(dirname(content), 'changed');
      spawnSync('cp', ['-a', content, changed]);
      await writeFile(join(changed, 'entries/2024/应急检查.md'), good.replace('专项检查。', '专项检查，发现隐患5处。'));
      const killed = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/jianbao.js'), 'build', '--drafts', '--content', changed, '--out', out],
        {
          encoding: 'utf8',
          env: { ...process.env, JIANBAO_FAULT: 'kill-in-swap', NO_COLOR: '1' },
        },
      );
      expect(killed.signal, killed.stdout + killed.stderr).toBe('SIGKILL');
      // Killed in the window: no output folder, the old and the new site in the staging folder.
      expect(existsSync(out)).toBe(false);
      const staging = (await readdir(dirname(out))).filter((name) => name.startsWith('.dist-jianbao-'));
      expect(staging).toHaveLength(1);
      const scratch = join(ROOT, '.jianbao');
      const orphans = async () => {
        const found: string[] = [];
        for (const name of (await readdir(scratch)).filter((name) => name.startsWith('build-'))) {
          if ((await readFile(join(scratch, name, 'owner'), 'utf8').catch(() => '')) === String(killed.pid))
            found.push(name);
        }
        return found;
      };
      expect(await orphans()).toHaveLength(1);

      // The next build starts by recovering, even when its own check then fails.
      const broken = join(dirname(content), 'broken');
      spawnSync('cp', ['-a', content, broken]);
      await writeFile(join(broken, 'entries/2024/应急检查.md'), good.replace('section: 工作动态', 'section: 工作动况'));
      const next = await build(broken, out);
      expect(next.code).toBe(1);
      expect(next.stdout).toContain('上次生成在替换站点时中断，已恢复新生成的站点');
      expect(await readFile(join(out, 'zhuanbao/2024/3/index.html'), 'utf8')).toContain('发现隐患5处');
      expect(existsSync(join(out, 'pagefind'))).toBe(true);
      expect((await readdir(dirname(out))).filter((name) => name.startsWith('.dist-jianbao-'))).toEqual([]);
      expect(await orphans()).toEqual([]);
    },
  );
});
