/**
 * The whole of Astro's output, kept for the next build: when the compiled
 * site the pages are built from is the very same (byte for byte, as the
 * compile worker serialised it) and so is the renderer, every page Astro
 * would write is the page it wrote last time, so the build copies them and
 * does not start Astro at all (its bundling is a fixed cost of 13–15 s
 * however little changed).
 *
 * That is the weekly build: the clerk edits entries of the draft issue or
 * adds the next draft, and `build` leaves drafts out of the site, so the
 * site does not change until the issue is published.
 *
 * The key (page-keys.ts `pageKeys`) is everything the pages are rendered
 * from: the renderer's digest (jianbao's sources, `public/`, Astro's config,
 * the package versions) and the whole compiled site (every issue, archive,
 * stat and setting, the downloads the pages link) — nothing else reaches a
 * page (site-module.ts is their only way to the content). The snapshot leaves
 * out the issue and print pages, which the page cache holds under their own
 * keys: they are restored from there, with the check that every asset they
 * link is in the snapshot.
 *
 * Whether the site changed is known only once the site is compiled, so a
 * build with a snapshot starts Astro only then — unless the archive's ledger
 * (published/ledger.json, which `jianbao publish` writes for every issue
 * published or corrected) differs from the ledger of the build that kept the
 * snapshot: then the site has almost surely changed, and Astro starts
 * bundling at once, while the content is still being compiled. The ledger is
 * only that hint: whether the snapshot is used is still decided by its key.
 */
import { readFile } from 'node:fs/promises';
import { writeAtomic } from '../core/index.ts';
import { copyTree, listTree } from './copy-tree.ts';
import type { KeyedStore } from './keyed-store.ts';

export class SiteSnapshots {
  constructor(
    private readonly store: KeyedStore,
    /** The digest of the ledger of the build that kept the snapshot. */
    private readonly ledgerFile: string,
  ) {}

  /** Whether the ledger (its digest) differs from the one of the build that kept the snapshot; false when unknown. */
  async ledgerChanged(ledger: string): Promise<boolean> {
    const kept = await readFile(this.ledgerFile, 'utf8').catch(() => undefined);
    return kept !== undefined && kept !== ledger;
  }

  /** Whether any snapshot is kept (none: a cold build, Astro need not wait for the compile to decide). */
  async any(): Promise<boolean> {
    return (await this.store.scan()).size > 0;
  }

  has(key: string): boolean {
    return this.store.has(key);
  }

  /** Copy the snapshot of `key` into `siteDir` (without the issue pages: the page cache restores those). */
  async restore(key: string, siteDir: string): Promise<void> {
    await copyTree(this.store.path(key), siteDir);
  }

  /**
   * Keep Astro's output in `siteDir` under `key`, less the files in `leaveOut` (absolute paths), with the
   * digest of the ledger it was built with; drop every other snapshot. The files kept are those `siteDir`
   * holds when this returns; they are copied while the build goes on (Pagefind, media), and `done` settles
   * once the snapshot is whole. The files listed must not change before then.
   */
  async keep(
    key: string,
    siteDir: string,
    leaveOut: ReadonlySet<string>,
    ledger: string,
  ): Promise<{ done: Promise<void> }> {
    const listing = await listTree(siteDir, { filter: (source) => !leaveOut.has(source) });
    const done = (async () => {
      await this.store.keepDirectory(key, (dir) => listing.copyTo(dir));
      await this.store.prune(new Set([key]));
      await writeAtomic(this.ledgerFile, ledger);
    })();
    done.catch(() => undefined); // awaited by the caller
    return { done };
  }

  /** Drop every snapshot (a build that did not keep one). */
  async clear(): Promise<void> {
    await this.store.prune(new Set());
  }
}
