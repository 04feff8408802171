/**
 * 编一期's print preview draws the A4 pages the PDF of the same issue has:
 * for four issues of different lengths (one short entry with a photo, the
 * sample's pending 专报, one long article, and four full pages of a series
 * that leaves page 1 and the blank and 版记 pages unnumbered), composed in the studio in
 * Chromium, the pages drawn in the preview, the count it states and the
 * text on each page are those of the PDF `jianbao pdf` prints of the issue
 * 生成本期 wrote (read with poppler), page numbers and draft marks included.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, testBrowser } from '../helpers/index.ts';
import { pdfInfo, textLines } from '../helpers/pdf.ts';
import { photo } from '../helpers/pictures.ts';
import { openCompose, openStudio, POLL, type StudioSession } from '../helpers/studio.ts';
import { cli, sampleCopy } from '../helpers/workflow.ts';

const browser = await testBrowser('编辑台打印预览分页的浏览器测试');

/** A new entry by the CLI, its body replaced by `body`; its absolute path. */
async function entry(dir: string, series: string, section: string, date: string, title: string, body: string) {
  const made = await cli(
    dir,
    'new',
    'entry',
    '--series',
    series,
    '--section',
    section,
    '--unit',
    '应急局',
    '--date',
    date,
    '--title',
    title,
  );
  expect(made.code, made.stderr).toBe(0);
  const file = made.stdout.trim().split('\n')[0]!;
  const text = await readFile(file, 'utf8');
  await writeFile(file, `${text.slice(0, text.indexOf('\n---\n') + 5)}\n${body}\n`);
  return file;
}

/** A long article: numbered measures, each a paragraph of a few sentences (made up, as the sample is). */
function longBody(): string {
  const places = ['东城街道', '西城街道', '南湖镇', '北山镇', '工业园区', '高新区', '滨江街道', '河西镇'];
  const works = ['燃气管道', '消防通道', '电动自行车充电', '有限空间作业', '危化品储存', '建筑工地临边防护'];
  const paragraphs: string[] = ['一、主要做法'];
  for (let n = 0; n < 26; n++) {
    const place = places[n % places.length]!;
    const work = works[n % works.length]!;
    paragraphs.push(
      `（${n + 1}）${place}围绕${work}开展专项排查，组织网格员逐户逐点核查，建立问题清单${n + 3}项，明确整改责任人和完成时限，对一时难以整改的落实临时管控措施，做到整改不到位不销号。`,
    );
    if (n === 12) paragraphs.push('二、下一步工作');
  }
  return paragraphs.join('\n\n');
}

/**
 * A page-long measure 24 times over: with the fonts of this machine the text fills page 4 to its last line, so the
 * 版记 goes to page 6 (two-sided) after a blank page 5, both unnumbered in a series that says 空白页页码: 否.
 */
function fullPages(): string {
  const measures = Array.from(
    { length: 24 },
    (_, n) =>
      `（${n}）东城街道围绕燃气管道开展专项排查，组织网格员逐户逐点核查，建立问题清单${n}项，明确整改责任人和完成时限，对一时难以整改的落实临时管控措施，做到整改不到位不销号。`,
  );
  return ['一、主要做法', ...measures].join('\n\n');
}

