/**
 * The full-text search index: one Pagefind bundle per year of issues
 * (src/site/routes.ts `searchBundlePath`), Chinese forced (Pagefind segments
 * Chinese words). Only the issue pages carry `data-pagefind-body`, so only
 * they are read: print pages and archives would be parsed for nothing.
 *
 * A year's bundle depends on nothing but that year's issue pages, so with the
 * render cache a year whose issue pages all kept their keys gets its bundle
 * copied from the cache: a weekly rebuild indexes only the current year.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompiledSite } from '../core/index.ts';
import { searchBundlePath, searchYears, SEARCH_DIR } from '../site/routes.ts';
import { copyTree } from './copy-tree.ts';
import { digestParts } from './digest.js';
import type { IssuePageKey } from './page-keys.ts';

/** Where bundles built earlier are kept (render-cache.ts). */
export interface SearchBundleStore {
  /** Copy the bundle kept under `key` into `to`; false when none is kept. */
  restore(key: string, to: string): Promise<boolean>;
  keep(key: string, from: string): Promise<void>;
  prune(live: ReadonlySet<string>): Promise<void>;
}

export interface SearchIndexOptions {
  siteDir: string;
  site: CompiledSite;
  /** The render cache's bundles and the keys of this build's issue pages; none: index every year. */
  cache?: { store: SearchBundleStore; pages: readonly IssuePageKey[] };
  /** Thrown for Pagefind's own failures (BuildError). */
  fail: (message: string) => Error;
}

/** Build (or copy) every year's bundle into `<siteDir>/pagefind/`; the number of years taken from the cache. */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<{ years: number; reused: number }> {
  const { siteDir, site, fail } = options;
  const years = searchYears(site.issues);
  const pagefind = await import('pagefind');
  try {
    const index = async (outputPath: string, glob?: string) => {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      if (!index) throw fail(`建立全文检索失败：${errors.join('；')}`);
      const added = await index.addDirectory({ path: siteDir, ...(glob ? { glob } : {}) });
      if (added.errors.length) throw fail(`建立全文检索失败：${added.errors.join('；')}`);
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw fail(`写入全文检索索引失败：${written.errors.join('；')}`);
    };
    if (years.length === 0) {
      // No issue pages: Pagefind indexes whatever pages there are, as it always did.
      await index(join(siteDir, SEARCH_DIR));
      return { years: 0, reused: 0 };
    }
    const newest = years[0]!;
    const live = new Set<string>();
    let reused = 0;
    // The newest year first: its bundle is the folder the older years' bundles go in.
    for (const year of years) {
      const target = join(siteDir, searchBundlePath(year, newest));
      const key = options.cache ? bundleKey(year, options.cache.pages) : undefined;
      if (key) live.add(key);
      if (key && (await options.cache!.store.restore(key, target))) {
        reused++;
        continue;
      }
      // `<series>/<year>/<number>/index.html`: series ids are [a-z0-9-].
      const series = [...new Set(site.issues.filter((issue) => issue.year === year).map((issue) => issue.series.id))];
      await mkdir(target, { recursive: true });
      await index(target, `{${series.join(',')}}/${year}/*/index.html`);
      if (key) await options.cache!.store.keep(key, target);
    }
    await options.cache?.store.prune(live);
    return { years: years.length, reused };
  } catch (error) {
    await rm(join(siteDir, SEARCH_DIR), { recursive: true, force: true });
    throw error;
  } finally {
    await pagefind.close();
  }
}

/** A year's bundle key: the keys of its issue pages (which include the renderer's digest, Pagefind's version among it). */
function bundleKey(year: number, pages: readonly IssuePageKey[]): string {
  const keys = pages
    .filter((page) => page.kind === 'issue' && page.issue.year === year)
    .map((page) => `${page.issue.key}\t${page.key}`)
    .sort();
  return digestParts([String(year), ...keys]);
}

/** Copy a bundle folder, leaving out the older years' bundles nested in the newest one's. */
export async function copyBundle(from: string, to: string): Promise<void> {
  await copyTree(from, to, { filter: (source) => !/[\\/]\d{4}$/.test(source.slice(from.length)) });
}
