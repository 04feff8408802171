/**
 * The PDF's document information: Chromium writes only the title (from
 * <title>); the author (编印单位), subject and keywords are set here, and the
 * page count is read back to check the 版记 placement.
 */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { CompiledIssue } from '../core/index.ts';

export interface PdfFacts {
  bytes: Uint8Array;
  pages: number;
  /** Type 3 fonts: glyphs the browser drew from a CFF-outline system font (print shops reject them). */
  type3Fonts: number;
}

export async function withMetadata(pdf: Uint8Array, issue: CompiledIssue): Promise<PdfFacts> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const date = new Date(`${issue.date}T00:00:00+08:00`);
  document.setTitle(`${issue.series.name} ${issue.numbering}`, { showInWindowTitleBar: true });
  document.setAuthor(issue.series.publisher);
  document.setSubject(`${issue.series.name} ${issue.numbering}，${issue.dateText}印发`);
  document.setKeywords([
    issue.series.name,
    issue.numbering.replace(/\s+/g, ''),
    ...issue.sections.map((section) => section.name),
  ]);
  document.setCreator('jianbao');
  document.setLanguage('zh-CN');
  document.setCreationDate(date);
  document.setModificationDate(date);
  const bytes = await document.save({ useObjectStreams: false });
  const type3Fonts = document.context
    .enumerateIndirectObjects()
    .filter(
      ([, object]) => object instanceof PDFDict && object.get(PDFName.of('Subtype')) === PDFName.of('Type3'),
    ).length;
  return { bytes, pages: document.getPageCount(), type3Fonts };
}
