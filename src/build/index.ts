/**
 * `jianbao build`: check → Astro → Pagefind (→ PDFs) in a scratch folder next
 * to the output, then swap the result into place. Any failure leaves the
 * previous output exactly as it was.
 *
 * The check and the compile run in a worker thread (compile-job.ts) while
 * this thread loads Astro and bundles the pages. Issue pages and print pages
 * whose inputs did not change since an earlier build are copied from the
 * render cache (render-cache.ts, keyed by page-keys.ts) instead of being
 * rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CompiledSite, Diagnostic } from '../core/index.ts';
import { LEDGER_FILE, PACKAGE_ROOT } from '../core/index.ts';
import { ASSETS_DIR, issuePagePath } from '../site/routes.ts';
import { withAstroEnv } from './astro-env.ts';
import { CompileContentError, startCompile, type Compiled } from './compile-job.ts';
import { MarkdownCache } from './markdown-cache.ts';
import { describeFault } from './faults.ts';
import { withBuildLock } from './lock.ts';
import {
  claim,
  moveAcross,
  recoverOutput,
  removeOrphanedScratch,
  STAGED_PREVIOUS,
  STAGED_SITE,
  stagingPrefix,
  swapInto,
} from './output.ts';
import { eachConcurrently } from './concurrently.ts';
import { copyMedia, MediaError } from './media.ts';
import { linkPdfs } from './link-pdfs.ts';
import { keepPdfs, stillMissing, type DroppedPdf } from './keep-pdfs.ts';
import { assertReplaceableOutput, OutputDirError, SITE_MARKER, siteMarkerText } from './output-dir.ts';
import { attachPageKeys, rendererDigest, type IssuePageKey, type PlainPageKeys } from './page-keys.ts';
import { RenderCache } from './render-cache.ts';
import { buildSearchIndex } from './search-index.ts';
import { SiteHandoff, siteModule, type CachedPages, type SiteModuleData } from './site-module.ts';
import type { DocxStore } from '../docx/render.ts';
import type { PdfStore } from '../pdf/render.ts';
import { UserError } from '../core/index.ts';

/** The PDFs kept in the render cache and the renderer's digest, for `renderPdfs`. */
export type PdfCacheOption = { store: PdfStore; salt: string };
/** The .docx files kept in the render cache and the renderer's digest, for `renderDocxs`. */
export type DocxCacheOption = { store: DocxStore; salt: string };

/** The jianbao package: Astro's root (pages, layouts, astro.config.mjs). */
export { PACKAGE_ROOT };
/** The file that marks a folder as a site jianbao built. */
export { SITE_MARKER };

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
  afterSite?: (context: {
    siteDir: string;
    site: CompiledSite;
    pdfCache: PdfCacheOption | undefined;
    docxCache: DocxCacheOption | undefined;
  }) => Promise<void>;
  /** The files written next to each issue page (by `afterSite`), which the issue pages link. */
  downloads?: { pdf: boolean; docx: boolean };
  /** Reuse issue pages rendered by earlier builds (default); `false` renders every page. */
  cache?: boolean;
  /** Include draft issues (`build --drafts`, with the draft banner); default: leave them out of the site. */
  drafts?: boolean;
  /** The jianbao package whose pages are built (default: this one; tests build with a changed copy). */
  packageRoot?: string;
}

export type BuildResult =
  /** `draftsLeftOut`: the draft issues not in the site (`2024-8` or `zhuanbao/2024-8`). */
  | {
      ok: true;
      diagnostics: Diagnostic[];
      pages: number;
      seconds: number;
      draftsLeftOut: string[];
      /** PDFs of the previous output: how many were carried over unchanged, and those the new site lacks. */
      pdfs: { kept: number; dropped: DroppedPdf[] };
      /** The output folder already held this very site, untouched, and was left as it was. */
      unchanged?: true;
    }
  /** `check` found errors: nothing was built. */
  | { ok: false; reason: 'content'; diagnostics: Diagnostic[] };

/** A step failed after the check; the message is Chinese, the cause kept for our bugs. */
export class BuildError extends UserError {}

