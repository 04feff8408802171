/**
 * Start the CLI. jianbao is written in TypeScript, which Node 20 cannot run
 * as is. Through tsx's loader hooks, every start transpiles and every module
 * Node loads afterwards (Astro, Vite, Rollup…) makes a round trip to the
 * hooks thread, which costs CPU time on every command and memory on a build.
 * So the CLI runs from a bundle that esbuild makes of src/ into
 * `.jianbao/cli/<digest>/` (once per change of src/ or of the installed
 * packages); where that cannot be done
 * (no esbuild, a read-only package) it runs from the sources through tsx.
 *
 * The bundle includes the small pure-JavaScript libraries the commands use
 * (zod, YAML, the remark/unified family…): resolving and loading their
 * hundred-odd package files on every start was a large share of `check`'s
 * time on a small content directory. Packages that find their own files, binaries or
 * browsers at run time, and the big ones loaded only by some commands, stay
 * in node_modules (EXTERNAL).
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { treeDigest } from '../src/build/digest.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Bundles of older sources are removed once this old (a long-running `jianbao dev` may still load from one). */
const KEEP_MS = 24 * 3600 * 1000;
/** Loaded from node_modules at run time, never bundled. */
const EXTERNAL = [
  'astro',
  'astro/*',
  'vite',
  'pagefind',
  'playwright-core',
  'esbuild',
  'tsx',
  'tsx/*',
  '@observablehq/plot',
  'opencc-js',
  'pinyin-pro',
  'mammoth',
  'linkedom',
  '@inquirer/prompts',
];

/** Where the bundles of the package at `root` live. */
export function bundlesDir(root = ROOT) {
  return join(root, '.jianbao', 'cli');
}

/**
 * What the bundle is made from, relative to the package: the manifest, the
 * lock files that name the installed packages (the package's own, npm's
 * record of its node_modules, or of the node_modules it is installed in),
 * and src/.
 */
const MADE_FROM = [
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
  '../.package-lock.json',
  'src',
];

/**
 * Digest of everything the bundle of the package at `root` is made from.
 * treeDigest names the files relative to `root` with `/`, so a package
 * copied elsewhere, or unzipped on Windows (the offline bundle ships its CLI
 * prebuilt), finds the bundle made for it.
 */
export function sourcesDigest(root = ROOT) {
  return treeDigest(root, MADE_FROM).slice(0, 16);
}

/**
 * Bundle src/cli/run.ts and the worker threads (build, file reader) of the
 * package at `root` into `dir`, atomically; the entries and their chunks side
 * by side. esbuild is the one installed with this file (the offline bundle
 * for Windows is prebuilt on Linux with it).
 */
export async function bundleCli(root, dir) {
  const { build } = await import('esbuild');
  const bundles = dirname(dir);
  mkdirSync(bundles, { recursive: true });
  const partial = `${dir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  await build({
    entryPoints: [
      join(root, 'src/cli/run.ts'),
      join(root, 'src/build/compile-worker.ts'),
      join(root, 'src/core/source/read-worker.ts'),
    ],
    entryNames: '[name]',
    outdir: partial,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS libraries in the bundle call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __jianbaoRequire } from 'node:module'; const require = __jianbaoRequire(import.meta.url);",
    },
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
  for (const name of readdirSync(bundles)) {
    const other = join(bundles, name);
    if (other !== dir && Date.now() - statSync(other).mtimeMs > KEEP_MS)
      rmSync(other, { recursive: true, force: true });
  }
}

/** Whether tsx can keep its cache (`tsx-<uid>` in the temporary folder). */
function tsxCacheWritable() {
  const dir = join(tmpdir(), `tsx-${process.getuid?.() ?? ''}`);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Run the CLI with the process's arguments; resolves to the exit code. */
export async function launch() {
  let entry;
  try {
    const dir = join(bundlesDir(), sourcesDigest());
    if (!existsSync(join(dir, 'run.js'))) await bundleCli(ROOT, dir);
    entry = join(dir, 'run.js');
  } catch {
    // tsx caches what it transpiles in the temporary folder; where it cannot write there, it must not try.
    if (!tsxCacheWritable()) process.env.TSX_DISABLE_CACHE = '1';
    const { register } = await import('tsx/esm/api');
    register();
    entry = join(ROOT, 'src', 'cli/run.ts');
  }
  const { run } = await import(pathToFileURL(entry).href);
  return run();
}
