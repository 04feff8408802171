/**
 * The PDFs measured against the GB/T 9704 grid (README, 打印与 PDF): build the site, print every issue
 * with the system's Chromium (`jianbao pdf`), then read the PDFs with
 * poppler-utils. Page 1 and the last page of the long issue are saved under
 * test-output/print/ for a person to look at.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, compileSite } from '../../src/core/index.ts';
import { FIXTURES, ROOT, SAMPLE_CONTENT, listFiles, runCli, tempDir, testBrowser } from '../helpers/index.ts';
import {
  charsBySize,
  lowestRule,
  pdfFonts,
  pdfInfo,
  rasterize,
  savePng,
  textLines,
  type TextLine,
} from '../helpers/pdf.ts';

const CONTENT = join(FIXTURES, 'print/content');
const OUTPUT = join(ROOT, 'test-output/print');

const browser = await testBrowser('PDF 测试');

const TYPE_TOP = 37;
const TYPE_BOTTOM = 262;
const CHAR_14PT = 14 * (25.4 / 72);

const isPageNumber = (line: TextLine) => /^—\s*\d+\s*—$/.test(line.text.trim());
const bodyLines = (lines: TextLine[]) =>
  lines.filter((line) => !isPageNumber(line) && line.yMin > TYPE_TOP - 2 && line.yMax < TYPE_BOTTOM + 2);
/** 16 pt lines are ≈ 8.1 mm high in pdftotext's boxes; 14 pt (tables, 版记) ≈ 7.1 mm. */
const isBodySize = (line: TextLine) => line.yMax - line.yMin > 7.6;

const PITCH = 225 / 22;
/** pdftotext's box of a 16 pt line on the grid ends this far above its line box (260.6 mm for the 22nd line). */
const LINE_BOX_GAP = 1.4;
const isHeading = (line: TextLine) => /^【.+】$|^[一二三四五六七八九十]+、/.test(line.text.replace(/\s/g, ''));

interface Expected {
  name: string;
  publisher: string;
  firstPageNumber: boolean;
  /** Printed two-sided: the 版记 on an even page (a blank page before it when needed). */
  duplex: boolean;
  /** Whether a blank page before the 版记, and the 版记 page, carry page numbers. */
  blankPageNumber: boolean;
  /** Whether the issue has a 版记 at all (an empty one is not printed). */
  colophon: boolean;
  /** The mark each page of a draft carries at the top (草稿, 征求意见稿), or none. */
  draftMark: string | undefined;
}

/** The bottom edge of the 版记's last rule on the last page, read from the pixels. */
async function colophonRule(file: string, page: number): Promise<number | undefined> {
  const raster = rasterize(file, page, await tempDir('jianbao-rule-'), 300);
  return lowestRule(raster, { fromMm: 230, toMm: 275, xMinMm: 30, xMaxMm: 180, minWidthMm: 140 });
}