/**
 * Build the site. A fault of the machine (a read-only or full disk, a folder
 * in use) or content changed during the build is a BuildError naming the
 * path and the cause; the previous output stays.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  try {
    return await buildSiteSteps(options);
  } catch (error) {
    if (error instanceof BuildError) throw error;
    if (error instanceof CompileContentError) throw new BuildError(error.message, { cause: error });
    const fault = describeFault(error);
    if (fault) throw new BuildError(fault, { cause: error });
    throw error;
  }
}

async function buildSiteSteps(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  const packageRoot = resolve(options.packageRoot ?? PACKAGE_ROOT);
  // Before any work: the output folder is replaced at the end, so it must be one a build may replace.
  await assertReplaceableOutput({ outDir, contentDir, packageRoot }).catch((error: unknown) => {
    throw error instanceof OutputDirError ? new BuildError(error.message, { cause: error }) : error;
  });

  // What killed builds left: their scratch folders, and an output caught between the two renames of the swap.
  const recovered = await recoverOutput(outDir);
  if (recovered) log(recovered);
  await removeOrphanedScratch(await scratchRoot(packageRoot));

  const step = stopwatch();
  // The render cache: entry Markdown rendered and issue pages built by earlier builds.
  const renderer = options.cache === false ? undefined : await rendererDigest(packageRoot);
  const cache = renderer
    ? await RenderCache.open(join(await scratchRoot(packageRoot), 'cache'), contentDir)
    : undefined;
  const job = startCompile({
    contentDir,
    drafts: options.drafts === true,
    ...(options.downloads ? { downloads: options.downloads } : {}),
    ...(cache && renderer ? { cache: { dir: cache.dir, renderer } } : {}),
  });
  // Whatever fails from here on, the worker must not wait for a request that never comes.
  try {
    // The archive's ledger: changed since the last build that ran Astro, the site has too (site-snapshot.ts).
    const ledger = await ledgerDigest(contentDir);
    // Meanwhile, on this thread: load Astro (its module loading is a large part of a build). Not awaited:
    // a build that reuses the last site (site-snapshot.ts) does not need it — and when that is likely (a
    // snapshot kept, no issue published since), not loaded at all: its 2–3 s of CPU would slow the check
    // and the compile running beside it.
    if (!(await likelySameSite(cache, ledger))) import('astro').catch(() => undefined);
    const checked = await job.checked;
    if (checked.errors > 0) {
      await job.stop();
      return { ok: false, reason: 'content', diagnostics: checked.diagnostics };
    }
    log(`检查通过（用时 ${checked.seconds.toFixed(1)} 秒）`);
    step();
    job.compiled.then(
      ({ issues, entries, seconds }) => log(`已编译 ${issues} 期、${entries} 篇稿件（用时 ${seconds.toFixed(1)} 秒）`),
      () => undefined,
    );

    // Astro's server chunks must resolve packages from jianbao's node_modules, so
    // the site is built inside the package (.jianbao/, ignored by git), then
    // staged next to the output and swapped in with a rename.
    const work = await mkdtemp(join(await scratchRoot(packageRoot), 'build-'));
    await claim(work);
    const siteDir = join(work, 'site');
    let staged: string | undefined;
    // What the output folder holds, as the last build left it: the same site, untouched, is left as it is.
    // Not with extra work on the site (PDFs, Word files), which the recorded output may lack.
    const manifest = cache && !options.afterSite ? cache.outputManifest() : undefined;
    try {
      // The lock also covers the render cache, which builds of one content directory share.
      const built = await withBuildLock(
        dirname(work),
        async () => {
          const rendered = await renderPages({
            packageRoot,
            siteDir,
            work,
            base: checked.base,
            compiled: job.compiled,
            keys: job.keys,
            ledger,
            cacheDir: join(work, 'cache'),
            cache: cache && renderer ? { pages: cache, renderer } : undefined,
            unchanged: manifest ? (siteKey) => manifest.unchanged(outDir, siteKey) : undefined,
            log,
          });
          if (rendered.unchanged) {
            log(
              `页面无需重新生成（站点与上次生成时相同，输出目录也没有改动，未运行 Astro，保留原样；用时 ${step()} 秒）`,
            );
            return rendered;
          }
          const from = rendered.wholeSite ? '站点与上次生成时相同，未运行 Astro，全部页面取自缓存，' : '';
          log(
            `页面已生成（${from}${rendered.reused ? `其中 ${rendered.reused} 个期刊页取自缓存，` : ''}用时 ${step()} 秒）`,
          );
          let search: { years: number; reused: number };
          try {
            // Media and the search index are added beside Astro's output while it is being kept (renderPages).
            await copyMedia(rendered.site, contentDir, siteDir).catch((error: unknown) => {
              throw error instanceof MediaError ? new BuildError(error.message, { cause: error }) : error;
            });
            search = await buildSearchIndex({
              siteDir,
              site: rendered.site,
              ...(cache && rendered.keys ? { cache: { store: cache.searchBundles(), pages: rendered.keys } } : {}),
              fail: (message) => new BuildError(message),
            });
          } catch (error) {
            await rendered.snapshot?.catch(() => undefined); // still reading the scratch folder: let it finish
            throw error;
          }
          // Whole before anything rewrites Astro's output (the PDF links) or removes the scratch folder.
          await rendered.snapshot;
          const years =
            search.years > 1
              ? `${search.years} 个年度${search.reused ? `，其中 ${search.reused} 个取自缓存` : ''}；`
              : '';
          log(`全文检索已建立索引（${years}用时 ${step()} 秒）`);
          return rendered;
        },
        () => log('另一个生成任务正在运行，等待其完成……'),
      );
      if (built.unchanged) {
        const { draftsLeftOut } = await job.compiled;
        return {
          ok: true,
          diagnostics: checked.diagnostics,
          pages: built.unchanged.pages,
          seconds: (performance.now() - started) / 1000,
          draftsLeftOut,
          pdfs: { kept: built.unchanged.pdfs, dropped: [] },
          unchanged: true,
        };
      }
      const { site, siteKey } = built;
      const pages = await countPages(siteDir);
      // PDFs printed earlier whose print page did not change stay; the rest are reported, never silently lost.
      const pdfs = await keepPdfs(outDir, siteDir, site);
      await writeFile(join(siteDir, SITE_MARKER), siteMarkerText(await packageVersion(packageRoot)));
      if (options.afterSite) {
        await options.afterSite({
          siteDir,
          site,
          pdfCache: cache && renderer ? { store: cache.pdfs(), salt: renderer } : undefined,
          docxCache: cache && renderer ? { store: cache.docxs(), salt: renderer } : undefined,
        });
      }
      const missing = stillMissing(pdfs.dropped, siteDir);
      await linkPdfs(siteDir, site);
      if (manifest && siteKey) await manifest.record(siteDir, outDir, siteKey);
      else await cache?.outputManifest().forget();
      await mkdir(dirname(outDir), { recursive: true });
      staged = await mkdtemp(join(dirname(outDir), stagingPrefix(outDir)));
      await claim(staged);
      await moveAcross(siteDir, join(staged, STAGED_SITE));
      await swapInto(join(staged, STAGED_SITE), outDir, join(staged, STAGED_PREVIOUS));
      const { draftsLeftOut } = await job.compiled;
      return {
        ok: true,
        diagnostics: checked.diagnostics,
        pages,
        seconds: (performance.now() - started) / 1000,
        draftsLeftOut,
        pdfs: { kept: pdfs.kept.length, dropped: missing },
      };
    } finally {
      job.release(); // the site was asked for, or is not needed: the worker saves the check cache and ends
      // The scratch folder and the old site go while the worker writes its cache.
      await Promise.all([
        rm(work, { recursive: true, force: true }),
        staged ? rm(staged, { recursive: true, force: true }) : undefined,
        job.done,
      ]);
    }
  } catch (error) {
    job.release();
    throw error;
  }
}

/**
 * Astro renders the pages the render cache lacks; the others are copied from
 * it; the newly rendered issue pages are kept for the next build. Astro
 * starts bundling while the site is still being compiled; its pages wait for
 * it. When the compiled site and the renderer are those of the last build
 * (site-snapshot.ts), Astro does not run: its last output is copied.
 */
