/**
 * The build's cache of compiled entry bodies answers exactly what
 * compileBody would: compiling through it (cold, then from the saved file)
 * gives the same site as compiling without it, for the sample content and
 * after changes that reach the compile options.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarkdownCache } from '../../src/build/markdown-cache.ts';
import { checkContent, compileBody, compileSite } from '../../src/core/index.ts';
import { SAMPLE_CONTENT, tempDir } from '../helpers/index.ts';

async function compiled(contentDir: string, cache?: MarkdownCache) {
  const checked = await checkContent(contentDir);
  expect(checked.errors).toBe(0);
  return compileSite(checked.content, checked.registry, cache ? { compileBody: cache.compile } : {});
}

async function saved(dir: string): Promise<{ renderer: string; entries: [string, unknown][] }> {
  return JSON.parse(await readFile(join(dir, 'markdown.json'), 'utf8')) as {
    renderer: string;
    entries: [string, unknown][];
  };
}

describe('MarkdownCache', () => {
  it('compiles the sample content exactly as compileBody does, cold and from its file', async () => {
    const dir = await tempDir('jianbao-markdown-');
    const plain = await compiled(SAMPLE_CONTENT);
    const cold = await MarkdownCache.open(dir, 'r1');
    expect(await compiled(SAMPLE_CONTENT, cold)).toEqual(plain);
    await cold.save();
    const stored = await saved(dir);
    expect(stored.renderer).toBe('r1');
    // Published issues come from their archived snapshot: only the others' bodies are compiled (and cached).
    const compiledHere = plain.issues.filter((issue) => issue.status !== 'published');
    expect(stored.entries.length).toBeGreaterThanOrEqual(
      compiledHere.reduce((sum, issue) => sum + issue.entries.length, 0),
    );
    const warm = await MarkdownCache.open(dir, 'r1');
    expect(await compiled(SAMPLE_CONTENT, warm)).toEqual(plain);
  });

  it('keys on every compile option: the same text under other options compiles afresh', async () => {
    const cache = await MarkdownCache.open(await tempDir('jianbao-markdown-'), 'r1');
    const text = '一、总体情况\n\n王明检查了![现场](a.png)工作。[^1]\n\n[^1]: 注释。';
    const variants = [
      {},
      { leaders: [{ phrase: '区长王明', name: '王明' }] },
      { images: new Map([['a.png', 'media/aaaaaaaaaaaa.png']]) },
      { images: new Map([['a.png', 'media/bbbbbbbbbbbb.png']]) },
    ];
    for (const options of variants) expect(cache.compile(text, options)).toEqual(compileBody(text, options));
    // Twice over, now from the cache.
    for (const options of variants) expect(cache.compile(text, options)).toEqual(compileBody(text, options));
  });

  it('forgets everything when the renderer changes, and keeps only what the last build used', async () => {
    const dir = await tempDir('jianbao-markdown-');
    const first = await MarkdownCache.open(dir, 'r1');
    first.compile('甲。');
    first.compile('乙。');
    await first.save();
    expect((await saved(dir)).entries).toHaveLength(2);

    const second = await MarkdownCache.open(dir, 'r1');
    second.compile('乙。');
    await second.save();
    expect((await saved(dir)).entries).toHaveLength(1);

    const other = await MarkdownCache.open(dir, 'r2');
    other.compile('丙。');
    await other.save();
    const stored = await saved(dir);
    expect(stored.renderer).toBe('r2');
    expect(stored.entries.map(([, value]) => value)).toEqual([compileBody('丙。')]);
  });
});
