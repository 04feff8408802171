/**
 * Images end to end through the real build: a content directory with a PNG,
 * a JPEG, a web image and a photo taller than a page, built twice — at `/`
 * with PDFs, and under `site.base: /bulletin/` after `jianbao import` of a
 * Word file with a picture. The site's media/ holds the very bytes, every
 * <img> resolves, Chromium shows them, and the PDF embeds them inside the
 * type area, each whole on one page with its caption. Screenshots and page
 * images are saved under test-output/images/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Document as WordDocument, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent, listFiles, ROOT, runCli, tempDir, testBrowser, launchBrowser } from '../helpers/index.ts';
import { rasterize, savePng, textLines } from '../helpers/pdf.ts';
import { serve } from '../helpers/serve.ts';
import { build, checkLinks, page } from '../helpers/site.ts';
import { JPEG, photo, png } from '../helpers/pictures.ts';

const OUTPUT = join(ROOT, 'test-output/images');
const ISSUE = 'zhuanbao/2024/4/';
const PDF = join(ISSUE, 'zhuanbao-2024-4.pdf');

/** Colours no text has: the tall photo is found in the page raster by them. */
const TALL_COLOUR: [number, number, number] = [250, 200, 0];
const PHOTO = photo();
/** 600 × 1000 px (≈ 159 × 265 mm at 96 dpi): wider than the type area and taller than a page. */
const TALL = png(600, 1000, (x, y) => (x < 8 || y < 8 || x >= 592 || y >= 992 ? [0, 120, 0] : TALL_COLOUR));
const WORD_PICTURE = png(160, 120, (x, y) => ((x >> 4) % 2 === (y >> 4) % 2 ? [0, 150, 150] : [240, 240, 240]));

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const mediaName = (bytes: Buffer, ext: string) => `media/${sha(bytes).slice(0, 12)}.${ext}`;

let content: string;
let dist: string;
let bulletin: string;

async function put(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(join(content, path)), { recursive: true });
  await writeFile(join(content, path), data);
}

async function addToIssue(id: string): Promise<void> {
  const issue = join(content, 'issues/2024-04.md');
  await writeFile(issue, (await readFile(issue, 'utf8')).replace(/稿件: \[(.*)\]/, `稿件: [$1, ${id}]`));
}

async function wordFile(): Promise<string> {
  const doc = new WordDocument({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('青石镇开展消防演练')] }),
          new Paragraph({
            children: [new TextRun('6月26日，青石镇组织开展消防应急演练，镇村干部和企业员工80余人参加。')],
          }),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: WORD_PICTURE, transformation: { width: 160, height: 120 } })],
          }),
        ],
      },
    ],
  });
  const file = join(await tempDir('jianbao-word-'), '消防演练.docx');
  await writeFile(file, await Packer.toBuffer(doc));
  return file;
}

beforeAll(async () => {
  content = await copyContent();
  await put('entries/2024/现场照片-图1.png', PHOTO);
  await put('entries/2024/图/整改.jpg', JPEG);
  await put(
    'entries/2024/现场照片.md',
    [
      '---',
      'section: work-updates',
      'date: 2024-06-20',
      'unit: 应急局',
      '---',
      '6月20日，区应急管理局对青石镇3家危化品企业开展现场检查，发现隐患5处，已当场交办整改。',
      '',
      '![检查组在青石镇某企业检查储罐区](./现场照片-图1.png)',
      '',
      '整改完成后，检查组进行了复查。',
      '',
      '![整改后的消防通道](图/整改.jpg)',
      '',
      '![外网图片](https://www.example.com/x.jpg)',
      '',
    ].join('\n'),
  );
  await addToIssue('2024/现场照片');
  await put('entries/2024/图/全景.png', TALL);
  await put(
    'entries/2024/全景.md',
    `---\nsection: work-updates\ndate: 2024-06-21\nunit: 应急局\n---\n${'6月21日，区应急管理局组织专家对全区加油站开展安全评估，逐站查看储罐、管线和消防设施。'.repeat(4)}\n\n![青石镇加油站全景](图/全景.png)\n\n评估结果已通报各镇（街道）。\n`,
  );
  await addToIssue('2024/全景');
  dist = join(await tempDir('jianbao-images-'), 'site');
  const result = await build(content, dist, ['--pdf']);
  expect(result.stderr).toBe('');
  expect(result.code, result.stdout).toBe(0);
  await mkdir(OUTPUT, { recursive: true });
});

