/**
 * The render cache: issue pages rendered by earlier builds, each under its
 * key (src/build/page-keys.ts), so a rebuild renders only the pages whose
 * inputs changed and copies the rest; likewise the PDFs (keyed by
 * src/pdf/pdf-key.ts), the Word files (src/docx/docx-key.ts), the yearly search bundles (search-index.ts),
 * Astro's whole output of the last build (site-snapshot.ts), what the output folder holds (output-manifest.ts)
 * and rendered entry Markdown (markdown-cache.ts).
 *
 * Where: `<package>/.jianbao/cache/<content-dir-hash>/`, next to the build's
 * scratch folders. That folder must be writable for any build (Astro builds
 * inside the package), is ignored by git, and keeps the clerk's content
 * folder (a git repository the dev server watches) free of generated files.
 * One folder per content directory; after each build it holds exactly the
 * pages of that build, and folders of content directories that no longer
 * exist are removed, so the cache never grows past one site per content
 * directory.
 *
 * Each kind is a KeyedStore (keyed-store.ts): written atomically, so a page
 * is either whole or absent; keys name the complete inputs, so a page found
 * under its key is never stale.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocxStore } from '../docx/render.ts';
import type { PdfFacts, PdfStore } from '../pdf/render.ts';
import { KeyedStore } from './keyed-store.ts';
import { copyBundle, type SearchBundleStore } from './search-index.ts';
import { OutputManifest } from './output-manifest.ts';
import { SiteSnapshots } from './site-snapshot.ts';

const PAGES = 'pages';
const PDFS = 'pdf';
const DOCXS = 'docx';
const SEARCH = 'search';
const SITE = 'site';
const SITE_LEDGER = 'site-ledger.sha256';
const OUTPUT = 'output.json';
const OWNER = 'owner.json';

export class RenderCache {
  private readonly pages: KeyedStore;

  private constructor(
    /** The folder of this content directory. */
    readonly dir: string,
  ) {
    this.pages = new KeyedStore(join(dir, PAGES), '.html');
  }

  /** The cache of `contentDir` under `root` (`<package>/.jianbao/cache`), created if missing. */
  static async open(root: string, contentDir: string): Promise<RenderCache> {
    // Plain sha256 of the path: the folder name earlier builds used, so no cache is left behind.
    const dir = join(root, createHash('sha256').update(contentDir).digest('hex').slice(0, 16));
    await mkdir(join(dir, PAGES), { recursive: true });
    await writeFile(join(dir, OWNER), `${JSON.stringify({ contentDir })}\n`);
    return new RenderCache(dir);
  }

  /** Look at which pages the cache holds (under the build lock: another build may have pruned it). */
  async scan(): Promise<void> {
    await this.pages.scan();
  }

  has(key: string): boolean {
    return this.pages.has(key);
  }

  /** Copy a cached page to `to`; returns its HTML. */
  async restore(key: string, to: string): Promise<string> {
    const html = await readFile(this.pages.path(key), 'utf8');
    await mkdir(join(to, '..'), { recursive: true });
    await writeFile(to, html);
    return html;
  }

  /** Keep the page rendered at `from` under `key`. */
  async store(key: string, from: string): Promise<void> {
    await this.pages.keepFile(key, from);
  }

  /** Drop every page not in `live` (the pages of the build that just finished). */
  async prune(live: ReadonlySet<string>): Promise<void> {
    await this.pages.prune(live);
  }

  /** PDFs printed by earlier runs: `pdf/<key>.pdf` with its facts in `pdf/<key>.json`, written last (facts present: the PDF is whole). */
  pdfs(): PdfStore {
    const pdfs = new KeyedStore(join(this.dir, PDFS), '.pdf');
    const facts = new KeyedStore(join(this.dir, PDFS), '.json');
    return {
      restore: async (key, to) => {
        const known = await facts.read(key);
        if (!known) return undefined;
        return (await pdfs.restoreFile(key, to)) ? (JSON.parse(known.toString('utf8')) as PdfFacts) : undefined;
      },
      keep: async (key, from, about) => {
        await pdfs.keepFile(key, from);
        await facts.keepData(key, JSON.stringify(about));
      },
      prune: async (live) => {
        await pdfs.prune(live);
        await facts.prune(live);
      },
    };
  }

  /** .docx files written by earlier runs: `docx/<key>.docx`. */
  docxs(): DocxStore {
    const docxs = new KeyedStore(join(this.dir, DOCXS), '.docx');
    return {
      restore: (key, to) => docxs.restoreFile(key, to),
      keep: (key, from) => docxs.keepFile(key, from),
      prune: (live) => docxs.prune(live),
    };
  }

  /** Search bundles of earlier builds, one folder per key: `search/<key>/`. */
  searchBundles(): SearchBundleStore {
    const bundles = new KeyedStore(join(this.dir, SEARCH), '');
    return {
      restore: async (key, to) => {
        if (!existsSync(bundles.path(key))) return false;
        await copyBundle(bundles.path(key), to);
        return true;
      },
      keep: (key, from) => bundles.keepDirectory(key, (dir) => copyBundle(from, dir)),
      prune: (live) => bundles.prune(live),
    };
  }

  /** Astro's whole output of the last build, under the key of what it was rendered from (site-snapshot.ts). */
  siteSnapshots(): SiteSnapshots {
    return new SiteSnapshots(new KeyedStore(join(this.dir, SITE), ''), join(this.dir, SITE_LEDGER));
  }

  /** What the output folder of the last build holds (output-manifest.ts). */
  outputManifest(): OutputManifest {
    return new OutputManifest(join(this.dir, OUTPUT));
  }

  /** Remove the caches of content directories that no longer exist. */
  static async pruneOrphans(root: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(root);
    } catch {
      return;
    }
    for (const name of names) {
      const owner = await readFile(join(root, name, OWNER), 'utf8').then(
        (text) => (JSON.parse(text) as { contentDir?: string }).contentDir,
        () => undefined,
      );
      if (owner && !existsSync(owner)) await rm(join(root, name), { recursive: true, force: true });
    }
  }
}
