/**
 * The PDFs measured against FORMAT.md: build the site, print every issue
 * with the system's Chromium (`jianbao pdf`), then read the PDFs with
 * poppler-utils. Page 1 and the last page of the long issue are saved under
 * test-output/print/ for a person to look at.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, compileSite } from '../../src/core/index.ts';
import { FIXTURES, ROOT, SAMPLE_CONTENT, listFiles, runCli, tempDir, testBrowser } from '../helpers/index.ts';
import { charsBySize, pdfFonts, pdfInfo, rasterize, savePng, textLines, type TextLine } from '../helpers/pdf.ts';

const CONTENT = join(FIXTURES, 'print/content');
const OUTPUT = join(ROOT, 'test-output/print');

const browser = await testBrowser('PDF 测试');

const TYPE_TOP = 37;
const TYPE_BOTTOM = 262;
const CHAR_14PT = 14 * (25.4 / 72);

const isPageNumber = (line: TextLine) => /^—\s*\d+\s*—$/.test(line.text.trim());
const bodyLines = (lines: TextLine[]) => lines.filter((line) => !isPageNumber(line) && line.yMin > TYPE_TOP - 2 && line.yMax < TYPE_BOTTOM + 2);
/** 16 pt lines are ≈ 8.1 mm high in pdftotext's boxes; 14 pt (tables, 版记) ≈ 7.1 mm. */
const isBodySize = (line: TextLine) => line.yMax - line.yMin > 7.6;

/** Every check of FORMAT.md's print numbers that holds for any issue. */
function checkPdf(file: string, options: { firstPageNumber: boolean; publisher: string; name: string }) {
  const info = pdfInfo(file);
  expect(info.widthMm).toBeCloseTo(210, 0);
  expect(info.heightMm).toBeCloseTo(297, 0);
  expect(info.title).toContain(options.name);
  expect(info.author).toBe(options.publisher);

  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, `${font.name} 未嵌入`).toBe(true);
    expect(font.type, `${font.name} 是 Type 3`).not.toMatch(/Type 3/);
  }

  const pages = textLines(file);
  expect(pages).toHaveLength(info.pages);
  pages.forEach((lines, index) => {
    const number = index + 1;
    const odd = number % 2 === 1;
    const body = bodyLines(lines);
    expect(body.length, `第 ${number} 页没有正文`).toBeGreaterThan(0);
    // Binding edge 28 mm on odd pages, mirrored (26 mm) on even pages; the 版记 is set one character in.
    const text = body.filter(isBodySize);
    if (text.length) expect(Math.abs(Math.min(...text.map((line) => line.xMin)) - (odd ? 28 : 26)), `第 ${number} 页左边距`).toBeLessThanOrEqual(1);
    expect(Math.max(...body.map((line) => line.xMax)), `第 ${number} 页右边`).toBeLessThanOrEqual(odd ? 184.5 : 182.5);
    // Pages after the first start on the type area's top edge (a page holding only the 版记 does not).
    if (number > 1 && text.length) expect(Math.abs(Math.min(...body.map((line) => line.yMin)) - TYPE_TOP), `第 ${number} 页首行`).toBeLessThanOrEqual(1);
    // No heading alone at the bottom of a page.
    if (number < pages.length && text.length) {
      const bottom = text.reduce((a, b) => (b.yMax > a.yMax ? b : a)).text.replace(/\s/g, '');
      expect(bottom, `第 ${number} 页末行是标题`).not.toMatch(/^【.+】$|^[一二三四五六七八九十]+、.{1,26}$/);
    }
    const numbers = lines.filter(isPageNumber);
    if (number === 1 && !options.firstPageNumber) {
      expect(numbers).toHaveLength(0);
      return;
    }
    expect(numbers.map((line) => line.text.replace(/\s+/g, ' '))).toEqual([`— ${number} —`]);
    const mark = numbers[0]!;
    expect(mark.yMin).toBeGreaterThan(TYPE_BOTTOM + 3);
    // One character in from the outside edge of the type area.
    if (odd) expect(Math.abs(mark.xMax - (184 - CHAR_14PT))).toBeLessThan(1.5);
    else expect(Math.abs(mark.xMin - (26 + CHAR_14PT))).toBeLessThan(1.5);
  });

  // The 版记's last line ends on the type area's bottom edge of the last page.
  const last = bodyLines(pages[pages.length - 1]!);
  const end = last.reduce((a, b) => (b.yMax > a.yMax ? b : a));
  expect(Math.abs(end.yMax - TYPE_BOTTOM), `版记末行底边 ${end.yMax.toFixed(1)} mm`).toBeLessThanOrEqual(2);
  return { info, pages };
}

