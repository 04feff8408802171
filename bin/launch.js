/**
 * Start the CLI. jianbao is written in TypeScript, which Node 20 cannot run
 * as is. Through tsx's loader hooks, every start transpiles and every module
 * Node loads afterwards (Astro, Vite, Rollup…) makes a round trip to the
 * hooks thread: measured, about 0.8 s more CPU for `check` and 2.5 s more
 * CPU and 280 MB more memory for a build. So the CLI runs from a bundle that
 * esbuild makes of src/ into `.jianbao/cli/<digest of src/>/` (about 0.3 s,
 * once per change of src/); where that cannot be done (no esbuild, a
 * read-only package) it runs from the sources through tsx.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'src');
const BUNDLES = join(ROOT, '.jianbao', 'cli');
/** Bundles of older sources are removed once this old (a long-running `jianbao dev` may still load from one). */
const KEEP_MS = 24 * 3600 * 1000;

/** Digest of everything the bundle is made from. */
function sourcesDigest() {
  const hash = createHash('sha256').update(readFileSync(join(ROOT, 'package.json')));
  const files = readdirSync(SOURCES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundle src/cli/run.ts and the build's worker thread (dependencies stay in
 * node_modules) into `dir`, atomically; both entries and their chunks side by side.
 */
async function bundle(dir) {
  const { build } = await import('esbuild');
  mkdirSync(BUNDLES, { recursive: true });
  const partial = `${dir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  await build({
    entryPoints: [join(SOURCES, 'cli/run.ts'), join(SOURCES, 'build/compile-worker.ts')],
    entryNames: '[name]',
    outdir: partial,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  try {
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // Another process made the same bundle first.
    if (!existsSync(join(dir, 'run.js'))) throw error;
  }
  for (const name of readdirSync(BUNDLES)) {
    const other = join(BUNDLES, name);
    if (other !== dir && Date.now() - statSync(other).mtimeMs > KEEP_MS) rmSync(other, { recursive: true, force: true });
  }
}

/** Run the CLI with the process's arguments; resolves to the exit code. */
export async function launch() {
  let entry;
  try {
    const dir = join(BUNDLES, sourcesDigest());
    if (!existsSync(join(dir, 'run.js'))) await bundle(dir);
    entry = join(dir, 'run.js');
    // Stack traces of our own bugs then name src/ files and lines.
    process.setSourceMapsEnabled(true);
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    entry = join(SOURCES, 'cli/run.ts');
  }
  const { run } = await import(pathToFileURL(entry).href);
  return run();
}