describe.skipIf(!browser)('编辑台: the print preview draws the pages of the PDF (sample content)', () => {
  let session: StudioSession;
  let dir: string;

  beforeAll(async () => {
    dir = await sampleCopy();
    // A third series that leaves page 1, a blank page and the 版记 page after it unnumbered.
    const settings = join(dir, 'jianbao.yaml');
    const yaml = await readFile(settings, 'utf8');
    await writeFile(
      settings,
      yaml.replace(
        '\nseries:\n',
        '\nseries:\n  - id: tongbao\n    name: 示例区安全生产通报\n    publisher: 示例区应急管理局\n    layout: articles\n    sections: [experience]\n    打印: { 首页页码: 否, 空白页页码: 否 }\n    distribution:\n      send: [区委办, 区政府办]\n    copies: 30\n\n',
      ),
    );
    await entry(dir, 'tongbao', '经验交流', '2025-11-27', '东城街道燃气管道专项排查的做法', fullPages());
    await writeFile(join(dir, 'entries/2025/11/仓库检查.png'), photo());
    await entry(
      dir,
      'jianbao',
      '工作动态',
      '2025-11-28',
      '区应急管理局检查危化品仓库',
      '11月28日，区应急管理局检查了危化品仓库。\n\n![仓库检查现场](仓库检查.png)',
    );
    session = await openStudio(dir, browser!);
  });
  afterAll(() => session?.close());

  const frame = async (): Promise<Frame> =>
    (await (await session.page.locator('#print-preview').elementHandle()).contentFrame())!;

  interface Drawn {
    sheets: number;
    /** Per page: its number as drawn (or ''), its draft mark, its text (no white space). */
    pages: { number: string; mark: string; text: string }[];
    /** Whether every character of the flow lies inside the type area of the page it is on. */
    inside: boolean;
  }

  /** The pages a print preview drew (one under the other, or side by side), read back from its document. */
  const drawnIn = async (target: Frame | Page): Promise<Drawn> =>
    target.evaluate(() => {
      const root = document.documentElement;
      const flow = document.querySelector<HTMLElement>('.flow')!;
      const papers = [...document.querySelectorAll<HTMLElement>('.pages .page')];
      const mm = 96 / 25.4;
      const texts = papers.map(() => '');
      let inside = true;
      const walker = document.createTreeWalker(flow, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (let at = 0; at < value.length; at++) {
          if (/\s/.test(value[at]!)) continue;
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width === 0 && rect.height === 0) continue; // not rendered (aria-label text, hidden)
          const [x, y] = [(rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2];
          const page = papers.findIndex((paper) => {
            const sheet = paper.getBoundingClientRect();
            return y >= sheet.top && y < sheet.bottom && x >= sheet.left && x < sheet.right;
          });
          if (page < 0) {
            inside = false;
            continue;
          }
          // The type area: 37 mm from the top; 28 mm from the left of a right-hand page, 26 mm of a left-hand one.
          const paper = papers[page]!;
          const sheet = paper.getBoundingClientRect();
          const left = sheet.left + (paper.classList.contains('left') ? 26 : 28) * mm;
          if (
            rect.top < sheet.top + 36.5 * mm ||
            rect.bottom > sheet.top + (37 + 225) * mm + 0.5 ||
            rect.left < left - 1 ||
            rect.right > left + 156 * mm + 1
          )
            inside = false;
          texts[page] = texts[page]! + value[at]!;
        }
      }
      return {
        sheets: Number(root.dataset.sheets),
        pages: papers.map((paper, index) => ({
          number: paper.querySelector('.page-number')?.textContent ?? '',
          mark: paper.querySelector('.page-mark')?.textContent ?? '',
          text: texts[index]!,
        })),
        inside,
      };
    });
  const drawn = async () => drawnIn(await frame());

  /**
   * The same preview side by side, as a browser without column-wrap (Firefox) draws it: opened full size
   * with ?pages=across.
   */
  async function drawnAcross(shot: string): Promise<Drawn> {
    const href = await session.page.locator('#preview-open').getAttribute('href');
    const url = new URL(href!, session.studio.origin);
    url.searchParams.set('pages', 'across');
    url.searchParams.set('token', new URL(session.studio.url).searchParams.get('token')!);
    const other = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await other.goto(url.href);
      await other.waitForFunction(() => document.documentElement.dataset.preview === 'ready');
      expect(await other.evaluate(() => document.documentElement.classList.contains('across'))).toBe(true);
      await other.screenshot({ path: join(ROOT, 'test-output', shot.replace(/\.png$/, '-across.png')) });
      return await drawnIn(other);
    } finally {
      await other.close();
    }
  }

  /** Compose, wait for the drawn pages, look, generate; what was drawn. */
  async function composeAndGenerate(series: string, numbering: string, file: string, shot: string): Promise<Drawn> {
    const { page } = session;
    await openCompose(session, series, '2025-12-05');
    // The preview of the list as shown (a plan loaded before the studio saw a new entry is replaced).
    const shown = async () => {
      const listed = await page.locator('#issue-entries li').count();
      const printed = await (
        await frame()
      ).evaluate(() =>
        document.documentElement.dataset.preview === 'ready' ? document.querySelectorAll('article.entry').length : -1,
      );
      return listed > 0 && printed === listed && (await page.locator('#preview-status').textContent());
    };
    await expect.poll(shown, POLL).toMatch(new RegExp(`${numbering}（草稿），共 \\d+ 页 A4`));
    const pages = await drawn();
    expect(pages.sheets).toBe(pages.pages.length);
    expect(await page.locator('#preview-status').textContent()).toContain(`共 ${pages.sheets} 页 A4`);
    expect(pages.inside).toBe(true);
    // Every sheet is A4.
    const sizes = await (await frame()).locator('.pages .page').evaluateAll((papers) =>
      papers.map((paper) => {
        const rect = paper.getBoundingClientRect();
        return [Math.round((rect.width * 25.4) / 96), Math.round((rect.height * 25.4) / 96)];
      }),
    );
    expect(sizes).toEqual(pages.pages.map(() => [210, 297]));
    // Side by side: the very same pages.
    expect(await drawnAcross(shot)).toEqual(pages);
    await page.locator('.preview-box').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'test-output', shot) });
    await page.getByRole('button', { name: '生成本期' }).click();
    await expect.poll(() => page.locator('#created').textContent(), POLL).toContain(`已写入 ${file}`);
    return pages;
  }

  it('draws as many pages as the PDF has, with the same text, numbers and marks on each, for four issues', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    const short = await composeAndGenerate(
      'jianbao',
      '2025年 第4期',
      'issues/jianbao/2025-04.md',
      'studio-pages-short.png',
    );
    // A long article for the next 简报, written while the studio runs.
    await entry(dir, 'jianbao', '经验交流', '2025-11-29', '全区深化安全生产隐患排查整治的做法', longBody());
    await expect.poll(async () => (await cli(dir, 'check')).code, POLL).toBe(0);
    const long = await composeAndGenerate(
      'jianbao',
      '2025年 第5期',
      'issues/jianbao/2025-05.md',
      'studio-pages-long.png',
    );
    const sections = await composeAndGenerate(
      'zhuanbao',
      '2025年 第3期（总第46期）',
      'issues/zhuanbao/2025-03.md',
      'studio-pages-zhuanbao.png',
    );
    const unnumbered = await composeAndGenerate(
      'tongbao',
      '2025年 第1期',
      'issues/tongbao/2025-01.md',
      'studio-pages-tongbao.png',
    );
    expect(long.sheets).toBeGreaterThan(short.sheets);
    // Page 1 unnumbered; the blank page 5 and the 版记 page 6 too (if the fonts ever end the text elsewhere, retune fullPages).
    expect(unnumbered.pages.map((drawnPage) => drawnPage.number)).toEqual(['', '— 2 —', '— 3 —', '— 4 —', '', '']);

    const out = join(dir, '..', 'pdf-site');
    const printed = await cli(
      dir,
      'pdf',
      'jianbao/2025-4',
      'jianbao/2025-5',
      'zhuanbao/2025-3',
      'tongbao/2025-1',
      '--drafts',
      '--out',
      out,
    );
    expect(printed.code, printed.stderr).toBe(0);
    for (const [drawnPages, file] of [
      [short, 'jianbao/2025/4/jianbao-2025-4.pdf'],
      [long, 'jianbao/2025/5/jianbao-2025-5.pdf'],
      [sections, 'zhuanbao/2025/3/zhuanbao-2025-3.pdf'],
      [unnumbered, 'tongbao/2025/1/tongbao-2025-1.pdf'],
    ] as const) {
      const pdf = join(out, file);
      expect(drawnPages.sheets, file).toBe(pdfInfo(pdf).pages);
      const lines = textLines(pdf);
      drawnPages.pages.forEach((drawnPage, index) => {
        const text = lines[index]!.map((line) => line.text);
        const number = text.find((line) => /^— \d+ —$/.test(line)) ?? '';
        expect(drawnPage.number, `${file} page ${index + 1}`).toBe(number);
        expect(drawnPage.mark, `${file} page ${index + 1}`).toBe(text.includes('草稿') ? '草稿' : '');
        const body = text
          .filter((line) => line !== number && line !== '草稿')
          .join('')
          .replace(/\s/g, '');
        expect(drawnPage.text, `${file} page ${index + 1}`).toBe(body);
      });
    }
    expect(session.pageErrors).toEqual([]);
  });
});