describe('build: images in entries', () => {
  it('copies each shown image once into media/, byte for byte, under its content hash', async () => {
    const media = (await listFiles(dist)).filter((file) => file.startsWith('media/'));
    expect(media.sort()).toEqual([mediaName(PHOTO, 'png'), mediaName(JPEG, 'jpg'), mediaName(TALL, 'png')].sort());
    expect(await readFile(join(dist, mediaName(PHOTO, 'png')))).toEqual(PHOTO);
    expect(await readFile(join(dist, mediaName(JPEG, 'jpg')))).toEqual(JPEG);
    expect(await readFile(join(dist, mediaName(TALL, 'png')))).toEqual(TALL);
  });

  it('shows them as captioned figures on the issue page and the print page; every src resolves', async () => {
    for (const path of [ISSUE, `${ISSUE}print/`]) {
      const document = await page(dist, path);
      const figures = [...document.querySelectorAll('figure')].map((figure) => ({
        src: figure.querySelector('img')?.getAttribute('src'),
        alt: figure.querySelector('img')?.getAttribute('alt'),
        caption: figure.querySelector('figcaption')?.textContent,
      }));
      expect(figures).toEqual([
        {
          src: `/${mediaName(PHOTO, 'png')}`,
          alt: '检查组在青石镇某企业检查储罐区',
          caption: '检查组在青石镇某企业检查储罐区',
        },
        { src: `/${mediaName(JPEG, 'jpg')}`, alt: '整改后的消防通道', caption: '整改后的消防通道' },
        { src: `/${mediaName(TALL, 'png')}`, alt: '青石镇加油站全景', caption: '青石镇加油站全景' },
      ]);
      expect(document.body.textContent).toContain('［图：外网图片］');
    }
    const { problems, checked } = await checkLinks(dist, '/');
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});

const browserPath = await testBrowser('图片在浏览器中显示的测试');

describe('images in a real browser', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it.skipIf(!browserPath)('loads every image of the issue page from the site itself', async () => {
    const served = await serve(dist, '/');
    const browser = await launchBrowser(browserPath!);
    close = async () => {
      await browser.close();
      await served.close();
    };
    const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await tab.goto(`${served.url}${ISSUE}`);
    // Lazy images load as they come into view: scroll each in, then wait for them.
    for (const image of await tab.$$('figure img')) await image.scrollIntoViewIfNeeded();
    await tab.waitForFunction(() => [...document.images].every((image) => image.complete));
    const sizes = await tab.$$eval('figure img', (images) =>
      images.map((image) => [(image as HTMLImageElement).naturalWidth, (image as HTMLImageElement).naturalHeight]),
    );
    expect(sizes).toEqual([
      [240, 160],
      [8, 6],
      [600, 1000],
    ]);
    // Never wider than the text column.
    const overflow = await tab.$$eval(
      'figure img',
      (images) =>
        images.filter(
          (image) =>
            image.getBoundingClientRect().width > image.closest('.entry__body')!.getBoundingClientRect().width + 0.5,
        ).length,
    );
    expect(overflow).toBe(0);
    expect(served.requests.filter((request) => request.status !== 200)).toEqual([]);
    expect(served.requests.filter((request) => request.path.startsWith('/media/')).length).toBe(3);
    await tab.locator('figure').first().scrollIntoViewIfNeeded();
    await tab.screenshot({ path: join(OUTPUT, 'issue.png') });
  });
});

/** The images of a PDF, as poppler's pdfimages lists them. */
function imagesList(file: string): { page: number; width: number; height: number }[] {
  const out = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells[2] === 'image')
    .map((cells) => ({ page: Number(cells[0]), width: Number(cells[3]), height: Number(cells[4]) }));
}

describe('PDF: images in print', () => {
  it.skipIf(!browserPath)('embeds every image, each on one page only', () => {
    const list = imagesList(join(dist, PDF));
    const bySize = (width: number, height: number) =>
      list.filter((image) => image.width === width && image.height === height);
    expect(bySize(240, 160)).toHaveLength(1);
    expect(bySize(8, 6)).toHaveLength(1);
    // Too tall for the rest of page 1: moved whole to the next page, never split.
    expect(bySize(600, 1000)).toHaveLength(1);
    expect(bySize(600, 1000)[0]!.page).toBeGreaterThan(bySize(240, 160)[0]!.page);
  });

  it.skipIf(!browserPath)('keeps the text after a figure on the 22-line grid', () => {
    const pitch = 225 / 22;
    // 16 pt body lines below the masthead (captions are 14 pt).
    const lines = textLines(join(dist, PDF))[0]!.filter(
      (line) => line.yMax - line.yMin > 7.6 && line.yMin > 100 && line.yMax < 262,
    );
    expect(lines.map((line) => line.text.replace(/\s/g, ''))).toContain('整改完成后，检查组进行了复查。');
    const offsets = lines.map((line) => (((line.yMin - 37) % pitch) + pitch) % pitch);
    for (const offset of offsets) expect(Math.abs(offset - offsets[0]!)).toBeLessThan(0.4);
  });

  it.skipIf(!browserPath)('keeps the tall photo inside the type area, with its caption on the same page', () => {
    const file = join(dist, PDF);
    const pageNumber = imagesList(file).find((image) => image.width === 600)!.page;
    const raster = rasterize(file, pageNumber, OUTPUT, 50);
    const mm = (px: number) => (px / raster.dpi) * 25.4;
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let y = 0; y < raster.height; y++) {
      for (let x = 0; x < raster.width; x++) {
        const [r, g, b] = raster.at(mm(x), mm(y));
        if (Math.abs(r - TALL_COLOUR[0]) < 30 && Math.abs(g - TALL_COLOUR[1]) < 30 && b < 60) {
          [left, top, right, bottom] = [
            Math.min(left, mm(x)),
            Math.min(top, mm(y)),
            Math.max(right, mm(x)),
            Math.max(bottom, mm(y)),
          ];
        }
      }
    }
    const inside = pageNumber % 2 === 1 ? 28 : 26;
    expect(left).toBeGreaterThanOrEqual(inside - 1);
    expect(right).toBeLessThanOrEqual(inside + 156 + 1);
    expect(top).toBeGreaterThanOrEqual(37 - 1);
    expect(bottom).toBeLessThanOrEqual(262 + 1);
    // Scaled to fit a page with its caption: nearly the whole type area high.
    expect(bottom - top).toBeGreaterThan(180);
    const caption = textLines(file)[pageNumber - 1]!.find(
      (line) => line.text.replace(/\s/g, '') === '青石镇加油站全景',
    );
    expect(caption, '图注与图片在同一页').toBeDefined();
    expect(caption!.yMin).toBeGreaterThan(bottom - 1);
    expect(caption!.yMax).toBeLessThanOrEqual(262 + 1);
    savePng(file, 1, join(OUTPUT, 'pdf-page-1.png'));
    savePng(file, pageNumber, join(OUTPUT, `pdf-page-${pageNumber}.png`));
  });
});

