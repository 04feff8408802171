/**
 * Link each issue's PDF from its page and its feed entry, once the PDFs are
 * in place (they are printed from the built site, after Astro rendered the
 * pages). The issue page carries an empty `<span data-pdf-link>` where the
 * link goes; the feed entry gets an Atom `enclosure` link. Running it again
 * (after `jianbao pdf` added PDFs to a built site) rewrites both, so a link
 * is there exactly when the PDF is.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { CompiledIssue, CompiledSite } from '../core/index.ts';
import { issuePagePath } from '../site/routes.ts';
import { eachConcurrently } from './concurrently.ts';

const SLOT = /<span class="issue-tools__pdf" data-pdf-link[^>]*>[\s\S]*?<\/span>/;

/** The link's words: `下载 PDF（A4，5 页）`. */
export function pdfLinkText(pages: number): string {
  return `下载 PDF（A4，${pages} 页）`;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

/**
 * The page count of a PDF jianbao wrote (src/pdf/metadata.ts saves it without
 * object streams: the catalog's page tree is plain text); any other PDF is
 * parsed in full.
 */
export async function pdfPageCount(file: string): Promise<number> {
  const bytes = await readFile(file);
  const text = bytes.toString('latin1');
  const catalog = /\/Type\s*\/Catalog\b/.exec(text);
  if (catalog) {
    const start = text.lastIndexOf('<<', catalog.index);
    const end = text.indexOf('endobj', catalog.index);
    const pagesRef = /\/Pages\s+(\d+)\s+0\s+R/.exec(text.slice(start, end));
    if (pagesRef) {
      const object = new RegExp(`(?:^|[\\r\\n])${pagesRef[1]}\\s+0\\s+obj\\b([\\s\\S]*?)endobj`).exec(text);
      const count = object && /\/Count\s+(\d+)/.exec(object[1]!);
      if (count) return Number(count[1]);
    }
  }
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

/** Put (or take away) the PDF link of every issue of `site` in the built site at `siteDir`. */
export async function linkPdfs(siteDir: string, site: CompiledSite): Promise<void> {
  const found = new Map<string, { issue: CompiledIssue; href: string; pages: number }>();
  await eachConcurrently(site.issues, async (issue) => {
    const file = join(siteDir, ...issue.key.split('/'), issue.pdfName);
    if (!existsSync(file)) return;
    found.set(issue.key, { issue, href: `${site.base}${issue.key}/${issue.pdfName}`, pages: await pdfPageCount(file) });
  });
  await eachConcurrently(site.issues, async (issue) => {
    const page = join(siteDir, issuePagePath('issue', issue), 'index.html');
    const html = await readFile(page, 'utf8').catch(() => undefined);
    if (html === undefined || !SLOT.test(html)) return;
    const pdf = found.get(issue.key);
    const link = pdf
      ? `<span class="issue-tools__pdf" data-pdf-link><a class="button" href="${escapeAttribute(pdf.href)}" type="application/pdf" download>${pdfLinkText(pdf.pages)}</a></span>`
      : '<span class="issue-tools__pdf" data-pdf-link></span>';
    const next = html.replace(SLOT, link);
    if (next !== html) await writeFile(page, next);
  });
  await linkFeed(join(siteDir, 'feed.xml'), site, found);
}

/** Each feed entry of an issue with a PDF gets `<link rel="enclosure" type="application/pdf" …/>`. */
async function linkFeed(
  file: string,
  site: CompiledSite,
  found: Map<string, { href: string; pages: number }>,
): Promise<void> {
  const xml = await readFile(file, 'utf8').catch(() => undefined);
  if (xml === undefined) return;
  let next = xml.replace(/\s*<link rel="enclosure" type="application\/pdf"[^>]*\/>/g, '');
  for (const issue of site.issues) {
    const pdf = found.get(issue.key);
    if (!pdf) continue;
    const alternate = `<link rel="alternate" type="text/html" href="${escapeAttribute(`${site.base}${issue.key}/`)}"/>`;
    const at = next.indexOf(alternate);
    if (at < 0) continue;
    const indent = /[ \t]*$/.exec(next.slice(0, at))![0];
    const enclosure = `<link rel="enclosure" type="application/pdf" href="${escapeAttribute(pdf.href)}" title="${pdfLinkText(pdf.pages)}"/>`;
    next = `${next.slice(0, at + alternate.length)}\n${indent}${enclosure}${next.slice(at + alternate.length)}`;
  }
  if (next !== xml) await writeFile(file, next);
}
