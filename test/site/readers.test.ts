/**
 * The sample site as readers get it: `node bin/jianbao.js build` of a copy
 * of the sample content (no --drafts), then every internal link and
 * resource of every page and of feed.xml must resolve; nothing of a draft
 * issue, a draft entry or an entry not yet in a published issue may be in
 * any file of the site (search fragments unzipped); images have alt text;
 * no English is left for assistive technology; and in headless Chromium at
 * 1366 and 390 px no page scrolls sideways.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/index.ts';
import { copyContent, launchBrowser, listFiles, ROOT, SAMPLE_CONTENT, tempDir, testBrowser } from '../helpers/index.ts';
import { serve } from '../helpers/serve.ts';
import { checkLinks } from '../helpers/site.ts';

let content: string;
let dist: string;
let files: string[];

beforeAll(async () => {
  content = await copyContent(SAMPLE_CONTENT);
  dist = join(await tempDir('jianbao-readers-'), '站点 输出');
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/jianbao.js'), 'build', '--content', content, '--out', dist],
    {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', JIANBAO_CONTENT: '' },
    },
  );
  expect(run.stderr).toBe('');
  expect(run.status, run.stdout).toBe(0);
  files = await listFiles(dist);
}, 300_000);

/** A file's text as a reader's browser gets it: search fragments are gzip. */
async function textOf(file: string): Promise<string> {
  let bytes = await readFile(join(dist, file));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('utf8');
}

/** Plain words of a Markdown paragraph: a run that can only come from this text. */
function fragment(markdown: string): string | undefined {
  const text = markdown
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/[*_`#>|[\]()!\\-]|\s/g, ''))
    .find((paragraph) => paragraph.length >= 30);
  return text?.slice(10, 26);
}

describe('the sample site for readers', () => {
  it('resolves every internal href and src of every page and of feed.xml', async () => {
    const { problems, checked } = await checkLinks(dist, '/');
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('has nothing of a draft issue, a draft entry or an entry in no published issue', async () => {
    const loaded = await loadContent(content);
    const published = loaded.issues.filter((issue) => issue.data.status === 'published');
    const drafts = loaded.issues.filter((issue) => issue.data.status !== 'published');
    expect(drafts.length).toBeGreaterThan(0);
    const inPublished = new Set(published.flatMap((issue) => issue.data.entries));
    const hidden = loaded.entries.filter((entry) => !inPublished.has(entry.id));
    expect(hidden.length).toBeGreaterThan(3);
    const needles = [
      ...hidden.flatMap((entry) => [entry.data.title, fragment(entry.body)]),
      ...drafts.map((issue) => fragment(issue.note)),
    ].filter((needle): needle is string => Boolean(needle && needle.length >= 8));
    expect(needles.length).toBeGreaterThan(hidden.length);
    const texts = await Promise.all(files.map(async (file) => [file, await textOf(file)] as const));
    const leaks = needles.flatMap((needle) =>
      texts.filter(([, text]) => text.includes(needle)).map(([file]) => `${needle} → ${file}`),
    );
    expect(leaks).toEqual([]);
  });

  it('gives every image alt text, every chart a Chinese name, and leaves no English for screen readers', async () => {
    const english: string[] = [];
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const { document } = parseHTML(await textOf(file));
      expect(document.documentElement.getAttribute('lang'), file).toBe('zh-CN');
      for (const image of document.querySelectorAll('img'))
        expect(image.getAttribute('alt')?.trim(), `${file}: ${image.outerHTML}`).toBeTruthy();
      for (const chart of document.querySelectorAll('svg[role="img"]')) {
        const title = chart.querySelector('title')?.textContent ?? '';
        expect(title, file).toMatch(/\p{Script=Han}/u);
      }
      for (const node of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]'))
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
          const value = node.getAttribute(name);
          if (value && /[A-Za-z]{2,}/.test(value) && !/\p{Script=Han}/u.test(value))
            english.push(`${file}: ${name}="${value}"`);
        }
    }
    expect([...new Set(english)]).toEqual([]);
  });
});

const browserPath = await testBrowser('站点在 1366 和 390 像素宽度下的显示');

describe.skipIf(!browserPath)('the sample site in a browser', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it('scrolls no page sideways at 1366 or 390 px', async () => {
    const served = await serve(dist, '/');
    const browser = await launchBrowser(browserPath!);
    close = async () => {
      await browser.close();
      await served.close();
    };
    const pages = files
      .filter((file) => file.endsWith('index.html') && !file.includes('/print/'))
      .map((file) => file.replace(/index\.html$/, ''));
    expect(pages.length).toBeGreaterThan(20);
    const wide: string[] = [];
    for (const width of [1366, 390]) {
      const tab = await browser.newPage({ viewport: { width, height: 900 } });
      for (const path of pages) {
        await tab.goto(`${served.url}${path}`);
        const scroll = await tab.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > width) wide.push(`${width}px /${path}：${scroll}px`);
      }
      await tab.close();
    }
    expect(wide).toEqual([]);
    expect(served.requests.filter((request) => request.status !== 200)).toEqual([]);
  }, 300_000);
});
