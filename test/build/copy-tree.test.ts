/**
 * Copying a folder as `fs.cp(from, to, { recursive: true, filter })` does —
 * the same files, bytes, empty folders, links and refusals — only with the
 * files copied a few at a time; and a listing taken now copies what the
 * folder held then, not what was added since.
 */
import { cp, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyTree, listTree } from '../../src/build/copy-tree.ts';
import { tempDir } from '../helpers/index.ts';

let root: string;
let from: string;

/** Every entry under `dir`: a file's text, a link's target, `<folder>` for a folder. */
async function tree(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = path.slice(dir.length + 1);
    if (entry.isSymbolicLink()) found[name] = `-> ${await readlink(path)}`;
    else if (entry.isDirectory()) found[name] = '<folder>';
    else found[name] = await readFile(path, 'utf8');
  }
  return found;
}

beforeEach(async () => {
  root = await tempDir('jianbao-copy-tree-');
  from = join(root, 'from');
  const files: Record<string, string> = {
    'index.html': '<h1>首页</h1>',
    'zhuanbao/2025/1/index.html': '<h1>第1期</h1>',
    'zhuanbao/2025/2/index.html': '<h1>第2期</h1>',
    '_astro/site.css': 'body{}',
    'pagefind/2024/index.json': '{}',
  };
  // Enough files that several copies are in flight at once.
  for (let n = 0; n < 60; n++) files[`sections/gzdt/${n}/index.html`] = `<p>第${n}页</p>`;
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(from, path, '..'), { recursive: true });
    await writeFile(join(from, path), text);
  }
  await mkdir(join(from, 'empty/inner'), { recursive: true });
  await symlink('zhuanbao/2025/1/index.html', join(from, 'latest.html'));
});

describe('copyTree', () => {
  it('copies what fs.cp copies: files, empty folders, links with their own target', async () => {
    await copyTree(from, join(root, 'ours'));
    await cp(from, join(root, 'node'), { recursive: true, verbatimSymlinks: true });
    expect(await tree(join(root, 'ours'))).toEqual(await tree(join(root, 'node')));
    expect(await readlink(join(root, 'ours', 'latest.html'))).toBe('zhuanbao/2025/1/index.html');
    expect((await stat(join(root, 'ours', 'empty/inner'))).isDirectory()).toBe(true);
  });

  it('leaves out what the filter refuses, a refused folder with all it holds', async () => {
    const leaveOut = new Set([join(from, 'zhuanbao/2025/1/index.html'), join(from, 'pagefind')]);
    await copyTree(from, join(root, 'ours'), { filter: (source) => !leaveOut.has(source) });
    const copied = await tree(join(root, 'ours'));
    expect(copied['zhuanbao/2025/2/index.html']).toBe('<h1>第2期</h1>');
    expect(copied).not.toHaveProperty('zhuanbao/2025/1/index.html');
    expect(Object.keys(copied).filter((name) => name.startsWith('pagefind'))).toEqual([]);
  });

  it('copies into a folder that exists, replacing the files it has', async () => {
    const to = join(root, 'ours');
    await mkdir(join(to, 'zhuanbao/2025/1'), { recursive: true });
    await writeFile(join(to, 'zhuanbao/2025/1/index.html'), 'old');
    await writeFile(join(to, 'kept.txt'), 'kept');
    await copyTree(from, to);
    expect(await readFile(join(to, 'zhuanbao/2025/1/index.html'), 'utf8')).toBe('<h1>第1期</h1>');
    expect(await readFile(join(to, 'kept.txt'), 'utf8')).toBe('kept');
  });

  it('fails when the source is missing, as fs.cp does', async () => {
    await expect(copyTree(join(root, 'nowhere'), join(root, 'ours'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('listTree', () => {
  it('copies what the folder held when it was listed, not what was added later', async () => {
    const listing = await listTree(from);
    await mkdir(join(from, 'media'), { recursive: true });
    await writeFile(join(from, 'media/photo.jpg'), 'jpeg');
    await writeFile(join(from, 'added.html'), 'late');
    await listing.copyTo(join(root, 'ours'));
    const copied = await tree(join(root, 'ours'));
    expect(copied).not.toHaveProperty('media');
    expect(copied).not.toHaveProperty('added.html');
    expect(copied['index.html']).toBe('<h1>首页</h1>');
  });
});