describe.skipIf(!browser)('PDF of the print pages (fixture: short, long, articles)', () => {
  let out: string;
  const pdf = (key: string) => join(out, key, `${key.replace(/\//g, '-')}.pdf`);

  beforeAll(async () => {
    out = join(await tempDir('jianbao-pdf-'), 'dist');
    const result = await runCli(['pdf', '--drafts', '--content', CONTENT, '--out', out], { env: { ...process.env, JIANBAO_BROWSER: browser } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ 已生成 3 个 PDF');
    await mkdir(OUTPUT, { recursive: true });
  });

  it('writes one PDF per issue where SPEC says', async () => {
    const pdfs = (await listFiles(out)).filter((file) => file.endsWith('.pdf'));
    expect(pdfs).toEqual(['jianbao/2024/1/jianbao-2024-1.pdf', 'zhuanbao/2024/1/zhuanbao-2024-1.pdf', 'zhuanbao/2024/2/zhuanbao-2024-2.pdf']);
  });

  it('short issue: one page, 版记 under the text at the bottom of the type area', () => {
    const { info, pages } = checkPdf(pdf('zhuanbao/2024/1'), { firstPageNumber: true, publisher: '样例区安全生产委员会办公室', name: '样例区安全生产工作专报' });
    expect(info.pages).toBe(1);
    const text = pages[0]!.map((line) => line.text).join('\n');
    expect(text).toContain('共印50份');
    // Leader names in rank order, the group ending in 同志 (pdftotext splits at the padding space).
    expect(text.replace(/\s/g, '')).toContain('高文山、林海、许明辉、方琳、周立、');
    expect(text).toContain('邓志强同志');
  });

  it('long issue: 5+ pages on the 22 × 28 grid in 16 pt, 版记 at the bottom of the last page', () => {
    const file = pdf('zhuanbao/2024/2');
    const { info, pages } = checkPdf(file, { firstPageNumber: true, publisher: '样例区安全生产委员会办公室', name: '样例区安全生产工作专报' });
    expect(info.pages).toBeGreaterThanOrEqual(5);
    let fullPages = 0;
    for (let index = 1; index < pages.length - 1; index++) {
      const body = bodyLines(pages[index]!);
      const sizes = charsBySize(file, index + 1);
      const dominant = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      expect(dominant, `第 ${index + 1} 页正文字号`).toBe(16);
      if (!body.every(isBodySize)) continue; // a page with a table has 14 pt rows
      fullPages++;
      expect(body.length, `第 ${index + 1} 页行数`).toBeGreaterThanOrEqual(21);
      expect(body.length, `第 ${index + 1} 页行数`).toBeLessThanOrEqual(22);
      // 28 characters a line: a full line spans the type area's width.
      expect(Math.max(...body.map((line) => line.xMax - line.xMin))).toBeGreaterThan(155);
    }
    expect(fullPages).toBeGreaterThan(0);
    savePng(file, 1, join(OUTPUT, 'zhuanbao-2024-2-page1.png'));
    savePng(file, info.pages, join(OUTPUT, 'zhuanbao-2024-2-last.png'));
  });

  it('the masthead is red, the body black', async () => {
    const file = pdf('zhuanbao/2024/2');
    const first = textLines(file)[0]!;
    const name = first.find((line) => line.text.replace(/\s/g, '').includes('样例区安全生产工作专报'))!;
    expect(name).toBeDefined();
    const raster = rasterize(file, 1, await tempDir('jianbao-raster-'), 100);
    let red = 0;
    let dark = 0;
    for (let x = name.xMin; x < name.xMax; x += 0.5) {
      for (let y = name.yMin; y < name.yMax; y += 0.5) {
        const [r, g, b] = raster.at(x, y);
        if (r > 180 && g < 120 && b < 100) red++;
        if (r < 90 && g < 90 && b < 90) dark++;
      }
    }
    expect(red).toBeGreaterThan(200);
    expect(dark).toBe(0);
    const body = bodyLines(textLines(file)[1]!)[3]!;
    let bodyRed = 0;
    for (let x = body.xMin; x < body.xMax; x += 0.5) {
      const [r, g, b] = raster.at(x, (body.yMin + body.yMax) / 2);
      if (r > 180 && g < 120 && b < 100) bodyRed++;
    }
    expect(bodyRed).toBe(0);
  });

  it('the text is extractable and searchable', () => {
    const text = execFileSync('pdftotext', [pdf('zhuanbao/2024/2'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('【上级会议精神】');
    expect(text).toContain('全省防汛抗旱工作电视电话会议精神');
    expect(text).toContain('区委副书记、区长林海');
    expect(text).toContain('区安委办以“月调度、季考评”推动责任落实');
    expect(text).toContain('东城街道12612095.2%');
  });

  it('articles layout, series settings: two-line masthead in #FF0000, page 1 unnumbered', async () => {
    const file = pdf('jianbao/2024/1');
    const { pages } = checkPdf(file, { firstPageNumber: false, publisher: '样例区应急管理局', name: '样例区应急管理简报' });
    const first = pages[0]!;
    const line1 = first.find((line) => line.text.trim() === '样例区')!;
    const line2 = first.find((line) => line.text.trim() === '应急管理简报')!;
    expect(line2.yMin - line1.yMin).toBeGreaterThan(15); // the name on two lines
    const raster = rasterize(file, 1, await tempDir('jianbao-raster-'), 100);
    const [r, g, b] = (() => {
      // The most saturated pixel of the masthead's second line.
      let best: [number, number, number] = [0, 0, 0];
      for (let x = line2.xMin; x < line2.xMax; x += 0.3) {
        for (let y = line2.yMin; y < line2.yMax; y += 0.3) {
          const pixel = raster.at(x, y);
          if (pixel[0] - pixel[1] > best[0] - best[1]) best = pixel;
        }
      }
      return best;
    })();
    // #FF0000 as set, not the default #E8380D (green 0x38).
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(30);
    expect(b).toBeLessThan(30);
  });
});

describe.skipIf(!browser)('PDF of the sample issues (content/)', () => {
  it('every sample issue meets the print numbers', async () => {
    const out = join(await tempDir('jianbao-pdf-sample-'), 'dist');
    const result = await runCli(['pdf', '--content', SAMPLE_CONTENT, '--out', out], { env: { ...process.env, JIANBAO_BROWSER: browser } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('版记未能放到末页底部');
    const pdfs = (await listFiles(out)).filter((file) => file.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    const checked = await checkContent(SAMPLE_CONTENT);
    // Published issues only: the site (and so `jianbao pdf`) leaves the draft out.
    const site = compileSite(checked.content, checked.registry, { drafts: false });
    expect(site.issues.length).toBeLessThan(checked.content.issues.length);
    expect(pdfs).toHaveLength(site.issues.length);
    for (const issue of site.issues) {
      const file = join(out, issue.key, issue.pdfName);
      checkPdf(file, { name: issue.series.name, publisher: issue.series.publisher, firstPageNumber: issue.print.firstPageNumber });
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });
});
