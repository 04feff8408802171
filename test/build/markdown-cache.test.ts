/**
 * The build's cache of rendered entry Markdown answers exactly what
 * renderMarkdown would: compiling through it (cold, then from the saved file)
 * gives the same site as compiling without it, for the sample content and
 * after changes that reach the render options.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarkdownCache } from '../../src/build/markdown-cache.ts';
import { checkContent, compileSite, renderMarkdown } from '../../src/core/index.ts';
import { SAMPLE_CONTENT, tempDir } from '../helpers/index.ts';

async function compiled(contentDir: string, cache?: MarkdownCache) {
  const checked = await checkContent(contentDir);
  expect(checked.errors).toBe(0);
  return compileSite(checked.content, checked.registry, { render: cache?.render });
}

async function saved(dir: string): Promise<{ renderer: string; entries: [string, unknown][] }> {
  return JSON.parse(await readFile(join(dir, 'markdown.json'), 'utf8')) as { renderer: string; entries: [string, unknown][] };
}

describe('MarkdownCache', () => {
  it('compiles the sample content exactly as renderMarkdown does, cold and from its file', async () => {
    const dir = await tempDir('jianbao-markdown-');
    const plain = await compiled(SAMPLE_CONTENT);
    const cold = await MarkdownCache.open(dir, 'r1');
    expect(await compiled(SAMPLE_CONTENT, cold)).toEqual(plain);
    await cold.save();
    const stored = await saved(dir);
    expect(stored.renderer).toBe('r1');
    expect(stored.entries.length).toBeGreaterThanOrEqual(plain.issues.reduce((sum, issue) => sum + issue.entries.length, 0));
    const warm = await MarkdownCache.open(dir, 'r1');
    expect(await compiled(SAMPLE_CONTENT, warm)).toEqual(plain);
  });

  it('keys on every render option: the same text under other options renders afresh', async () => {
    const cache = await MarkdownCache.open(await tempDir('jianbao-markdown-'), 'r1');
    const text = '一、总体情况\n\n王明检查了![现场](a.png)工作。[^1]\n\n[^1]: 注释。';
    const variants = [
      {},
      { idPrefix: 'x' },
      { idPrefix: 'y' },
      { headingOffset: 2 },
      { leaders: [{ phrase: '区长王明', name: '王明' }] },
      { images: new Map([['a.png', 'media/aaaaaaaaaaaa.png']]) },
      { images: new Map([['a.png', 'media/bbbbbbbbbbbb.png']]) },
      { images: new Map([['a.png', 'media/bbbbbbbbbbbb.png']]), base: '/bulletin/' },
    ];
    for (const options of variants) expect(cache.render(text, options)).toEqual(renderMarkdown(text, options));
    // Twice over, now from the cache.
    for (const options of variants) expect(cache.render(text, options)).toEqual(renderMarkdown(text, options));
  });

  it('forgets everything when the renderer changes, and keeps only what the last build used', async () => {
    const dir = await tempDir('jianbao-markdown-');
    const first = await MarkdownCache.open(dir, 'r1');
    first.render('甲。');
    first.render('乙。');
    await first.save();
    expect((await saved(dir)).entries).toHaveLength(2);

    const second = await MarkdownCache.open(dir, 'r1');
    second.render('乙。');
    await second.save();
    expect((await saved(dir)).entries).toHaveLength(1);

    const other = await MarkdownCache.open(dir, 'r2');
    other.render('丙。');
    await other.save();
    const stored = await saved(dir);
    expect(stored.renderer).toBe('r2');
    expect(stored.entries.map(([, value]) => value)).toEqual([renderMarkdown('丙。')]);
  });
});
