/**
 * The Word files of the sample content, opened as an office would: `jianbao
 * docx` (no site yet: it builds one with the .docx files), then every .docx
 * converted to PDF by LibreOffice and measured like the print PDFs (A4, 22
 * lines a page, the binding edge, page numbers, the 版记 on the bottom edge
 * of the type area, the red masthead, every entry in issue order), and its
 * XML read (the grid, the margins, the style of every paragraph, no type
 * size on any run). A second run copies every file from the render cache.
 * A sections issue and an articles issue are saved as PNGs under
 * test-output/docx/ for a person to look at.
 */
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, compileSite, type CompiledIssue } from '../../src/core/index.ts';
import { STYLE_NAMES } from '../../src/core/render/docx/index.ts';
import { ARTICLE_TITLE_CHARS, CHARS_PER_LINE } from '../../src/core/render/docx/measure.ts';
import { balancedLines } from '../../src/core/render/docx/titles.ts';
import { FIXTURES, ROOT, SAMPLE_CONTENT, listFiles, runCli, tempDir } from '../helpers/index.ts';
import { docxParts, docxToPdf, testOffice } from '../helpers/office.ts';
import { pdfInfo, rasterize, savePng, textLines, type TextLine } from '../helpers/pdf.ts';
import { page } from '../helpers/site.ts';

const soffice = testOffice('Word 文件测试');
const OUTPUT = join(ROOT, 'test-output/docx');

const TYPE_TOP = 37;
const TYPE_BOTTOM = 262;
const CHAR_14PT = 14 * (25.4 / 72);
const isPageNumber = (line: TextLine) => /^—\s*\d+\s*—$/.test(line.text.trim());
const bodyLines = (lines: TextLine[]) =>
  lines.filter((line) => !isPageNumber(line) && line.yMin > TYPE_TOP - 2 && line.yMax < TYPE_BOTTOM + 2);
/** 16 pt lines (正文) are 7.3 mm high in pdftotext’s boxes of LibreOffice’s PDF; 14 pt (tables, the 版记) 6.4 mm. */
const isBodySize = (line: TextLine) => line.yMax - line.yMin > 6.85;
const squash = (text: string) => text.replace(/\s+/g, '');

