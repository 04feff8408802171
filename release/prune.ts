/**
 * What the installed tree carries that the bundle never uses, removed:
 * - font files of weights jianbao does not import: @fontsource ships every
 *   weight of Noto Sans/Serif SC (160 MB of woff/woff2 that do not compress);
 *   the stylesheets src/ imports name the few that are used, and only the
 *   files those stylesheets point at are kept;
 * - node_modules/.bin: command shims (symlinks, which a zip for Windows
 *   cannot hold); jianbao starts its tools through their packages;
 * - type declarations (`.d.ts`, `.d.mts`, `.d.cts`): only a type checker
 *   reads them, and the bundle runs none (about 6 MB of the zip). Kept in
 *   the packages that read their own at run time: Astro (the template of
 *   the content collection types, templates/content/types.d.ts, read by
 *   every build) and TypeScript, which Astro loads.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

/** `@fontsource/<family>/<file>.css` imports anywhere in `sourcesDir`. */
async function fontStylesheets(sourcesDir: string): Promise<string[]> {
  const found = new Set<string>();
  for (const entry of await readdir(sourcesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(css|astro|ts|mjs|js)$/.test(entry.name)) continue;
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
    for (const match of text.matchAll(/['"](@fontsource\/[^'"]+\.css)['"]/g)) found.add(match[1]!);
  }
  return [...found].sort();
}

export interface PruneResult {
  removedBytes: number;
  keptFonts: number;
}

/** Prune `appDir/node_modules`; `sourcesDir` is the src/ whose imports say which fonts are used. */
export async function prune(appDir: string, sourcesDir: string): Promise<PruneResult> {
  const modules = join(appDir, 'node_modules');
  let removedBytes = 0;
  const remove = async (path: string) => {
    removedBytes += await size(path);
    await rm(path, { recursive: true, force: true });
  };
  const keep = new Map<string, Set<string>>();
  for (const sheet of await fontStylesheets(sourcesDir)) {
    const file = join(modules, sheet);
    const family = dirname(file);
    const kept = keep.get(family) ?? new Set<string>();
    keep.set(family, kept);
    for (const match of (await readFile(file, 'utf8')).matchAll(/url\(\s*['"]?\.\/files\/([^'")]+)['"]?\s*\)/g))
      kept.add(match[1]!);
  }
  let keptFonts = 0;
  for (const [family, kept] of keep) {
    for (const name of await readdir(join(family, 'files'))) {
      if (kept.has(name)) keptFonts += 1;
      else await remove(join(family, 'files', name));
    }
  }
  for (const dir of await binDirs(modules)) await remove(dir);
  for (const file of await typeDeclarations(modules)) await remove(file);
  return { removedBytes, keptFonts };
}

/** Packages that read type declarations of their own at run time. */
const READS_DECLARATIONS = ['astro', 'typescript'];

/** Type declaration files in the tree, but for those of READS_DECLARATIONS (wherever installed). */
async function typeDeclarations(modules: string): Promise<string[]> {
  const entries = await readdir(modules, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.d\.[cm]?ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !READS_DECLARATIONS.some((name) => ownedBy(relative(modules, file), name)));
}

/** Whether `path` (relative to a node_modules folder) lies in an installed package `name`, at any depth. */
function ownedBy(path: string, name: string): boolean {
  const parts = path.split(sep);
  return parts.some((part, index) => part === name && (index === 0 || parts[index - 1] === 'node_modules'));
}

/** Every `.bin` folder in the tree (nested node_modules have their own). */
async function binDirs(modules: string): Promise<string[]> {
  const entries = await readdir(modules, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && entry.name === '.bin' && basename(entry.parentPath) === 'node_modules')
    .map((entry) => join(entry.parentPath, entry.name));
}

async function size(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
