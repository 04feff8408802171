/**
 * Images and tables of an entry in its Word file (issue 16): the image
 * embedded with its own bytes, at its size but never wider than the type
 * area, centred in 图片 and followed by its 图注; a table as a Word table whose
 * header row repeats and whose rows do not split. Read from the XML, then
 * opened in LibreOffice: the image is in the PDF, the caption and the cells'
 * text too.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/index.ts';
import { docxParts, docxToPdf, testOffice } from '../helpers/office.ts';
import { textLines } from '../helpers/pdf.ts';
import { png } from '../helpers/pictures.ts';
import { cli, sampleCopy } from '../helpers/workflow.ts';

const soffice = testOffice('Word 文件中的图片和表格');
// An entry of the sample's one unpublished (draft) issue: a published issue's entries cannot change without an erratum.
const ENTRY = 'entries/2025/08/暑期防溺水巡查.md';
/** 156 mm in EMU (914400 to the inch). */
const TYPE_WIDTH_EMU = Math.round((156 / 25.4) * 914400);

describe('an entry with an image and a table, in Word', () => {
  it('embeds the image within the type area with its caption, and writes the table as a Word table', async () => {
    const dir = await sampleCopy();
    // 1200 × 300 px at 96 dpi is 317 mm wide: scaled down to the type area, its proportions kept.
    const picture = png(1200, 300, (x) => (x < 600 ? [200, 40, 40] : [40, 80, 200]));
    await writeFile(join(dir, 'entries/2025/08/调度会现场.png'), picture);
    const path = join(dir, ENTRY);
    const table = '| 镇（街道） | 转移群众（人） |\n|---|---:|\n| 青石镇 | 126 |\n| 白沙镇 | 87 |';
    await writeFile(
      path,
      `${(await readFile(path, 'utf8')).trimEnd()}\n\n![调度会现场](./调度会现场.png)\n\n${table}\n`,
    );
    const out = join(await tempDir('jianbao-docx-figures-'), 'dist');
    const result = await cli(dir, 'docx', 'jianbao/2025-3', '--drafts', '--out', out);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const file = join(out, 'jianbao/2025/3/jianbao-2025-3.docx');
    const bytes = new Uint8Array(await readFile(file));

    const media = Object.entries(unzipSync(bytes)).filter(([name]) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(media[0]![1]).equals(picture)).toBe(true);
    const document = docxParts(bytes)['word/document.xml']!;
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(document)!;
    const [cx, cy] = [Number(extent[1]), Number(extent[2])];
    expect(cx).toBeLessThanOrEqual(TYPE_WIDTH_EMU);
    expect(cx).toBeGreaterThan(TYPE_WIDTH_EMU * 0.98);
    expect(cx / cy).toBeCloseTo(4, 1);
    const figure = document.indexOf('<w:drawing>');
    const paragraphStart = document.lastIndexOf('<w:p>', figure);
    expect(document.slice(paragraphStart, figure)).toContain('<w:pStyle w:val="Figure"/>');
    const after = document.slice(figure);
    expect(after).toMatch(/^[\s\S]*?<\/w:p><w:p><w:pPr><w:pStyle w:val="Caption"\/>[\s\S]*?调度会现场/);

    const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)]
      .map((match) => match[1]!)
      .filter((xml) => !xml.includes('<w:tblpPr'));
    expect(tables).toHaveLength(1);
    const rows = [...tables[0]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((match) => match[1]!);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('<w:pStyle w:val="TableHeader"/>');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(rows[1]).toContain('<w:pStyle w:val="TableText"/>');
    expect(rows[1]).toMatch(/<w:jc w:val="right"\/>[\s\S]*?126/);

    if (!soffice) return;
    const [pdf] = await docxToPdf(soffice, [file], await tempDir('jianbao-docx-figures-pdf-'));
    const images = execFileSync('pdfimages', ['-list', pdf!], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.map((line) => line.trim().split(/\s+/).slice(3, 5).join('×'))).toEqual(['1200×300']);
    const text = textLines(pdf!)
      .flat()
      .map((line) => line.text.replace(/\s+/g, ''))
      .join('\n');
    expect(text).toContain('调度会现场');
    expect(text).toMatch(/青石镇\n?126/);
    expect(text).toContain('转移群众（人）');
  }, 180_000);
});
