/**
 * The Word renderer: a compiled issue as a .docx on the GB/T 9704 grid
 * (document.ts assembles it; page.ts, styles.ts, masthead.ts, blocks.ts,
 * inlines.ts, figures.ts, colophon.ts, package.ts each do one part).
 */
import type { CompiledIssue } from '../../model/issue.ts';
import { issueDocument } from './document.ts';
import { loadImages } from './figures.ts';
import { packDocument } from './package.ts';

export { documentTitle } from './document.ts';
export { STYLE_NAMES, type StyleId } from './styles.ts';

/** The .docx bytes of `issue`; its images are read from `contentDir`. */
export async function renderIssueDocx(issue: CompiledIssue, contentDir: string): Promise<Uint8Array> {
  const images = await loadImages(issue, contentDir);
  return packDocument(issueDocument(issue, { images }), issue.date);
}
