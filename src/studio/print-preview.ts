/**
 * The print preview of 编一期: the issue `new issue` would write, compiled in
 * memory (project.previewIssue), as the site's print page shows it — the
 * core's print markup (render/print.ts), the site's print stylesheet and
 * layout script (served by assets.ts), then drawn as its A4 pages
 * (client/print-pages.ts). Nothing is written to the content.
 *
 * Each preview is a small HTML document kept in memory under a random id
 * (the newest few only), shown in an iframe of the studio's page, with the
 * images its entries show: only those, served from the content directory
 * under the names the site gives them (media/<hash>.<ext>), never a path
 * the request names.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { printPageStyles, printSheetHtml, type CompiledImage, type CompiledIssue } from '../core/index.ts';

/** The preview documents kept (older ones are dropped: the page shows only the newest). */
const KEEP = 4;

/** Where the preview documents are served; their images hang under it as under a site base (`media/…`). */
export const PREVIEW_PATH = '/api/issue/preview/';

export function previewDocument(issue: CompiledIssue, base: string): string {
  const { title, settings, pages, attributes } = printPageStyles(issue);
  const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  // What the preview draws on each page where the paper has its margin boxes (client/print-pages.ts).
  const paper = {
    'data-first-page-number': issue.print.firstPageNumber ? 'yes' : 'no',
    ...(issue.draftMark ? { 'data-draft-mark': escape(issue.draftMark) } : {}),
  };

  const attrs = Object.entries({ ...attributes, ...paper })
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  // `settings` (html:root) outranks print.css's `:root`; `pages` comes after the stylesheet, as on the print page.
  return `<!doctype html><html lang="zh-CN" data-print-layout="pending"${attrs}><head><meta charset="utf-8"><title>${escape(title)}</title><style>${settings}</style><link rel="stylesheet" href="/print.css"><link rel="stylesheet" href="/print-pages.css"></head><body><main class="sheet">${printSheetHtml(issue, base)}</main>${pages ? `<style>${pages}</style>` : ''}<script type="module" src="/print-layout.js"></script></body></html>`;
}

export interface Previews {
  /** Keep the preview of an issue; the address of its document. */
  put(issue: CompiledIssue): string;
  /** A kept document, by its id. */
  get(id: string): string | undefined;
  /**
   * Keep the images the entry editor's live preview shows (the preview is
   * part of the studio's page, not a document of its own): they are served
   * as a kept print preview's are, under the preview path.
   */
  putImages(images: readonly CompiledImage[]): void;
  /** An image a kept preview shows, by its name under the preview path (`media/<hash>.<ext>`). */
  image(name: string): CompiledImage | undefined;
}

export function createPreviews(): Previews {
  const kept = new Map<string, { html: string; images: Map<string, CompiledImage> }>();
  // The newest entry previews' images (kept apart: the editor previews at every pause in typing).
  const entryImages: Map<string, CompiledImage>[] = [];
  return {
    put(issue) {
      const id = randomBytes(9).toString('base64url');
      const images = new Map(issue.entries.flatMap((entry) => entry.images.map((image) => [image.output, image])));
      kept.set(id, { html: previewDocument(issue, PREVIEW_PATH), images });
      for (const old of kept.keys()) if (kept.size > KEEP) kept.delete(old);
      return `${PREVIEW_PATH}${id}`;
    },
    get: (id) => kept.get(id)?.html,
    putImages(images) {
      if (!images.length) return;
      entryImages.push(new Map(images.map((image) => [image.output, image])));
      if (entryImages.length > KEEP) entryImages.shift();
    },
    image(name) {
      for (const images of [...[...kept.values()].map((item) => item.images), ...entryImages].reverse()) {
        const image = images.get(name);
        if (image) return image;
      }
      return undefined;
    },
  };
}

/**
 * The bytes of an image a preview shows, read from the content directory:
 * undefined (refused) when the file now leads outside the content (a
 * symbolic link), is not a file, or is no longer the file the preview was
 * compiled with (its hash differs).
 */
export async function previewImage(contentDir: string, image: CompiledImage): Promise<Buffer | undefined> {
  const root = await realpath(contentDir).catch(() => undefined);
  if (!root) return undefined;
  const path = await realpath(join(root, ...image.source.split('/'))).catch(() => undefined);
  if (!path || !path.startsWith(root + sep) || !(await stat(path)).isFile()) return undefined;
  const bytes = await readFile(path);
  return createHash('sha256').update(bytes).digest('hex') === image.sha256 ? bytes : undefined;
}

/** The preview document's headers: its inline per-issue styles allowed, only the studio may frame it. */
export const PREVIEW_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  'Referrer-Policy': 'no-referrer',
};
