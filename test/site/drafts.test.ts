/**
 * Draft issues stay out of the public site: `build` leaves them out (and
 * says how many), `build --drafts` includes them with the draft banner, and
 * `pdf` prints a draft only with `--drafts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, runCli, tempDir } from '../helpers/index.ts';
import { build, page, texts } from '../helpers/site.ts';

describe('draft issues', () => {
  it('build leaves them out and says so; build --drafts includes them with the banner', async () => {
    const content = await copyContent();
    expect((await runCli(['publish', '2024-3', '--content', content])).code).toBe(0);
    const dist = join(await tempDir('jianbao-drafts-'), 'dist');

    const plain = await build(content, dist, [], { drafts: false });
    expect(plain.code, plain.stdout).toBe(0);
    expect(plain.stdout).toContain(
      '另有 1 期草稿未放入站点（2024-4）；发布后才会出现。预览草稿：jianbao dev 或 jianbao build --drafts',
    );
    expect(plain.stdout).toMatch(/已编译 1 期/);
    expect(existsSync(join(dist, 'zhuanbao/2024/3/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'zhuanbao/2024/4'))).toBe(false);
    const home = await page(dist, '');
    expect(
      [...home.querySelectorAll('a')]
        .map((node) => node.getAttribute('href'))
        .filter((href) => href?.includes('2024/4')),
    ).toEqual([]);
    expect(texts(await page(dist, 'zhuanbao/2024/3/'), '.notice')).toEqual([]);

    const withDrafts = await build(content, dist, ['--drafts'], { drafts: false });
    expect(withDrafts.code).toBe(0);
    expect(withDrafts.stdout).not.toContain('草稿未放入站点');
    const draft = await page(dist, 'zhuanbao/2024/4/');
    expect(texts(draft, '.notice')).toContain('本期为草稿，尚未发布，内容可能还会修改。');
    expect(existsSync(join(dist, 'zhuanbao/2024/4/print/index.html'))).toBe(true);
  });

  it('pdf names a draft only with --drafts, and says how', async () => {
    const content = await copyContent();
    const result = await runCli(['pdf', '2024-4', '--content', content, '--browser', '/nonexistent/chrome']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('2024-4 是草稿，站点中没有草稿期刊');
    expect(result.stderr).toContain('jianbao pdf --drafts 2024-4');
  });
});
