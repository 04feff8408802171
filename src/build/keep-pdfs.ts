/**
 * PDFs survive a rebuild: the new site is built in a scratch folder and then
 * replaces the old output, so a PDF printed by an earlier `build --pdf` or
 * `jianbao pdf` would vanish with it. Before the swap, every PDF of the old
 * output whose issue is still in the site and whose print page came out
 * byte for byte the same (the page is what the PDF was printed from) is
 * carried into the new site. The others are out of date or belong to an
 * issue the site no longer has (a draft left out, a deleted issue): they are
 * not carried, and the caller says so — a PDF never disappears silently.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CompiledIssue, CompiledSite } from '../core/index.ts';
import { issuePagePath } from '../site/routes.ts';
import { eachConcurrently } from './concurrently.ts';

/** A PDF of the old output not carried into the new site, and why. */
export interface DroppedPdf {
  /** The issue as the CLI names it (`2024-8`), or the PDF's path when no issue of the site has it. */
  ref: string;
  /** `changed`: its print page changed; `gone`: the site has no such issue (a draft left out, or deleted). */
  why: 'changed' | 'gone';
}

export interface KeptPdfs {
  /** Issues whose PDF was carried over unchanged. */
  kept: CompiledIssue[];
  /** PDFs of the old output that were not (the caller prints some of them again; see `stillMissing`). */
  dropped: (DroppedPdf & { file: string })[];
}

/** `<series>/<year>/<number>/<name>.pdf` relative to the site. */
function pdfFile(issue: CompiledIssue): string {
  return join(...issue.key.split('/'), issue.pdfName);
}

async function same(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([readFile(a).catch(() => undefined), readFile(b).catch(() => undefined)]);
  return left !== undefined && right !== undefined && left.equals(right);
}

/** Carry the PDFs of `oldDir` (the previous output) whose print page did not change into `siteDir`. */
export async function keepPdfs(oldDir: string, siteDir: string, site: CompiledSite): Promise<KeptPdfs> {
  const result: KeptPdfs = { kept: [], dropped: [] };
  if (!existsSync(oldDir)) return result;
  const known = new Set<string>();
  for (const issue of site.issues) {
    const file = pdfFile(issue);
    known.add(file);
    if (!existsSync(join(oldDir, file))) continue;
    const printPage = join(issuePagePath('print', issue), 'index.html');
    if (await same(join(oldDir, printPage), join(siteDir, printPage))) {
      await mkdir(dirname(join(siteDir, file)), { recursive: true });
      await copyFile(join(oldDir, file), join(siteDir, file));
      result.kept.push(issue);
    } else {
      result.dropped.push({ ref: issue.ref, why: 'changed', file });
    }
  }
  // PDFs of issues the site no longer has, where jianbao puts them: <series>/<year>/<number>/*.pdf.
  for (const file of await oldPdfs(oldDir)) {
    if (!known.has(file)) result.dropped.push({ ref: file.replace(/\\/g, '/'), why: 'gone', file });
  }
  return result;
}

/** PDFs of the old output at the depth of issue folders, found a level at a time, a few folders at once. */
async function oldPdfs(oldDir: string): Promise<string[]> {
  const found: string[] = [];
  let level: string[][] = [[]];
  for (let depth = 0; depth <= 3 && level.length > 0; depth++) {
    const next: string[][] = [];
    await eachConcurrently(level, async (relative) => {
      let entries;
      try {
        entries = await readdir(join(oldDir, ...relative), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (depth < 3 && entry.isDirectory() && /^[a-z0-9-]+$|^\d+$/.test(entry.name))
          next.push([...relative, entry.name]);
        else if (depth === 3 && entry.isFile() && entry.name.endsWith('.pdf'))
          found.push(join(...relative, entry.name));
      }
    });
    level = next;
  }
  return found.sort();
}

/** The dropped PDFs that the finished site still lacks (the others were printed again). */
export function stillMissing(dropped: KeptPdfs['dropped'], siteDir: string): DroppedPdf[] {
  return dropped.filter((item) => !existsSync(join(siteDir, item.file))).map(({ ref, why }) => ({ ref, why }));
}
