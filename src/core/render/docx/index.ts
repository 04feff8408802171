/**
 * The Word renderer: a compiled issue as a .docx on the GB/T 9704 grid
 * (document.ts assembles it; page.ts, styles.ts, masthead.ts, blocks.ts,
 * inlines.ts, figures.ts, colophon.ts, package.ts each do one part; pagination.ts
 * estimates where the text ends, for the 版记 of a two-sided issue).
 */
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import type { CompiledIssue } from '../../model/issue.ts';
import { issueDocument } from './document.ts';
import { loadImages } from './figures.ts';
import { LINES_PER_PAGE } from './measure.ts';
import { packDocument } from './package.ts';
import { colophonLines, textEnd } from './pagination.ts';

export { documentTitle } from './document.ts';
export { STYLE_NAMES, type StyleId } from './styles.ts';

/** The .docx bytes of `issue`; its images are read from `contentDir`. */
export async function renderIssueDocx(issue: CompiledIssue, contentDir: string): Promise<Uint8Array> {
  const images = await loadImages(issue, contentDir);
  if (!issue.print.duplex) return packDocument(issueDocument(issue, { images }), issue.date);
  // Two-sided: the 版记 on an even page (colophon.ts ColophonPlacement), found from where the text ends;
  // under the text only with a grid line to spare (LibreOffice moves a table that just fits to the next page).
  const xml = strFromU8(unzipSync(await Packer.toBuffer(issueDocument(issue, { images })))['word/document.xml']!);
  const lines = colophonLines(xml);
  if (lines === 0) return packDocument(issueDocument(issue, { images }), issue.date);
  const end = textEnd(xml);
  const placement =
    end.page % 2 === 1 ? 'next-page' : end.lines + lines + 1 <= LINES_PER_PAGE ? 'even' : 'after-blank-page';
  return packDocument(issueDocument(issue, { images, colophon: placement }), issue.date);
}
