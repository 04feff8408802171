/**
 * The estimate of where a document's text ends (src/core/render/docx/pagination.ts),
 * on documents written the way the docx package writes them. The Word-file
 * tests (test/docx/docx.test.ts) check its decisions against LibreOffice's
 * layout of every sample issue.
 */
import { describe, expect, it } from 'vitest';
import { colophonLines, textEnd } from '../../../../src/core/render/docx/pagination.ts';

const paragraph = (text: string, style = 'Normal') => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const document = (...parts: string[]) => `<w:document><w:body>${parts.join('')}<w:sectPr/></w:body></w:document>`;
const han = (count: number) => '安'.repeat(count);

describe('where the text ends', () => {
  it('wraps 正文 at 28 characters after a two-character indent; a closing mark is squeezed onto the line, Latin runs stay whole', () => {
    expect(textEnd(document(paragraph(han(26)))).lines).toBe(1);
    expect(textEnd(document(paragraph(han(27)))).lines).toBe(2);
    expect(textEnd(document(paragraph(`${han(26)}。`))).lines).toBe(1);
    // Half-width characters take more than half a character (a Latin face); a run of them is not broken.
    expect(textEnd(document(paragraph(`${han(20)}12345678`))).lines).toBe(1);
    expect(textEnd(document(paragraph(`${han(22)}example.gov.cn`))).lines).toBe(2);
  });

  it('fills 21 lines on the masthead page and 22 on the others', () => {
    const lines = Array.from({ length: 44 }, () => paragraph(han(10)));
    expect(textEnd(document(...lines))).toEqual({ page: 3, lines: 1, perPage: [21, 22, 1] });
  });

  it('keeps two lines of a paragraph on each side of a page break, headings with the text after them', () => {
    const filler = Array.from({ length: 19 }, () => paragraph(han(10)));
    // 19 lines, then a 3-line paragraph: it cannot leave 2 and 1, so all of it moves.
    expect(textEnd(document(...filler, paragraph(han(80)))).perPage).toEqual([19, 3]);
    // A 4-line paragraph: 2 stay, 2 move.
    expect(textEnd(document(...filler, paragraph(han(100)))).perPage).toEqual([21, 2]);
    // A heading on the last line goes with its paragraph.
    expect(textEnd(document(...filler, paragraph('一、总体情况', 'Heading1'), paragraph(han(100)))).perPage).toEqual([19, 5]);
  });

  it('counts the 版记 table in grid lines: each row at the 版记 line height, wrapped after the colon', () => {
    const row = (text: string, style = 'Colophon') => `<w:tr><w:tc>${paragraph(text, style)}</w:tc></w:tr>`;
    const floating = (...rows: string[]) => `<w:tbl><w:tblPr><w:tblpPr w:tblpYSpec="bottom"/></w:tblPr>${rows.join('')}</w:tbl>`;
    expect(colophonLines(document(paragraph(han(5))))).toBe(0);
    expect(colophonLines(document(floating(row('报：市委办', 'Distribution'), row('共印60份'))))).toBe(2);
    const long = floating(row(`报：${han(60)}`, 'Distribution'), row('送：区委办'), row('发：各单位'), row('编辑：某某'), row('联系人：某某'));
    // 3 + 1 + 1 + 1 + 1 lines of 19.6 pt, 2 mm of cell margins a row: 166 pt, 5.75 grid lines.
    expect(colophonLines(document(long))).toBe(6);
  });
});
