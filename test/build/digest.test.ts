/**
 * src/build/digest.js: the one digest helper, shared by the build's caches
 * and bin/launch.js (whose digest must not depend on where the package lies:
 * the offline bundle ships its CLI prebuilt under that digest). Real files in
 * temporary folders with spaces and Chinese in their names.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestParts, filesUnder, treeDigest } from '../../src/build/digest.js';
import { tempDir } from '../helpers/index.ts';

async function tree(root: string, files: Record<string, string>): Promise<string> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), text);
  }
  return root;
}

const SAMPLE = { 'package.json': '{}', 'src/a.ts': 'a', 'src/稿件/第 1 篇.ts': 'b', 'src/z/y.ts': 'c' };

describe('digestParts', () => {
  it('keeps the boundaries between parts', () => {
    expect(digestParts(['ab', 'c'])).not.toBe(digestParts(['a', 'bc']));
    expect(digestParts(['ab', 'c'])).toBe(digestParts(['ab', Buffer.from('c')]));
  });
});

describe('filesUnder', () => {
  it('lists a folder relative to the root with / separators, sorted', async () => {
    const root = await tree(join(await tempDir('jianbao-digest-'), '张三的 桌面'), SAMPLE);
    expect(filesUnder(root, 'src')).toEqual(['src/a.ts', 'src/z/y.ts', 'src/稿件/第 1 篇.ts']);
  });

  it('gives a single file as itself, also one outside the root, and nothing for a missing path', async () => {
    const base = await tempDir('jianbao-digest-');
    const root = await tree(join(base, 'app'), SAMPLE);
    await writeFile(join(base, '.package-lock.json'), '{}');
    expect(filesUnder(root, 'package.json')).toEqual(['package.json']);
    expect(filesUnder(root, '../.package-lock.json')).toEqual(['../.package-lock.json']);
    expect(filesUnder(root, 'node_modules/.package-lock.json')).toEqual([]);
  });
});

describe('treeDigest', () => {
  it('is the same for the same files wherever they lie, and changes with a name or a byte', async () => {
    const paths = ['package.json', 'src', 'missing.json'];
    const one = await tree(join(await tempDir('jianbao-digest-'), 'a'), SAMPLE);
    const two = await tree(join(await tempDir('jianbao-digest-'), '简报 内容', 'jianbao'), SAMPLE);
    expect(treeDigest(one, paths)).toBe(treeDigest(two, paths));
    await writeFile(join(two, 'src/a.ts'), 'A');
    expect(treeDigest(one, paths)).not.toBe(treeDigest(two, paths));
    const three = await tree(join(await tempDir('jianbao-digest-'), 'b'), {
      ...SAMPLE,
      'src/b.ts': SAMPLE['src/a.ts'],
    });
    expect(treeDigest(three, paths)).not.toBe(treeDigest(one, paths));
    expect(treeDigest(one, paths, ['extra'])).not.toBe(treeDigest(one, paths));
  });
});