/** Every check of the print numbers that holds for any issue. */
async function checkPdf(file: string, options: Expected) {
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
  const lastIndex = pages.length - 1;
  // Two-sided with a 版记: it is on the last side of a sheet, an even page.
  if (options.duplex && options.colophon) expect(pages.length % 2, `双面印刷共 ${pages.length} 页`).toBe(0);
  // A page without text: only the blank page put before the 版记 page to make it even.
  const blank = pages.map((lines) => bodyLines(lines).length === 0);
  const blankIndex = blank.findIndex(Boolean);
  if (blankIndex !== -1) {
    expect(options.duplex && options.colophon, `第 ${blankIndex + 1} 页没有正文`).toBe(true);
    expect(blankIndex, '空白页只能在版记页之前').toBe(lastIndex - 1);
  }
  expect(blank.filter(Boolean).length).toBeLessThanOrEqual(1);
  pages.forEach((lines, index) => {
    const number = index + 1;
    const odd = number % 2 === 1;
    const body = bodyLines(lines);
    // Binding edge 28 mm on odd pages, mirrored (26 mm) on even pages; the 版记 is set one character in.
    const text = body.filter(isBodySize);
    if (text.length)
      expect(
        Math.abs(Math.min(...text.map((line) => line.xMin)) - (odd ? 28 : 26)),
        `第 ${number} 页左边距`,
      ).toBeLessThanOrEqual(1);
    if (body.length)
      expect(Math.max(...body.map((line) => line.xMax)), `第 ${number} 页右边`).toBeLessThanOrEqual(
        odd ? 184.5 : 182.5,
      );
    // Pages after the first start on the type area's top edge (a page holding only the 版记 does not).
    if (number > 1 && text.length)
      expect(
        Math.abs(Math.min(...body.map((line) => line.yMin)) - TYPE_TOP),
        `第 ${number} 页首行`,
      ).toBeLessThanOrEqual(1);
    // No heading alone at the bottom of a page.
    if (number < pages.length && text.length) {
      const bottom = text.reduce((a, b) => (b.yMax > a.yMax ? b : a)).text.replace(/\s/g, '');
      expect(bottom, `第 ${number} 页末行是标题`).not.toMatch(/^【.+】$|^[一二三四五六七八九十]+、.{1,26}$/);
    }
    // A draft's mark above the type area, at the outside corner; none on a final issue.
    const top = lines.filter((line) => line.yMax < TYPE_TOP - 2);
    expect(
      top.map((line) => line.text.replace(/\s/g, '')),
      `第 ${number} 页的草稿标记`,
    ).toEqual(options.draftMark ? [options.draftMark] : []);
    if (options.draftMark) {
      const mark = top[0]!;
      if (odd) expect(Math.abs(mark.xMax - 184), `第 ${number} 页草稿标记右端`).toBeLessThan(1.5);
      else expect(Math.abs(mark.xMin - 26), `第 ${number} 页草稿标记左端`).toBeLessThan(1.5);
    }
    const numbers = lines.filter(isPageNumber);
    const unnumbered =
      (number === 1 && !options.firstPageNumber) ||
      (blankIndex !== -1 && !options.blankPageNumber && index >= blankIndex);
    if (unnumbered) {
      expect(numbers, `第 ${number} 页不印页码`).toHaveLength(0);
      return;
    }
    expect(numbers.map((line) => line.text.replace(/\s+/g, ' '))).toEqual([`— ${number} —`]);
    const mark = numbers[0]!;
    expect(mark.yMin).toBeGreaterThan(TYPE_BOTTOM + 3);
    // One character in from the outside edge of the type area.
    if (odd) expect(Math.abs(mark.xMax - (184 - CHAR_14PT))).toBeLessThan(1.5);
    else expect(Math.abs(mark.xMin - (26 + CHAR_14PT))).toBeLessThan(1.5);
  });

  // Pages end where they should: a page ends more than one line early only when what comes next
  // may not be split there — a heading kept with its first two lines (and the blank line before an
  // article's title), or a table. Not checked: the last page of text (a forced break follows it:
  // the end, or the 版记 turned to a later page).
  const textPages = pages.map((lines) => bodyLines(lines).filter(isBodySize));
  const lastText = textPages.findLastIndex((lines) => lines.length > 0);
  const early: number[] = [];
  for (let index = 0; index < lastText; index++) {
    const body = bodyLines(pages[index]!);
    const end = Math.max(...body.map((line) => line.yMax));
    const linesEarly = Math.round((TYPE_BOTTOM - LINE_BOX_GAP - end) / PITCH);
    early.push(linesEarly);
    if (linesEarly <= 1) continue;
    const next = bodyLines(pages[index + 1]!);
    const first = next[0]!;
    const table = !isBodySize(first);
    // Consecutive centred or heading lines at the top of the next page: the heading kept with its text.
    // (Centred within the next page's type area: 28–184 mm on odd pages, 26–182 mm on even ones; a title
    // nearly as wide as the type area is told from a full line of text by its larger type.)
    const [left, right] = (index + 2) % 2 === 1 ? [28, 184] : [26, 182];
    const centred = (line: TextLine) =>
      Math.abs(line.xMin - left - (right - line.xMax)) < 3 && (line.xMin - left > 2 || line.yMax - line.yMin > 9);
    let heading = 0;
    while (heading < next.length && (isHeading(next[heading]!) || centred(next[heading]!))) heading++;
    expect(
      table || heading > 0,
      `第 ${index + 1} 页提前 ${linesEarly} 行结束，下一页却不是以标题或表格开始：${first.text}`,
    ).toBe(true);
    // The heading, two lines after it and a blank line before it would have fitted: it should not have moved.
    if (!table) expect(linesEarly, `第 ${index + 1} 页提前 ${linesEarly} 行结束`).toBeLessThan(heading + 2 + 1);
  }

  // The 版记's last rule on the type area's bottom edge of the last page.
  if (options.colophon) {
    const last = bodyLines(pages[lastIndex]!);
    const end = last.reduce((a, b) => (b.yMax > a.yMax ? b : a));
    expect(Math.abs(end.yMax - TYPE_BOTTOM), `版记末行底边 ${end.yMax.toFixed(1)} mm`).toBeLessThanOrEqual(2);
    const rule = await colophonRule(file, pages.length);
    expect(rule, '末页没有版记的末条线').toBeDefined();
    expect(Math.abs(rule! - TYPE_BOTTOM), `版记末条线底边 ${rule?.toFixed(2)} mm`).toBeLessThanOrEqual(0.5);
  } else {
    expect(await colophonRule(file, pages.length), '没有版记，却有版记的线').toBeUndefined();
    expect(
      pages
        .flat()
        .map((line) => line.text.replace(/\s/g, ''))
        .join('\n'),
    ).not.toMatch(/^报：|共印\d+份/m);
  }
  return { info, pages, early };
}

