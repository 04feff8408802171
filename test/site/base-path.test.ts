/**
 * A copy of the sample content served under `site.base: /bulletin/`, with a
 * hostile entry added to an issue: every link must carry the base and
 * resolve, and nothing from the entry may run or link to `javascript:`. The
 * entry goes into the draft issue (built with --drafts): a published issue
 * renders its archived record, which an added entry does not change.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent, SAMPLE_CONTENT, tempDir, testBrowser, launchBrowser } from '../helpers/index.ts';
import { serve } from '../helpers/serve.ts';
import { build, checkLinks, page } from '../helpers/site.ts';

const BASE = '/bulletin/';
const ISSUE_FILE = 'issues/jianbao/2025-03.md';
const ISSUE_PATH = 'jianbao/2025/3/';
const HOSTILE_ID = '2025/07/恶意稿件';

const HOSTILE = `---
series: jianbao
section: work-updates
title: 区安委办开展专项检查
date: 2025-07-01
unit: 区应急管理局
---

7月1日，**区安委办**组织开展<script>alert('x')</script>专项检查，详见[通知](javascript:alert(1))和[附件](JAVASCRIPT:alert(2))，<img src=x onerror=alert(3)>。

<iframe src="https://example.com"></iframe>

| 镇（街道） | 隐患（处） |
|---|---:|
| 青山镇 | 3 |
`;

let dist: string;

beforeAll(async () => {
  const content = await copyContent(SAMPLE_CONTENT);
  const settings = join(content, 'jianbao.yaml');
  await writeFile(settings, (await readFile(settings, 'utf8')).replace(/^(\s*base:\s*)\/\s*$/m, `$1${BASE}`));
  await mkdir(join(content, 'entries/2025/07'), { recursive: true });
  await writeFile(join(content, `entries/${HOSTILE_ID}.md`), HOSTILE);
  const issueFile = join(content, ISSUE_FILE);
  await writeFile(
    issueFile,
    (await readFile(issueFile, 'utf8')).replace('entries:\n', `entries:\n  - ${HOSTILE_ID}\n`),
  );
  dist = join(await tempDir('jianbao-base-'), 'site');
  const result = await build(content, dist);
  expect(result.stderr).toBe('');
  expect(result.code, result.stdout).toBe(0);
});

describe('site under /bulletin/', () => {
  it('resolves every internal link, with the base, and loads nothing from outside', async () => {
    const { problems, checked } = await checkLinks(dist, BASE);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(50);
    const home = await page(dist, '');
    const hrefs = [...home.querySelectorAll('a[href], link[href]')].map((node) => node.getAttribute('href') ?? '');
    expect(hrefs.filter((href) => !href.startsWith(BASE) && !href.startsWith('#'))).toEqual([]);
    const feed = await readFile(join(dist, 'feed.xml'), 'utf8');
    expect(feed).toContain(`href="${BASE}feed.xml"`);
    expect(feed).toContain(`href="${BASE}${ISSUE_PATH}"`);
  });

  it('escapes raw HTML from content and never links javascript:', async () => {
    const html = await readFile(join(dist, ISSUE_PATH, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script|<iframe|<img/i);
    expect(html).not.toMatch(/javascript:/i);
    const document = await page(dist, ISSUE_PATH);
    const entry = document.querySelector('[id="2025-07-恶意稿件"]');
    expect(entry).not.toBeNull();
    const body = entry!.querySelector('.entry__body')!;
    expect(body.querySelector('strong')?.textContent).toBe('区安委办');
    expect(body.textContent).toContain("<script>alert('x')</script>");
    expect(body.textContent).toContain('详见通知和附件');
    expect(body.querySelectorAll('a')).toHaveLength(0);
    expect(body.querySelectorAll('[onerror], [onclick]')).toHaveLength(0);
    expect(body.querySelector('table td[align="right"]')?.textContent).toBe('3');
  });
});

const browserPath = await testBrowser('子路径下的全文检索浏览器测试');
const haveBrowser = browserPath !== undefined;

describe('search under /bulletin/', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it.skipIf(!haveBrowser)('leads to result pages under the base', async () => {
    const served = await serve(dist, BASE);
    const browser = await launchBrowser(browserPath!);
    close = async () => {
      await browser.close();
      await served.close();
    };
    const tab = await browser.newPage();
    await tab.goto(`${served.url}search/`);
    await tab.fill('#search input', '专项检查');
    await tab.waitForSelector('.search__result-title a', { timeout: 20_000 });
    const links = await tab.$$eval('.search__result-title a', (nodes) =>
      nodes.map((node) => new URL((node as HTMLAnchorElement).href).pathname),
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link.startsWith(BASE))).toBe(true);
    expect(links).toContain(`${BASE}${ISSUE_PATH}`);
    expect(served.requests.filter((request) => request.status !== 200)).toEqual([]);
  });
});
