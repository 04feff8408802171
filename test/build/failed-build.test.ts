/**
 * `jianbao build` is all or nothing: a failed build (bad content, or a step
 * failing after the pages were written) leaves the previous output byte for
 * byte as it was; a good build replaces it whole, stale pages included.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuildError, buildSite } from '../../src/build/index.ts';
import { copyContent, tempDir } from '../helpers/index.ts';
import { build, hashTree } from '../helpers/site.ts';

let out: string;
let before: Record<string, string>;

/** Folders a build may leave next to the output if it does not clean up. */
async function leftovers(): Promise<string[]> {
  return (await readdir(dirname(out))).filter((name) => name !== 'dist');
}

beforeAll(async () => {
  out = join(await tempDir('jianbao-atomic-'), 'dist');
  const result = await build(await copyContent(), out);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  before = await hashTree(out);
  expect(Object.keys(before)).toContain('zhuanbao/2024/3/index.html');
});

describe('a failed build', () => {
  it('stops at the check on bad content, exit 1, dist untouched', async () => {
    const content = await copyContent();
    const issue = join(content, 'issues/2024-03.md');
    await writeFile(issue, (await readFile(issue, 'utf8')).replace('  - 2024/应急检查', '  - 2024/不存在的稿件'));
    const result = await build(content, out);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/issues\/2024-03\.md:\d+:\d+ 错误 稿件「2024\/不存在的稿件」不存在/);
    expect(result.stdout).toContain('站点未生成');
    expect(result.stdout).not.toMatch(/at .*\.ts:\d+/);
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('leaves dist untouched when a step after the pages fails', async () => {
    await expect(
      buildSite({
        contentDir: await copyContent(),
        outDir: out,
        drafts: true,
        afterSite: async ({ siteDir }) => {
          // The new site is complete at this point…
          expect(existsSync(join(siteDir, 'zhuanbao/2024/3/index.html'))).toBe(true);
          expect(existsSync(join(siteDir, 'pagefind'))).toBe(true);
          throw new BuildError('PDF 生成失败（测试）');
        },
      }),
    ).rejects.toThrow('PDF 生成失败（测试）');
    // …but it never reached dist.
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('exits 2 for a missing content directory', async () => {
    const result = await build('/nonexistent/jianbao-content', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('内容目录不存在');
    expect(await hashTree(out)).toEqual(before);
  });
});

describe('a good build', () => {
  it('replaces dist whole: new content in, removed pages gone', async () => {
    const content = await copyContent();
    await rm(join(content, 'issues/2024-04.md'));
    const entry = join(content, 'entries/2024/青石镇排查.md');
    await writeFile(
      entry,
      (await readFile(entry, 'utf8')).replace('section: work-updates', 'section: work-updates\nstatus: draft'),
    );
    const note = join(content, 'issues/2024-03.md');
    await writeFile(
      note,
      (await readFile(note, 'utf8')).replace('本期聚焦汛期安全防范。', '本期聚焦汛期和高温安全防范。'),
    );
    const result = await build(content, out);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const after = await hashTree(out);
    expect(Object.keys(after)).not.toContain('zhuanbao/2024/4/index.html');
    expect(await readFile(join(out, 'zhuanbao/2024/3/index.html'), 'utf8')).toContain('本期聚焦汛期和高温安全防范。');
    expect(await leftovers()).toEqual([]);
  });
});