const ZHUANBAO = {
  publisher: '样例区安全生产委员会办公室',
  name: '样例区安全生产工作专报',
  firstPageNumber: true,
  duplex: true,
  blankPageNumber: false,
  colophon: true,
  draftMark: '草稿',
};
const JIANBAO = {
  publisher: '样例区应急管理局',
  name: '样例区应急管理简报',
  firstPageNumber: false,
  duplex: false,
  blankPageNumber: true,
  colophon: true,
  draftMark: '草稿',
};
const KUAIBAO = {
  publisher: '样例区安委办',
  name: '样例区安全生产快报',
  firstPageNumber: true,
  duplex: true,
  blankPageNumber: true,
  colophon: false,
  draftMark: '征求意见稿',
};

describe.skipIf(!browser)('PDF of the print pages (fixture: short, long, supplement, articles, no 版记)', () => {
  let out: string;
  const pdf = (key: string) => join(out, key, `${key.replace(/\//g, '-')}.pdf`);

  beforeAll(async () => {
    out = join(await tempDir('jianbao-pdf-'), 'dist');
    const result = await runCli(['pdf', '--drafts', '--content', CONTENT, '--out', out], {
      env: { ...process.env, JIANBAO_BROWSER: browser },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ 已生成 5 个 PDF');
    expect(result.stdout).not.toContain('版记未能放到末页底部');
    await mkdir(OUTPUT, { recursive: true });
  });

  it('writes one PDF per issue where SPEC says', async () => {
    const pdfs = (await listFiles(out)).filter((file) => file.endsWith('.pdf'));
    expect(pdfs).toEqual([
      'jianbao/2024/1/jianbao-2024-1.pdf',
      'kuaibao/2024/1/kuaibao-2024-1.pdf',
      'zhuanbao/2024/1/zhuanbao-2024-1.pdf',
      'zhuanbao/2024/2/zhuanbao-2024-2.pdf',
      'zhuanbao/2024/zk1/zhuanbao-2024-zk1.pdf',
    ]);
  });

  it('short issue, two-sided: text on page 1, the 版记 alone at the bottom of page 2', async () => {
    const { info, pages } = await checkPdf(pdf('zhuanbao/2024/1'), ZHUANBAO);
    expect(info.pages).toBe(2);
    expect(pages[0]!.map((line) => line.text).join('')).not.toContain('共印');
    const text = pages[1]!.map((line) => line.text).join('\n');
    expect(text).toContain('共印50份');
    // Leader names in rank order, the group ending in 同志 (pdftotext splits at the padding space).
    expect(text.replace(/\s/g, '')).toContain('高文山、林海、许明辉、方琳、周立、');
    expect(text).toContain('邓志强同志');
    // The text ended on an odd page: the 版记 page follows it directly (no blank page), numbered.
    expect(pages[1]!.filter(isPageNumber)).toHaveLength(1);
  });

  it('long issue: on the 22 × 28 grid in 16 pt; the text ends on a full even page, so a blank page, then the 版记 page, both unnumbered', async () => {
    const file = pdf('zhuanbao/2024/2');
    const { info, pages, early } = await checkPdf(file, ZHUANBAO);
    expect(info.pages).toBeGreaterThanOrEqual(6);
    // The page before the blank one has text; the blank one (set 空白页页码: 否) has nothing, not even a page number.
    expect(bodyLines(pages[info.pages - 3]!).length).toBeGreaterThan(0);
    expect(pages[info.pages - 2]!.filter((line) => line.yMin > TYPE_TOP - 2)).toEqual([]);
    // Every page of text but the last ends on the grid's last line or the one before.
    expect(
      early.every((lines) => lines <= 1),
      `提前结束的行数：${early.join('、')}`,
    ).toBe(true);
    let fullPages = 0;
    for (let index = 1; index < pages.length - 2; index++) {
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
    for (let page = 1; page <= info.pages; page++) savePng(file, page, join(OUTPUT, `zhuanbao-2024-2-${page}.png`), 50);
  });

  it('supplement: masthead 2024年 增刊第1期 without a total; the regular issues keep theirs', async () => {
    const file = pdf('zhuanbao/2024/zk1');
    const { pages } = await checkPdf(file, ZHUANBAO);
    const first = pages[0]!.map((line) => line.text.replace(/\s/g, ''));
    expect(first).toContain('2024年增刊第1期');
    expect(first.join('')).not.toContain('总第');
    expect(pdfInfo(file).title).toContain('2024年 增刊第1期');
    const regular = textLines(pdf('zhuanbao/2024/2'))[0]!.map((line) => line.text.replace(/\s/g, ''));
    expect(regular).toContain('2024年第2期（总第22期）');
    savePng(file, 1, join(OUTPUT, 'zhuanbao-2024-zk1-1.png'), 50);
  });

  it('no 版记 (no distribution, contact, staff or copies): no rules, no page without text', async () => {
    const file = pdf('kuaibao/2024/1');
    const { info } = await checkPdf(file, KUAIBAO);
    // The text ends on page 1: two-sided or not, there is no 版记 to turn to an even page.
    expect(info.pages).toBe(1);
    savePng(file, 1, join(OUTPUT, 'kuaibao-2024-1-1.png'), 50);
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

  it('articles layout, one-sided, series settings: two-line masthead in #FF0000, page 1 unnumbered', async () => {
    const file = pdf('jianbao/2024/1');
    const { pages } = await checkPdf(file, JIANBAO);
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
    for (let page = 1; page <= pages.length; page++)
      savePng(file, page, join(OUTPUT, `jianbao-2024-1-${page}.png`), 50);
  });

  it('titles: balanced lines that break between words, and where the clerk forced the break', () => {
    const pages = textLines(pdf('jianbao/2024/1'));
    const all = pages.flat();
    // 区应急管理局联合消防救援大队开展防汛应急综合演练走进东城街道: 31 characters at 22 pt (20 a line), two lines.
    const start = all.findIndex((line) => line.text.replace(/\s/g, '').startsWith('区应急管理局联合'));
    expect(start).toBeGreaterThan(-1);
    const [one, two] = [all[start]!, all[start + 1]!].map((line) => line.text.replace(/\s/g, ''));
    expect(one! + two!).toBe('区应急管理局联合消防救援大队开展防汛应急综合演练走进东城街道');
    // Balanced: the lines differ by a word at most, not 20 + 11.
    expect(Math.abs([...one!].length - [...two!].length)).toBeLessThanOrEqual(4);
    // Not inside a word: never in 东城街道, 应急, 演练…
    const words = new Intl.Segmenter('zh', { granularity: 'word' });
    const boundaries = new Set([...words.segment(one! + two!)].map((part) => part.index));
    expect(boundaries.has(one!.length), `标题断在「${one}」|「${two}」`).toBe(true);
    expect(two).toContain('东城街道');
    // 网格化排查｜让隐患无处藏身: the clerk's break, centred lines.
    const forced = all.findIndex((line) => line.text.replace(/\s/g, '') === '网格化排查');
    expect(forced).toBeGreaterThan(-1);
    expect(all[forced + 1]!.text.replace(/\s/g, '')).toBe('让隐患无处藏身');
  });

  it('titles on the web page: the same forced break and break opportunities', async () => {
    const html = await readFile(join(out, 'jianbao/2024/1/index.html'), 'utf8');
    expect(html).toMatch(/<h2 class="entry__title"[^>]*>网格化排查<br>让隐患<wbr>无处<wbr>藏身<\/h2>/);
    // 东城街道 is one word: no break opportunity inside it.
    expect(html).toContain('<wbr>走进东城街道</h2>');
  });
});

describe.skipIf(!browser)('PDF of the sample issues (content/)', () => {
  it('every sample issue meets the print numbers', async () => {
    const out = join(await tempDir('jianbao-pdf-sample-'), 'dist');
    const result = await runCli(['pdf', '--content', SAMPLE_CONTENT, '--out', out], {
      env: { ...process.env, JIANBAO_BROWSER: browser },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('版记未能放到末页底部');
    const pdfs = (await listFiles(out)).filter((file) => file.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    const checked = await checkContent(SAMPLE_CONTENT);
    // Published issues only: the site (and so `jianbao pdf`) leaves the draft out.
    const site = compileSite(checked.content, checked.registry, { drafts: false });
    expect(site.issues.length).toBeLessThan(checked.content.issues.length);
    expect(pdfs).toHaveLength(site.issues.length);
    // A published issue carries no draft mark.
    expect(site.issues.some((issue) => issue.status === 'published' && issue.draftMark === undefined)).toBe(true);
    for (const issue of site.issues) {
      const file = join(out, issue.key, issue.pdfName);
      const { distribution, contact, copies, staff } = issue.colophon;
      const colophon = distribution.length > 0 || contact.length > 0 || staff.length > 0 || copies !== undefined;
      await checkPdf(file, {
        name: issue.series.name,
        publisher: issue.series.publisher,
        firstPageNumber: issue.print.firstPageNumber,
        duplex: issue.print.duplex,
        blankPageNumber: issue.print.blankPageNumber,
        colophon,
        draftMark: issue.draftMark,
      });
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });
});
