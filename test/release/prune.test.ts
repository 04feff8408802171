/**
 * release/prune.ts on a small installed tree made of real files: what the
 * offline bundle never uses goes (unused font weights, .bin shims, type
 * declarations), everything a running jianbao loads stays.
 */
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prune } from '../../release/prune.ts';
import { tempDir } from '../helpers/index.ts';

async function write(file: string, text: string): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, text);
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('prune', () => {
  it('removes unused font files, .bin shims and type declarations, but not those Astro and TypeScript read, nor any code', async () => {
    const app = join(await tempDir('jianbao-prune-'), '离线 版', 'app');
    const modules = join(app, 'node_modules');
    await write(join(app, 'src/styles/fonts.css'), "@import '@fontsource/noto-sans-sc/400.css';\n");
    await write(join(modules, '@fontsource/noto-sans-sc/400.css'), "src: url(./files/sc-400.woff2) format('woff2');\n");
    await write(join(modules, '@fontsource/noto-sans-sc/files/sc-400.woff2'), 'kept');
    await write(join(modules, '@fontsource/noto-sans-sc/files/sc-900.woff2'), 'unused weight');
    await write(join(modules, 'astro/package.json'), '{"name":"astro","types":"./index.d.ts"}');
    await write(join(modules, 'astro/index.js'), 'export {};');
    await write(join(modules, 'astro/index.d.ts'), 'export {};');
    await write(join(modules, 'astro/templates/content/types.d.ts'), 'declare module "astro:content" {}');
    await write(join(modules, 'astro-icon/client.d.ts'), 'declare module "*.css";');
    await write(join(modules, 'astro-icon/index.js'), 'export {};');
    await write(join(modules, 'zod/index.cjs'), 'module.exports = {};');
    await write(join(modules, 'zod/index.d.cts'), 'export {};');
    await write(join(modules, 'zod/index.d.mts'), 'export {};');
    await write(join(modules, 'zod/index.js.map'), '{}');
    await write(join(modules, 'typescript/lib/typescript.js'), 'module.exports = {};');
    await write(join(modules, 'typescript/lib/lib.es2022.d.ts'), 'interface Array<T> {}');
    await write(join(modules, 'vite/node_modules/typescript/lib/lib.dom.d.ts'), 'interface Window {}');
    await write(join(modules, 'vite/node_modules/rollup/dist/rollup.d.ts'), 'export {};');
    await write(join(modules, 'zod/typescript/index.d.ts'), 'export {};');
    await mkdir(join(modules, '.bin'));
    await symlink('../astro/index.js', join(modules, '.bin/astro'));

    const result = await prune(app, join(app, 'src'));

    expect(result.keptFonts).toBe(1);
    expect(await filesUnder(modules)).toEqual([
      '@fontsource/noto-sans-sc/400.css',
      '@fontsource/noto-sans-sc/files/sc-400.woff2',
      'astro-icon/index.js',
      'astro/index.d.ts',
      'astro/index.js',
      'astro/package.json',
      'astro/templates/content/types.d.ts',
      'typescript/lib/lib.es2022.d.ts',
      'typescript/lib/typescript.js',
      'vite/node_modules/typescript/lib/lib.dom.d.ts',
      'zod/index.cjs',
      'zod/index.js.map',
    ]);
    const removed = [
      'unused weight',
      'export {};',
      'declare module "*.css";',
      'export {};',
      'export {};',
      'export {};',
    ];
    expect(result.removedBytes).toBe(Buffer.byteLength(removed.join('')));
  });
});
