/**
 * `jianbao build`: check → Astro → Pagefind (→ PDFs) in a scratch folder next
 * to the output, then swap the result into place. Any failure leaves the
 * previous output exactly as it was.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, compileSite, type CompiledSite, type Diagnostic } from '../core/index.ts';
import { invalidateSite, provideSite } from '../site/data.ts';
import { withAstroEnv } from './astro-env.ts';
import { withBuildLock } from './lock.ts';
import { copyMedia, MediaError } from './media.ts';

/** The jianbao package: Astro's root (pages, layouts, astro.config.mjs). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuildOptions {
  contentDir: string;
  /** Where the finished site goes, e.g. `<cwd>/dist`. */
  outDir: string;
  /** Progress lines, Chinese. */
  log?: (line: string) => void;
  /**
   * Extra work on the finished site before it is swapped into place (PDFs):
   * throwing here fails the build like any other step.
   */
  afterSite?: (context: { siteDir: string; site: CompiledSite }) => Promise<void>;
}

export type BuildResult =
  | { ok: true; site: CompiledSite; diagnostics: Diagnostic[]; pages: number; seconds: number }
  /** `check` found errors: nothing was built. */
  | { ok: false; reason: 'content'; diagnostics: Diagnostic[] };

/** A step failed after the check; the message is Chinese, the cause kept for our bugs. */
export class BuildError extends Error {}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);

  const checked = await checkContent(contentDir);
  if (checked.errors > 0) return { ok: false, reason: 'content', diagnostics: checked.diagnostics };
  const site = compileSite(checked.content, checked.registry);
  log(`检查通过：${site.issues.length} 期，${site.issues.reduce((sum, issue) => sum + issue.entries.length, 0)} 篇稿件`);

  // Astro's server chunks must resolve packages from jianbao's node_modules, so
  // the site is built inside the package (.jianbao/, ignored by git), then
  // staged next to the output and swapped in with a rename.
  const work = await mkdtemp(join(await scratchRoot(), 'build-'));
  const siteDir = join(work, 'site');
  let staged: string | undefined;
  try {
    provideSite(contentDir, site);
    await withBuildLock(dirname(work), () => runAstro({ contentDir, siteDir, base: site.base, cacheDir: join(work, 'cache') }), () =>
      log('另一个生成任务正在运行，等待其完成……'),
    );
    await copyMedia(site, contentDir, siteDir).catch((error: unknown) => {
      throw error instanceof MediaError ? new BuildError(error.message, { cause: error }) : error;
    });
    const pages = await runPagefind(siteDir);
    log(`页面已生成，全文检索已建立索引（${pages} 个页面）`);
    if (options.afterSite) await options.afterSite({ siteDir, site });
    await mkdir(dirname(outDir), { recursive: true });
    staged = await mkdtemp(join(dirname(outDir), `.${basename(outDir)}-jianbao-`));
    await moveAcross(siteDir, join(staged, 'site'));
    await swapInto(join(staged, 'site'), outDir, join(staged, 'previous'));
    return { ok: true, site, diagnostics: checked.diagnostics, pages, seconds: (performance.now() - started) / 1000 };
  } finally {
    invalidateSite();
    await rm(work, { recursive: true, force: true });
    if (staged) await rm(staged, { recursive: true, force: true });
  }
}

/** `<package>/.jianbao/`: scratch folders of running builds. */
async function scratchRoot(): Promise<string> {
  const dir = join(PACKAGE_ROOT, '.jianbao');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Rename, or copy when the output is on another file system. */
async function moveAcross(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}

async function runAstro(options: { contentDir: string; siteDir: string; base: string; cacheDir: string }): Promise<void> {
  const { build } = await import('astro');
  try {
    await withAstroEnv(options.contentDir, PACKAGE_ROOT, () =>
      build({
        root: PACKAGE_ROOT,
        outDir: options.siteDir,
        cacheDir: options.cacheDir,
        base: options.base,
        logLevel: 'error',
        vite: { logLevel: 'error', clearScreen: false },
      }),
    );
  } catch (error) {
    throw new BuildError(`生成页面失败：${(error as Error).message}`, { cause: error });
  }
}

/** Index every issue page for search, Chinese forced (Pagefind segments Chinese words). */
async function runPagefind(siteDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new BuildError(`建立全文检索失败：${errors.join('；')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new BuildError(`建立全文检索失败：${added.errors.join('；')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw new BuildError(`写入全文检索索引失败：${written.errors.join('；')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/**
 * Put `from` where `to` is. The old `to` is moved aside first and restored if
 * the second rename fails, so `to` is always either the old or the new site.
 */
export async function swapInto(from: string, to: string, aside: string): Promise<void> {
  const hadPrevious = existsSync(to);
  if (hadPrevious) await rename(to, aside);
  try {
    await rename(from, to);
  } catch (error) {
    if (hadPrevious) await rename(aside, to);
    throw error;
  }
}