describe('under /bulletin/, after importing a Word file with a picture', () => {
  beforeAll(async () => {
    const settings = join(content, 'jianbao.yaml');
    await writeFile(settings, (await readFile(settings, 'utf8')).replace(/^(\s*base:\s*)\/\s*$/m, '$1/bulletin/'));
    const before = await listFiles(content);
    const imported = await runCli([
      'import',
      await wordFile(),
      '--content',
      content,
      '--date',
      '2024-06-26',
      '--unit',
      'qsz',
    ]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    const added = (await listFiles(content)).filter((file) => !before.includes(file));
    const entryFile = added.find((file) => file.endsWith('.md'))!;
    expect(added).toEqual([entryFile.replace(/\.md$/, '-图1.png'), entryFile]);
    // The clerk reads the draft, marks it ready and lists it in the issue.
    const entryPath = join(content, entryFile);
    await writeFile(entryPath, (await readFile(entryPath, 'utf8')).replace('状态: 草稿', '状态: 待编'));
    await addToIssue(entryFile.replace(/^entries\//, '').replace(/\.md$/, ''));
    bulletin = join(await tempDir('jianbao-images-base-'), 'site');
    const result = await build(content, bulletin);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
  });

  it('shows the Word picture and keeps every image under the base, with the same names as at /', async () => {
    const document = await page(bulletin, ISSUE);
    const sources = [...document.querySelectorAll('figure img')].map((img) => img.getAttribute('src'));
    const names = [
      mediaName(PHOTO, 'png'),
      mediaName(JPEG, 'jpg'),
      mediaName(TALL, 'png'),
      mediaName(WORD_PICTURE, 'png'),
    ];
    expect(sources).toEqual(names.map((name) => `/bulletin/${name}`));
    expect(await readFile(join(bulletin, mediaName(WORD_PICTURE, 'png')))).toEqual(WORD_PICTURE);
    // Unchanged images keep their names from one build to the next.
    expect((await listFiles(bulletin)).filter((file) => file.startsWith('media/'))).toEqual(
      (await listFiles(dist))
        .filter((file) => file.startsWith('media/'))
        .concat(mediaName(WORD_PICTURE, 'png'))
        .sort(),
    );
    const { problems } = await checkLinks(bulletin, '/bulletin/');
    expect(problems).toEqual([]);
  });
});

describe('jianbao pdf after a photo is replaced (nothing else changed)', () => {
  it.skipIf(!browserPath)('sees the site is out of date, rebuilds it and prints the new photo', async () => {
    const replaced = png(200, 100, (x) => (x < 100 ? [200, 40, 40] : [40, 80, 200]));
    await put('entries/2024/现场照片-图1.png', replaced);
    const result = await runCli(['pdf', '2024-4', '--drafts', '--content', content, '--out', bulletin]);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('图片在上次生成站点之后有改动（entries/2024/现场照片-图1.png）');
    expect(await readFile(join(bulletin, mediaName(replaced, 'png')))).toEqual(replaced);
    expect((await listFiles(bulletin)).filter((file) => file.startsWith('media/'))).not.toContain(
      mediaName(PHOTO, 'png'),
    );
    const sizes = imagesList(join(bulletin, PDF)).map((image) => `${image.width}×${image.height}`);
    expect(sizes).toContain('200×100');
    expect(sizes).not.toContain('240×160');
  });
});