async function renderPages(options: {
  packageRoot: string;
  siteDir: string;
  /** The build's scratch folder (for the site handoff). */
  work: string;
  base: string;
  compiled: Promise<Compiled>;
  /** The page keys, from the compile worker (awaited only with a cache). */
  keys: Promise<PlainPageKeys>;
  /** The digest of the archive's ledger (`ledgerDigest`). */
  ledger: string;
  cacheDir: string;
  /** The render cache and the renderer's digest; none: render every page. */
  cache: { pages: RenderCache; renderer: string } | undefined;
  /** Whether the output folder holds this site as the last build left it (output-manifest.ts). */
  unchanged: ((siteKey: string) => Promise<KeptOutput | undefined>) | undefined;
  log: (line: string) => void;
}): Promise<RenderedPages> {
  const { packageRoot, siteDir } = options;
  const astro = (data: () => Promise<SiteModuleData>) =>
    runAstro({ packageRoot, siteDir, base: options.base, cacheDir: options.cacheDir, site: data });
  const cache = options.cache?.pages;
  await cache?.scan();
  // The site is asked of the compile worker only once it is known to be needed (compile-job.ts).
  let site: Promise<CompiledSite> | undefined;
  const siteOf = () => (site ??= handled(options.compiled.then((job) => job.site())));
  // Whether every page is cached is known from the keys alone, before the site is fetched.
  const keyed = handled(
    options.compiled.then(async () => {
      const plain = options.cache ? await options.keys : { pages: [], site: '' };
      return { siteKey: plain.site, allCached: plain.pages.every((key) => cache?.has(key)), plain };
    }),
  );
  type Plan = { keys: IssuePageKey[]; siteKey: string; reused: IssuePageKey[] };
  let plan: Promise<Plan> | undefined;
  const planOf = () =>
    (plan ??= handled(
      keyed.then(async ({ siteKey, plain }) => {
        const keys = options.cache ? attachPageKeys(await siteOf(), plain).pages : [];
        return { keys, siteKey, reused: keys.filter(({ key }) => cache?.has(key)) };
      }),
    ));
  // The pages get the site this thread holds (site-module.ts), not a second deserialisation of it.
  const handoff = await SiteHandoff.open(options.work);
  const siteData = async (cached?: CachedPages): Promise<SiteModuleData> => {
    handoff.give(await siteOf());
    return { file: undefined, handoff: handoff.file, ...(cached ? { cached } : {}) };
  };
  const snapshots = cache?.siteSnapshots();
  // A snapshot to compare with: wait for the compile — unless there is none (a cold build) or an issue was
  // published or corrected since it was kept (the site changed): then Astro starts bundling at once.
  const kept = snapshots !== undefined && (await snapshots.any());
  const wholeSite =
    kept &&
    !(await snapshots.ledgerChanged(options.ledger)) &&
    snapshots.has((await keyed).siteKey) &&
    (await keyed).allCached;
  if (wholeSite) {
    const { siteKey, plain } = await keyed;
    const unchanged = await options.unchanged?.(siteKey);
    if (unchanged) {
      handoff.close();
      return { site: undefined, reused: plain.pages.length, keys: undefined, wholeSite, siteKey, unchanged };
    }
  }
  void siteOf(); // needed from here on: ask for it now
  try {
    if (wholeSite) await snapshots.restore((await planOf()).siteKey, siteDir);
    else {
      try {
        await astro(async () => siteData(cachedPages((await planOf()).reused)));
      } catch (error) {
        await siteOf(); // a failed compile is the cause: report that
        throw error;
      }
    }
  } finally {
    handoff.close();
  }
  const compiled = await siteOf();
  const { keys, reused, siteKey } = await planOf();
  let rendered = !wholeSite;
  if (reused.length > 0 && !(await restorePages(reused, cache!, siteDir, compiled.base))) {
    // A reused page links to an asset this build does not have: the renderer
    // changed in a way its digest missed. Render everything instead.
    options.log('缓存的页面与本次生成的样式文件不一致，重新生成全部页面……');
    await rm(siteDir, { recursive: true, force: true });
    try {
      await astro(() => siteData());
    } finally {
      handoff.close();
    }
    reused.length = 0;
    rendered = true;
  }
  if (!cache) return { site: compiled, reused: 0, keys: undefined, wholeSite: false, siteKey: undefined };
  const fresh = new Set(reused);
  for (const page of keys) {
    if (!fresh.has(page)) await cache.store(page.key, pageFile(siteDir, page));
  }
  await cache.prune(new Set(keys.map(({ key }) => key)));
  await RenderCache.pruneOrphans(dirname(cache.dir));
  // Astro's output as it is now; copied into the cache while the search index is built beside it. Nothing
  // that can fail comes between this and the caller's wait for it (the scratch folder must outlive the copy).
  const snapshot = rendered
    ? (await snapshots!.keep(siteKey, siteDir, new Set(keys.map((page) => pageFile(siteDir, page))), options.ledger))
        .done
    : undefined;
  return { site: compiled, reused: reused.length, keys, wholeSite: !rendered, siteKey, snapshot };
}

