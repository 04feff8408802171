/**
 * Word's auto-numbering written out as the numbers Word shows, on a .docx
 * assembled by hand the way Word itself stores it: a heading style that
 * carries the list (标题 1 → 一、), a second list instance of the same
 * definition restarting through startOverride, a multi-level label
 * (%1.%2), a list defined through a numbering style (numStyleLink), and a
 * bullet left alone. The result is converted by mammoth as
 * the import does and read back.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { applyWordNumbering, formatNumber } from '../../../src/core/text/import/numbering.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function paragraph(text: string, properties = ''): string {
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
}
const numbered = (numId: number, ilvl: number) =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My Heading"/><w:basedOn w:val="Heading1"/></w:style><w:style w:type="numbering" w:styleId="CircleList"><w:name w:val="Circle List"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>` +
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
      `<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="CircleList"/></w:abstractNum>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>` +
      `<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>` +
      `<w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>` +
      `</w:numbering>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>` +
      paragraph('基本情况', '<w:pStyle w:val="Heading1"/>') +
      paragraph('全镇共有企业36家。') +
      paragraph('主要做法', '<w:pStyle w:val="MyHeading"/>') +
      paragraph('开展排查', numbered(2, 0)) +
      paragraph('企业自查', numbered(2, 1)) +
      paragraph('部门抽查', numbered(2, 1)) +
      paragraph('督促整改', numbered(2, 0)) +
      paragraph('下步打算', '<w:pStyle w:val="Heading1"/>') +
      paragraph('完善制度', numbered(3, 0)) +
      paragraph('要点', numbered(4, 0)) +
      paragraph('不编号', `<w:pStyle w:val="Heading1"/>${numbered(0, 0)}`) +
      paragraph('人员到位', numbered(6, 0)) +
      paragraph('物资到位', numbered(6, 0)) +
      `</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('Word auto-numbering', () => {
  it('writes the numbers Word displays into the text and switches the list off', async () => {
    const { buffer, numbered: count } = await applyWordNumbering(await docx());
    expect(count).toBe(10);
    const { value } = await mammoth.extractRawText({ buffer });
    const lines = value.split('\n').filter(Boolean);
    expect(lines).toEqual([
      '一、基本情况',
      '全镇共有企业36家。',
      '二、主要做法',
      '1.开展排查',
      '1.1企业自查',
      '1.2部门抽查',
      '2.督促整改',
      '三、下步打算',
      '1.完善制度',
      '要点',
      '不编号',
      '①人员到位',
      '②物资到位',
    ]);
    // No paragraph is left as a numbered list item (the bullet stays one).
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect(html.match(/<li>/g) ?? []).toHaveLength(1);
    expect(html).toContain('<li>要点</li>');
  });

  it('formats counters as Word does', () => {
    expect([1, 10, 11, 20, 23].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十三',
    ]);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
  });

  it('leaves a file without numbering as it is', async () => {
    const zip = await JSZip.loadAsync(await docx());
    zip.remove('word/numbering.xml');
    const plain = await zip.generateAsync({ type: 'nodebuffer' });
    const result = await applyWordNumbering(plain);
    expect(result.numbered).toBe(0);
    expect(result.buffer).toBe(plain);
  });
});
