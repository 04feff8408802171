/**
 * `build --out` replaces the output folder, so it may only be a new or empty
 * folder or a site jianbao built. The content, a folder holding it, a folder
 * inside it, a file, `/`, the home folder and mount points are refused with
 * exit 2 before any work, and nothing is touched.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertReplaceableOutput, OutputDirError, SITE_MARKER } from '../../src/build/output-dir.ts';
import { copyContent, listFiles, ROOT, runCli, tempDir } from '../helpers/index.ts';

/** A digest of every file under `dir`, names and bytes. */
async function snapshot(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(dir))
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(dir, file)));
  return hash.digest('hex');
}

const content = await copyContent();
const project = dirname(content);
const before = await snapshot(project);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('build --out refuses folders it must not replace', () => {
  const refused: [string, string, RegExp][] = [
    ['the content folder itself', content, /就是内容目录/],
    ['a folder holding the content', project, /包含内容目录/],
    ['a folder inside the content', join(content, 'entries'), /在内容目录之中/],
    ['the jianbao package', ROOT, /jianbao 程序本身|包含内容目录/],
    ['the root folder', '/', /根目录|包含/],
  ];
  for (const [what, out, message] of refused) {
    it(`refuses ${what} with exit 2 and touches nothing`, async () => {
      const result = await runCli(['build', '--content', content, '--out', out], { cwd: project });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).not.toContain('站点已生成');
      expect(await snapshot(project)).toBe(before);
    });
  }

  it('refuses `--out .` run from the project folder', async () => {
    const result = await runCli(['build', '--content', 'content', '--out', '.'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('包含内容目录');
    expect(await snapshot(project)).toBe(before);
  });

  it('refuses an existing regular file and leaves it as it was', async () => {
    const file = join(await tempDir(), 'notes.txt');
    await writeFile(file, '会议记录\n');
    const result = await runCli(['build', '--content', content, '--out', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('是一个文件');
    expect(await readFile(file, 'utf8')).toBe('会议记录\n');
  });

  it('refuses a folder with other files that jianbao did not build', async () => {
    const other = await tempDir();
    await writeFile(join(other, '工作总结.docx'), 'x');
    const result = await runCli(['build', '--content', content, '--out', other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('不是 jianbao 生成的站点');
    expect(existsSync(join(other, '工作总结.docx'))).toBe(true);
  });

  it('refuses a symlink that points at the content', async () => {
    const link = join(await tempDir(), 'site');
    await symlink(content, link);
    const result = await runCli(['build', '--content', content, '--out', link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('就是内容目录');
    expect(await snapshot(project)).toBe(before);
  });

  it('jianbao pdf refuses the same folders', async () => {
    const result = await runCli(['pdf', '--content', content, '--out', content]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('就是内容目录');
    expect(await snapshot(project)).toBe(before);
  });
});

describe('assertReplaceableOutput', () => {
  const check = (outDir: string, home = '/nonexistent-home') =>
    assertReplaceableOutput({ outDir, contentDir: content, packageRoot: ROOT, home });

  it('refuses the home folder', async () => {
    const home = await tempDir();
    await expect(check(home, home)).rejects.toThrow(/用户主目录/);
    await expect(
      assertReplaceableOutput({ outDir: homedir(), contentDir: content, packageRoot: ROOT }),
    ).rejects.toThrow(OutputDirError);
  });

  it('accepts a new folder, an empty folder and a site built before the marker existed', async () => {
    const parent = await tempDir();
    await expect(check(join(parent, 'new', 'dist'))).resolves.toBeUndefined();
    await mkdir(join(parent, 'empty'));
    await expect(check(join(parent, 'empty'))).resolves.toBeUndefined();
    await mkdir(join(parent, 'old'));
    await writeFile(
      join(parent, 'old', 'index.html'),
      '<html><head><meta name="generator" content="jianbao" /></head></html>',
    );
    await expect(check(join(parent, 'old'))).resolves.toBeUndefined();
  });

  it('refuses a mount point', async (context) => {
    const point = await tempDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', point], { stdio: 'ignore' });
    } catch {
      if (process.env.CI) throw new Error('CI 以 root 运行，应能挂载 tmpfs');
      console.warn('⚠ 跳过挂载点测试：本机不能挂载 tmpfs（需要 root）。');
      context.skip();
    }
    try {
      await expect(check(point)).rejects.toThrow(/挂载点/);
    } finally {
      execFileSync('umount', [point]);
    }
  });
});

describe('a site jianbao built can be rebuilt in place', () => {
  it('marks the site and replaces it on the next build', { timeout: 240_000 }, async () => {
    const out = join(await tempDir(), 'dist');
    const first = await runCli(['build', '--content', content, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(out, SITE_MARKER), 'utf8'))).toMatchObject({ generator: 'jianbao' });
    await writeFile(join(out, 'stale.html'), 'old');
    const second = await runCli(['build', '--content', content, '--out', out]);
    expect(second.code, second.stderr).toBe(0);
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(await snapshot(project)).toBe(before);
  });
});

describe('the default output', () => {
  it('dist/ inside the jianbao package is accepted', async () => {
    await expect(
      assertReplaceableOutput({ outDir: join(ROOT, 'dist-test-never-built'), contentDir: content, packageRoot: ROOT }),
    ).resolves.toBeUndefined();
  });
});