/** The output folder left as it was: how many pages and PDFs it has. */
interface KeptOutput {
  pages: number;
  pdfs: number;
}

type RenderedPages = {
  reused: number;
  /** Astro did not run: the last output was copied, or left where it is (`unchanged`). */
  wholeSite: boolean;
  /** The key of the whole site (page-keys.ts); none without a render cache. */
  siteKey: string | undefined;
  /** Astro's output being kept as the site snapshot (site-snapshot.ts); settled before the site's files change. */
  snapshot?: Promise<void>;
} & (
  | { site: CompiledSite; keys: IssuePageKey[] | undefined; unchanged?: undefined }
  /** The output folder already holds this site, untouched: nothing was written, the site not even deserialised. */
  | { site: undefined; keys: undefined; unchanged: KeptOutput }
);

/** The same promise, its rejection marked as handled (it is awaited later, or Astro's failure is reported instead). */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Seconds since the last call (or since it was made), one decimal, for the progress lines. */
function stopwatch(): () => string {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = ((now - last) / 1000).toFixed(1);
    last = now;
    return seconds;
  };
}

function cachedPages(reused: readonly IssuePageKey[]): CachedPages {
  const keysOf = (kind: IssuePageKey['kind']) =>
    reused.filter((page) => page.kind === kind).map((page) => page.issue.key);
  return { issue: keysOf('issue'), print: keysOf('print') };
}

