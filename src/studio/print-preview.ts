/**
 * The print preview of 编一期: the issue `new issue` would write, compiled in
 * memory (project.previewIssue), as the site's print page shows it — the
 * core's print markup (render/print.ts), the site's print stylesheet and
 * layout script (served by assets.ts). Nothing is written to the content.
 *
 * Each preview is a small HTML document kept in memory under a random id
 * (the newest few only), shown in an iframe of the studio's page.
 */
import { randomBytes } from 'node:crypto';
import { printPageStyles, printSheetHtml, type CompiledIssue } from '../core/index.ts';

/** The preview documents kept (older ones are dropped: the page shows only the newest). */
const KEEP = 4;

export function previewDocument(issue: CompiledIssue, base: string): string {
  const { title, settings, pages, attributes } = printPageStyles(issue);
  const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  // `settings` (html:root) outranks print.css's `:root`; `pages` comes after the stylesheet, as on the print page.
  return `<!doctype html><html lang="zh-CN" data-print-layout="pending"${attrs}><head><meta charset="utf-8"><title>${escape(title)}</title><style>${settings}</style><link rel="stylesheet" href="/print.css"></head><body><main class="sheet">${printSheetHtml(issue, base)}</main>${pages ? `<style>${pages}</style>` : ''}<script type="module" src="/print-layout.js"></script></body></html>`;
}

export interface Previews {
  /** Keep a document; its id. */
  put(html: string): string;
  get(id: string): string | undefined;
}

export function createPreviews(): Previews {
  const kept = new Map<string, string>();
  return {
    put(html) {
      const id = randomBytes(9).toString('base64url');
      kept.set(id, html);
      for (const old of kept.keys()) if (kept.size > KEEP) kept.delete(old);
      return id;
    },
    get: (id) => kept.get(id),
  };
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
