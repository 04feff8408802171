/**
 * The render cache: issue pages rendered by earlier builds, each under its
 * key (src/build/page-keys.ts), so a rebuild renders only the pages whose
 * inputs changed and copies the rest; likewise the PDFs (keyed by
 * src/pdf/pdf-key.ts), the Word files (src/docx/docx-key.ts), the yearly search bundles (search-index.ts) and
 * rendered entry Markdown (markdown-cache.ts).
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
 * A file is written under a temporary name and renamed into place, so a page
 * is either whole or absent. Keys name the complete inputs, so a page found
 * under its key is never stale.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DocxStore } from '../docx/render.ts';
import type { PdfFacts, PdfStore } from '../pdf/render.ts';
import { copyBundle, type SearchBundleStore } from './search-index.ts';

const PAGES = 'pages';
const PDFS = 'pdf';
const DOCXS = 'docx';
const SEARCH = 'search';
const OWNER = 'owner.json';

export class RenderCache {
  private present = new Set<string>();

  private constructor(
    /** The folder of this content directory. */
    readonly dir: string,
  ) {}

  /** The cache of `contentDir` under `root` (`<package>/.jianbao/cache`), created if missing. */
  static async open(root: string, contentDir: string): Promise<RenderCache> {
    const dir = join(root, createHash('sha256').update(contentDir).digest('hex').slice(0, 16));
    await mkdir(join(dir, PAGES), { recursive: true });
    await writeFile(join(dir, OWNER), `${JSON.stringify({ contentDir })}\n`);
    return new RenderCache(dir);
  }

  /** Look at which pages the cache holds (under the build lock: another build may have pruned it). */
  async scan(): Promise<void> {
    const names = await readdir(join(this.dir, PAGES));
    this.present = new Set(names.filter((name) => name.endsWith('.html')).map((name) => name.slice(0, -'.html'.length)));
  }

  has(key: string): boolean {
    return this.present.has(key);
  }

  private page(key: string): string {
    return join(this.dir, PAGES, `${key}.html`);
  }

  /** Copy a cached page to `to`; returns its HTML. */
  async restore(key: string, to: string): Promise<string> {
    const html = await readFile(this.page(key), 'utf8');
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, html);
    return html;
  }

  /** Keep the page rendered at `from` under `key`. */
  async store(key: string, from: string): Promise<void> {
    const target = this.page(key);
    const partial = `${target}.${process.pid}.partial`;
    try {
      await copyFile(from, partial);
      await rename(partial, target);
      this.present.add(key);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  /** Drop every page not in `live` (the pages of the build that just finished). */
  async prune(live: ReadonlySet<string>): Promise<void> {
    for (const key of [...this.present]) {
      if (live.has(key)) continue;
      await unlink(this.page(key)).catch(() => undefined);
      this.present.delete(key);
    }
  }

  /** PDFs printed by earlier runs: `pdf/<key>.pdf` with its facts in `pdf/<key>.json`. */
  pdfs(): PdfStore {
    const dir = join(this.dir, PDFS);
    const file = (key: string, extension: string) => join(dir, `${key}.${extension}`);
    return {
      restore: async (key, to) => {
        let facts: PdfFacts;
        try {
          facts = JSON.parse(await readFile(file(key, 'json'), 'utf8')) as PdfFacts;
        } catch {
          return undefined;
        }
        await mkdir(dirname(to), { recursive: true });
        try {
          await copyFile(file(key, 'pdf'), to);
        } catch {
          return undefined;
        }
        return facts;
      },
      keep: async (key, from, facts) => {
        await mkdir(dir, { recursive: true });
        // The PDF first, its facts last: facts present means the PDF is whole.
        const partial = `${file(key, 'pdf')}.${process.pid}.partial`;
        await copyFile(from, partial);
        await rename(partial, file(key, 'pdf'));
        await writeFile(`${file(key, 'json')}.${process.pid}.partial`, JSON.stringify(facts));
        await rename(`${file(key, 'json')}.${process.pid}.partial`, file(key, 'json'));
      },
      prune: async (live) => {
        const names = await readdir(dir).catch(() => [] as string[]);
        for (const name of names) {
          if (name.endsWith('.partial') || live.has(name.replace(/\.(pdf|json)$/, ''))) continue;
          await unlink(join(dir, name)).catch(() => undefined);
        }
      },
    };
  }

  /** .docx files written by earlier runs: `docx/<key>.docx`. */
  docxs(): DocxStore {
    const dir = join(this.dir, DOCXS);
    const file = (key: string) => join(dir, `${key}.docx`);
    return {
      restore: async (key, to) => {
        try {
          await copyFile(file(key), to);
          return true;
        } catch {
          return false;
        }
      },
      keep: async (key, from) => {
        await mkdir(dir, { recursive: true });
        const partial = `${file(key)}.${process.pid}.partial`;
        await copyFile(from, partial);
        await rename(partial, file(key));
      },
      prune: async (live) => {
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          if (!name.endsWith('.partial') && !live.has(name.replace(/\.docx$/, ''))) await unlink(join(dir, name)).catch(() => undefined);
        }
      },
    };
  }

  /** Search bundles of earlier builds, one folder per key: `search/<key>/`. */
  searchBundles(): SearchBundleStore {
    const dir = join(this.dir, SEARCH);
    return {
      restore: async (key, to) => {
        if (!existsSync(join(dir, key))) return false;
        await copyBundle(join(dir, key), to);
        return true;
      },
      keep: async (key, from) => {
        const partial = join(dir, `${key}.${process.pid}.partial`);
        await rm(partial, { recursive: true, force: true });
        await copyBundle(from, partial);
        await rm(join(dir, key), { recursive: true, force: true });
        await rename(partial, join(dir, key));
      },
      prune: async (live) => {
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          if (!name.endsWith('.partial') && !live.has(name)) await rm(join(dir, name), { recursive: true, force: true });
        }
      },
    };
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