function pageFile(siteDir: string, page: IssuePageKey): string {
  return join(siteDir, issuePagePath(page.kind, page.issue), 'index.html');
}

/**
 * Copy the reused pages into the new site. False when one of them links to an
 * asset (`<base>_astro/…`, named by content hash) this build did not write.
 */
async function restorePages(
  pages: readonly IssuePageKey[],
  cache: RenderCache,
  siteDir: string,
  base: string,
): Promise<boolean> {
  const assets = new Set<string>();
  const pattern = new RegExp(`${escapeRegExp(base)}(${ASSETS_DIR}/[^"'\\s)<>]+)`, 'g');
  await eachConcurrently(pages, async (page) => {
    const html = await cache.restore(page.key, pageFile(siteDir, page));
    for (const match of html.matchAll(pattern)) assets.add(match[1]!);
  });
  return [...assets].every((asset) => existsSync(join(siteDir, asset)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the site is likely the one of the last build: a snapshot is kept and the ledger is the same (site-snapshot.ts). */
async function likelySameSite(cache: RenderCache | undefined, ledger: string): Promise<boolean> {
  const snapshots = cache?.siteSnapshots();
  return snapshots !== undefined && (await snapshots.any()) && !(await snapshots.ledgerChanged(ledger));
}

/** sha256 of the archive's ledger, hex (empty: none). */
async function ledgerDigest(contentDir: string): Promise<string> {
  const text = await readFile(join(contentDir, LEDGER_FILE)).catch(() => undefined);
  return text ? createHash('sha256').update(text).digest('hex') : '';
}

/** How many HTML pages the site has. */
async function countPages(siteDir: string): Promise<number> {
  return (await readdir(siteDir, { recursive: true })).filter((name) => name.endsWith('.html')).length;
}

/**
 * The render cache of a content directory for `jianbao pdf`, which compiles
 * and prints without building: the Markdown cache (save it after compiling)
 * and the PDFs.
 */
export async function openRenderCache(
  contentDir: string,
  packageRoot = PACKAGE_ROOT,
): Promise<{ markdown: MarkdownCache; pdf: PdfCacheOption; docx: DocxCacheOption }> {
  const renderer = await rendererDigest(packageRoot);
  const cache = await RenderCache.open(join(await scratchRoot(packageRoot), 'cache'), resolve(contentDir));
  return {
    markdown: await MarkdownCache.open(cache.dir, renderer),
    pdf: { store: cache.pdfs(), salt: renderer },
    docx: { store: cache.docxs(), salt: renderer },
  };
}

async function packageVersion(packageRoot: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

/** `<package>/.jianbao/`: scratch folders of running builds. */
async function scratchRoot(packageRoot: string): Promise<string> {
  const dir = join(packageRoot, '.jianbao');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Astro builds the pages, the compiled site handed to them through the site module (`site`: what it holds). */
async function runAstro(options: {
  packageRoot: string;
  siteDir: string;
  base: string;
  cacheDir: string;
  site: () => Promise<SiteModuleData>;
}): Promise<void> {
  const { build } = await import('astro');
  try {
    await withAstroEnv(options.packageRoot, () =>
      build({
        root: options.packageRoot,
        outDir: options.siteDir,
        cacheDir: options.cacheDir,
        base: options.base,
        logLevel: 'error',
        vite: { logLevel: 'error', clearScreen: false, plugins: [siteModule(options.site)] },
      }),
    );
  } catch (error) {
    throw new BuildError(`生成页面失败：${(error as Error).message}`, { cause: error });
  }
}

export { swapInto } from './output.ts';