/** The checks for the Word files of one content directory (`sample`: the sample content, which also gets the PNGs and the cache check). */
function wordFiles(name: string, content: string, sample: boolean) {
  describe.skipIf(!soffice)(`Word files of ${name} (LibreOffice)`, () => {
    let out: string;
    let issues: CompiledIssue[];
    /** An issue with nothing to list in its 版记 has none (as in print): no rule to measure. */
    const hasColophon = (issue: CompiledIssue) => {
      const c = issue.colophon;
      return c.distribution.length + c.contact.length + c.staff.length > 0 || c.copies !== undefined;
    };
    let base: string;
    const pdfs = new Map<string, string>();
    const docx = (issue: CompiledIssue) => join(out, issue.key, issue.pdfName.replace(/\.pdf$/, '.docx'));

    beforeAll(async () => {
      out = join(await tempDir('jianbao-docx-'), 'dist');
      const result = await runCli(['docx', '--drafts', '--content', content, '--out', out]);
      expect(result.stderr).toBe('');
      expect(result.code, result.stdout).toBe(0);
      const checked = await checkContent(content);
      const site = compileSite(checked.content, checked.registry);
      issues = site.issues;
      base = site.base;
      expect(result.stdout).toContain(`✓ 已生成 ${issues.length} 个 Word 文件`);
      const converted = await docxToPdf(soffice!, issues.map(docx), await tempDir('jianbao-docx-pdf-'));
      issues.forEach((issue, index) => pdfs.set(issue.key, converted[index]!));
      await mkdir(OUTPUT, { recursive: true });
    });

    it('writes one .docx per issue next to its page, which links it', async () => {
      const files = (await listFiles(out)).filter((file) => file.endsWith('.docx'));
      expect(files).toHaveLength(issues.length);
      for (const issue of issues) {
        expect(files).toContain(`${issue.key}/${issue.pdfName.replace(/\.pdf$/, '.docx')}`);
        const links = [...(await page(out, `${issue.key}/`)).querySelectorAll('a')].filter(
          (a) => a.textContent?.trim() === '下载 Word',
        );
        expect(links.map((a) => a.getAttribute('href'))).toEqual([
          `${base}${issue.key}/${issue.pdfName.replace(/\.pdf$/, '.docx')}`,
        ]);
      }
    });

    it('every page: A4, the binding edge at 28 mm on odd pages, page numbers outside, at most 22 lines', () => {
      for (const issue of issues) {
        const file = pdfs.get(issue.key)!;
        const info = pdfInfo(file);
        expect(info.widthMm).toBeCloseTo(210, 0);
        expect(info.heightMm).toBeCloseTo(297, 0);
        textLines(file).forEach((lines, index, pages) => {
          const number = index + 1;
          const odd = number % 2 === 1;
          const where = `${issue.ref} 第 ${number} 页`;
          const body = bodyLines(lines);
          // Only the page before the 版记's, printed two-sided, may be blank (the 版记 on the last side).
          if (!(issue.print.duplex && number === pages.length - 1))
            expect(body.length, `${where}没有正文`).toBeGreaterThan(0);
          const text = body.filter(isBodySize);
          expect(text.length, `${where}行数`).toBeLessThanOrEqual(22);
          // (A page holding only the 版记 has no 三号 line.)
          if (text.length)
            expect(
              Math.abs(Math.min(...text.map((line) => line.xMin)) - (odd ? 28 : 26)),
              `${where}左边距`,
            ).toBeLessThanOrEqual(1);
          const numbers = lines.filter(isPageNumber);
          if (number === 1 && !issue.print.firstPageNumber) return expect(numbers).toHaveLength(0);
          expect(
            numbers.map((line) => line.text.replace(/\s+/g, ' ')),
            where,
          ).toEqual([`— ${number} —`]);
          const mark = numbers[0]!;
          expect(mark.yMin, where).toBeGreaterThan(TYPE_BOTTOM + 3);
          if (odd) expect(Math.abs(mark.xMax - (184 - CHAR_14PT)), `${where}页码`).toBeLessThan(1.5);
          else expect(Math.abs(mark.xMin - (26 + CHAR_14PT)), `${where}页码`).toBeLessThan(1.5);
        });
      }
    });

    it('a full page holds 22 lines of 三号 at the grid pitch', () => {
      const counts = issues.flatMap((issue) =>
        textLines(pdfs.get(issue.key)!)
          .slice(1, -1)
          .map((lines) => bodyLines(lines))
          .filter((body) => body.every(isBodySize))
          .map((body) => body.length),
      );
      expect(counts.length).toBeGreaterThan(0);
      expect(Math.max(...counts)).toBe(22);
      // The first line of a page sits on the type area's top edge, the 22nd on its bottom.
      const full = issues
        .flatMap((issue) => textLines(pdfs.get(issue.key)!).map(bodyLines))
        .find((body) => body.length === 22 && body.every(isBodySize))!;
      expect(Math.abs(full[0]!.yMin - TYPE_TOP)).toBeLessThan(3);
      expect(Math.abs(full[21]!.yMax - TYPE_BOTTOM)).toBeLessThan(2);
    });

    it('the 版记’s last rule lies on the bottom edge of the type area of the last page', async () => {
      const dir = await tempDir('jianbao-docx-raster-');
      expect(issues.filter((issue) => !hasColophon(issue)).length).toBeLessThan(issues.length);
      for (const issue of issues.filter(hasColophon)) {
        const file = pdfs.get(issue.key)!;
        const pages = pdfInfo(file).pages;
        const raster = rasterize(file, pages, dir, 150);
        // The lowest dark row across the middle of the page, above the page number.
        let lowest = 0;
        for (let y = 230; y < 267; y += 0.1) {
          const [r, g, b] = raster.at(105, y);
          if (r < 100 && g < 100 && b < 100) lowest = y;
        }
        expect(Math.abs(lowest - TYPE_BOTTOM), `${issue.ref} 版记末线 ${lowest.toFixed(1)} mm`).toBeLessThanOrEqual(1);
        const lastPage = textLines(file)[pages - 1]!;
        const last = lastPage.map((line) => line.text).join('');
        if (issue.colophon.copies) expect(squash(last)).toContain(issue.colophon.copies.text);
      }
    });

    it('printed two-sided, the 版记 is on an even last page, across the type area; one-sided, centred on its page', async () => {
      const dir = await tempDir('jianbao-docx-raster-');
      const withColophon = issues.filter((issue) => {
        const c = issue.colophon;
        return c.distribution.length + c.contact.length + c.staff.length > 0 || c.copies !== undefined;
      });
      expect(withColophon.some((issue) => issue.print.duplex)).toBe(true);
      for (const issue of withColophon) {
        const file = pdfs.get(issue.key)!;
        const pages = pdfInfo(file).pages;
        if (issue.print.duplex) expect(pages % 2, `${issue.ref} 双面印刷共 ${pages} 页`).toBe(0);
        // The 版记's last rule, across the page at its height: from where to where.
        const raster = rasterize(file, pages, dir, 150);
        const dark = (x: number, y: number) => raster.at(x, y).every((value) => value < 100);
        let y = 0;
        for (let at = 230; at < 267; at += 0.1) if (dark(105, at)) y = at;
        let left = -1;
        let right = -1;
        for (let x = 10; x < 200; x += 0.1) {
          if (!dark(x, y)) continue;
          if (left < 0) left = x;
          right = x;
        }
        // Even pages have the type area at 26–182 mm; a page of either side is served centred, 1 mm off (27–183).
        const [from, to] = issue.print.duplex ? [26, 182] : [27, 183];
        expect(Math.abs(left - from), `${issue.ref} 版记左端 ${left.toFixed(1)} mm`).toBeLessThanOrEqual(0.5);
        expect(Math.abs(right - to), `${issue.ref} 版记右端 ${right.toFixed(1)} mm`).toBeLessThanOrEqual(0.5);
      }
    });

    it('titles break between words, in balanced lines, and the 版记 keeps an e-mail address whole', () => {
      let broken = 0;
      for (const issue of issues) {
        const lines = textLines(pdfs.get(issue.key)!)
          .flat()
          .map((line) => squash(line.text));
        for (const entry of issue.entries.filter((item) => item.title)) {
          const chars = issue.series.layout === 'articles' ? ARTICLE_TITLE_CHARS : CHARS_PER_LINE;
          const expected = (entry.titleLines ?? [[entry.title!]]).flatMap(
            (words) => balancedLines(words, chars) ?? [words.join('')],
          );
          if (expected.length > (entry.titleLines?.length ?? 1)) broken++;
          for (const line of expected) expect(lines, `${issue.ref} ${entry.id}`).toContain(squash(line));
        }
        const email = issue.colophon.contact.find((item) => item.label === '邮箱');
        if (email)
          expect(
            lines.some((line) => line.includes(squash(email.text))),
            `${issue.ref} ${email.text}`,
          ).toBe(true);
      }
      if (sample) expect(broken).toBeGreaterThan(0);
    });

    it('the masthead is red in the series’ red, the body black', async () => {
      const dir = await tempDir('jianbao-docx-raster-');
      expect(issues.filter((issue) => !hasColophon(issue)).length).toBeLessThan(issues.length);
      for (const issue of issues.filter(hasColophon)) {
        const file = pdfs.get(issue.key)!;
        const first = textLines(file)[0]!;
        const name = first.find((line) => squash(line.text).includes(squash(issue.masthead.lines[0]!)))!;
        expect(name, issue.ref).toBeDefined();
        const raster = rasterize(file, 1, dir, 100);
        const [r, g, b] = [1, 3, 5].map((at) => parseInt(issue.print.red.slice(at, at + 2), 16)) as [
          number,
          number,
          number,
        ];
        let red = 0;
        let dark = 0;
        for (let x = name.xMin; x < name.xMax; x += 0.5) {
          for (let y = name.yMin; y < name.yMax; y += 0.5) {
            const pixel = raster.at(x, y);
            if (Math.abs(pixel[0] - r) < 40 && Math.abs(pixel[1] - g) < 40 && Math.abs(pixel[2] - b) < 40) red++;
            if (pixel[0] < 90 && pixel[1] < 90 && pixel[2] < 90) dark++;
          }
        }
        expect(red, issue.ref).toBeGreaterThan(200);
        expect(dark, issue.ref).toBe(0);
      }
    });

    it('every entry’s text is there, in issue order', () => {
      for (const issue of issues) {
        const text = squash(
          textLines(pdfs.get(issue.key)!)
            .flat()
            .map((line) => line.text)
            .join(''),
        );
        let at = 0;
        for (const entry of issue.entries) {
          const start = squash(entry.body.text).slice(0, 24);
          const found = text.indexOf(start, at);
          expect(found, `${issue.ref} ${entry.id}`).toBeGreaterThanOrEqual(at);
          // The whole body, not only its start (pdftotext drops nothing but spacing).
          expect(text, `${issue.ref} ${entry.id}`).toContain(squash(entry.body.text).slice(-12));
          at = found;
        }
      }
    });

    it('the XML: page setup, grid, mirrored margins, a named style on every paragraph, no type size on runs, properties', async () => {
      const styleIds = new Set(Object.keys(STYLE_NAMES));
      for (const issue of issues) {
        const parts = docxParts(new Uint8Array(await readFile(docx(issue))));
        const document = parts['word/document.xml']!;
        expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
        expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
        expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
        expect(parts['word/settings.xml']).toContain('<w:mirrorMargins/>');
        expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
        expect(document.includes('<w:titlePg/>') || document.includes('<w:titlePg w:val="true"/>')).toBe(
          !issue.print.firstPageNumber,
        );
        const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/gs)];
        expect(paragraphs.length).toBeGreaterThan(issue.entries.length);
        for (const [paragraph] of paragraphs) {
          const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1];
          expect(style && styleIds.has(style), `${issue.ref}: ${paragraph.slice(0, 160)}`).toBe(true);
        }
        // Type sizes and fonts live in the styles only.
        expect(document).not.toMatch(/<w:sz |<w:szCs |<w:rFonts /);
        const styles = parts['word/styles.xml']!;
        for (const [id, name] of Object.entries(STYLE_NAMES)) {
          if (id !== 'Normal')
            expect(styles, id).toContain(`<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>`);
        }
        expect(styles).toMatch(/w:styleId="Normal".*?w:eastAsia="仿宋_GB2312".*?<w:sz w:val="32"\/>/s);
        expect(styles).toMatch(
          /w:styleId="Masthead".*?w:eastAsia="方正小标宋简体".*?<w:color w:val="([0-9A-F]{6})"\/>/s,
        );
        expect(/w:styleId="Masthead".*?<w:color w:val="([0-9A-F]{6})"\/>/s.exec(styles)?.[1]).toBe(
          issue.print.red.slice(1).toUpperCase(),
        );
        expect(parts['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
        expect(parts['word/fontTable.xml']).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
        const core = parts['docProps/core.xml']!;
        expect(core).toContain(`<dc:title>${issue.series.name} ${issue.numbering}</dc:title>`);
        expect(core).toContain(`<dc:creator>${issue.series.publisher}</dc:creator>`);
        expect(core).toContain(
          `<dcterms:created xsi:type="dcterms:W3CDTF">${issue.date}T00:00:00+08:00</dcterms:created>`,
        );
      }
    });

    it.runIf(sample)('leaders’ names are bold in the Word file', async () => {
      const leader = issues
        .flatMap((issue) => issue.entries.map((entry) => ({ issue, entry })))
        .find(({ entry }) => entry.people.length > 0)!;
      const document = docxParts(new Uint8Array(await readFile(docx(leader.issue))))['word/document.xml']!;
      const bold = [...document.matchAll(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)]
        .map((match) => match[1]!)
        .join('');
      expect(bold).toContain(leader.entry.people[0]!.name);
    });

    it.runIf(sample)('saves a sections issue and an articles issue as PNGs to look at', () => {
      for (const layout of ['sections', 'articles']) {
        const issue = issues.find((candidate) => candidate.series.layout === layout)!;
        const file = pdfs.get(issue.key)!;
        for (let number = 1; number <= pdfInfo(file).pages; number++)
          savePng(file, number, join(OUTPUT, `${issue.key.replace(/\//g, '-')}-${number}.png`));
      }
    });

    it.runIf(sample)('a second run copies every unchanged .docx from the render cache', async () => {
      const before = await readFile(docx(issues[0]!));
      const result = await runCli(['docx', '--drafts', '--content', content, '--out', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.match(/未改动，沿用上次生成的/g)).toHaveLength(issues.length);
      expect(Buffer.compare(await readFile(docx(issues[0]!)), before)).toBe(0);
    });
  });
}

wordFiles('the sample content', SAMPLE_CONTENT, true);
// Two-line masthead in #FF0000, page 1 unnumbered, a long issue, the articles layout.
wordFiles('the print fixture', join(FIXTURES, 'print/content'), false);
