/**
 * The bundler's completeness check on small real trees: a dependency Node
 * would not find is reported; an optional package for another platform is
 * not wanted, one for the target is; nothing above the package root counts.
 * And the font pruning keeps exactly the files the imported stylesheets use.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTree, fitsTarget } from '../../release/dependency-check.ts';
import { prune } from '../../release/prune.ts';
import { tempDir } from '../helpers/index.ts';

async function write(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
}

const WIN = { os: 'win32', cpu: 'x64' };
const LINUX = { os: 'linux', cpu: 'x64', libc: 'glibc' };

describe('fitsTarget', () => {
  it('reads os, cpu and libc as npm does', () => {
    expect(fitsTarget({ os: ['win32'], cpu: ['x64'] }, WIN)).toBe(true);
    expect(fitsTarget({ os: ['win32'], cpu: ['arm64'] }, WIN)).toBe(false);
    expect(fitsTarget({ os: ['!win32'] }, WIN)).toBe(false);
    expect(fitsTarget({ os: ['!darwin'] }, WIN)).toBe(true);
    expect(fitsTarget({ os: ['linux'], cpu: ['x64'], libc: ['musl'] }, LINUX)).toBe(false);
    expect(fitsTarget({ os: ['linux'], cpu: ['x64'], libc: ['glibc'] }, LINUX)).toBe(true);
    // libc means nothing on Windows.
    expect(fitsTarget({ os: ['win32'], libc: ['glibc'] }, WIN)).toBe(true);
    expect(fitsTarget({}, WIN)).toBe(true);
  });
});

describe('checkTree', () => {
  async function tree(): Promise<string> {
    const outer = await tempDir('jianbao-tree-');
    const root = join(outer, 'app');
    // Above the root: Node would find it in the repository, but not in the unzipped bundle.
    await write(join(outer, 'node_modules/above/package.json'), { name: 'above', version: '1.0.0' });
    await write(join(root, 'package.json'), {
      name: 'app',
      version: '1.0.0',
      dependencies: { tool: '^1', above: '^1' },
    });
    await write(join(root, 'node_modules/tool/package.json'), {
      name: 'tool',
      version: '1.0.0',
      dependencies: { helper: '^1' },
      optionalDependencies: { '@tool/win32-x64': '1.0.0', '@tool/linux-x64': '1.0.0' },
      peerDependencies: { wanted: '*', extra: '*' },
      peerDependenciesMeta: { extra: { optional: true } },
    });
    // helper is nested under tool; wanted is hoisted.
    await write(join(root, 'node_modules/tool/node_modules/helper/package.json'), { name: 'helper', version: '1.0.0' });
    await write(join(root, 'node_modules/wanted/package.json'), { name: 'wanted', version: '1.0.0' });
    await write(join(root, 'package-lock.json'), {
      packages: {
        'node_modules/@tool/win32-x64': { os: ['win32'], cpu: ['x64'] },
        'node_modules/@tool/linux-x64': { os: ['linux'], cpu: ['x64'] },
      },
    });
    return root;
  }

  it('reports what Node would not find from inside the package, the platform package included', async () => {
    const root = await tree();
    const report = checkTree(root, WIN);
    expect(report.missing.sort()).toEqual(['app → above', 'tool → @tool/win32-x64']);
    expect(report.packages).toBe(3);
  });

  it('accepts the tree once the target platform package is installed, and lists it', async () => {
    const root = await tree();
    await write(join(root, 'node_modules/above/package.json'), { name: 'above', version: '1.0.0' });
    await write(join(root, 'node_modules/@tool/win32-x64/package.json'), {
      name: '@tool/win32-x64',
      version: '1.0.0',
      os: ['win32'],
      cpu: ['x64'],
    });
    const report = checkTree(root, WIN);
    expect(report.missing).toEqual([]);
    expect(report.platformPackages.map((entry) => entry.name)).toEqual(['@tool/win32-x64']);
    expect(report.foreign).toEqual([]);
    // The same tree is incomplete for Linux, and carries a foreign package.
    const linux = checkTree(root, LINUX);
    expect(linux.missing).toEqual(['tool → @tool/linux-x64']);
    expect(linux.foreign).toEqual(['@tool/win32-x64@1.0.0']);
  });
});

describe('prune', () => {
  it('keeps the font files the imported stylesheets point at, removes the other weights and .bin', async () => {
    const app = await tempDir('jianbao-prune-');
    await write(join(app, 'src/styles/print.css'), "@import '@fontsource/noto-serif-sc/400.css';\n");
    const family = join(app, 'node_modules/@fontsource/noto-serif-sc');
    await write(
      join(family, '400.css'),
      "@font-face { src: url(./files/a-400.woff2) format('woff2'), url(\"./files/a-400.woff\") format('woff'); }\n",
    );
    await write(join(family, '700.css'), "@font-face { src: url(./files/a-700.woff2) format('woff2'); }\n");
    for (const name of ['a-400.woff2', 'a-400.woff', 'a-700.woff2', 'a-700.woff'])
      await write(join(family, 'files', name), 'x'.repeat(100));
    await write(join(app, 'node_modules/.bin/tool'), '#!/bin/sh\n');
    const result = await prune(app, join(app, 'src'));
    expect((await readdir(join(family, 'files'))).sort()).toEqual(['a-400.woff', 'a-400.woff2']);
    expect(result.keptFonts).toBe(2);
    expect(result.removedBytes).toBe(200 + '#!/bin/sh\n'.length);
    expect(await readdir(join(app, 'node_modules'))).toEqual(['@fontsource']);
  });
});
