/**
 * The sample content built once with `jianbao build`, then read back: every
 * issue page against what the core compiled, archives, statistics, the feed,
 * links, and Pagefind search in headless Chromium.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, compileSite, distributionText, noteHtml, type CompiledSite } from '../../src/core/index.ts';
import { ARCHIVE_PAGE_SIZE } from '../../src/site/routes.ts';
import { FEED_SIZE } from '../../src/site/feed.ts';
import { gunzipSync } from 'node:zlib';
import { listFiles, ROOT, SAMPLE_CONTENT, tempDir, testBrowser, launchBrowser } from '../helpers/index.ts';
import { build, checkLinks, page, texts } from '../helpers/site.ts';
import { serve } from '../helpers/serve.ts';

let dist: string;
let site: CompiledSite;
let buildOutput: string;

beforeAll(async () => {
  dist = join(await tempDir('jianbao-site-'), 'dist');
  const result = await build(SAMPLE_CONTENT, dist, [], { drafts: false });
  expect(result.stderr).toBe('');
  expect(result.code, result.stdout).toBe(0);
  buildOutput = result.stdout;
  const checked = await checkContent(SAMPLE_CONTENT);
  site = compileSite(checked.content, checked.registry, { drafts: false });
  expect(site.issues.length).toBeGreaterThan(0);
});

describe('issue pages', () => {
  it('have the masthead, numbering, publisher and date', async () => {
    for (const issue of site.issues) {
      const document = await page(dist, `${issue.key}/`);
      expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
      expect(texts(document, '.masthead h1')).toEqual([issue.series.name]);
      expect(texts(document, '.masthead__numbering')).toEqual([issue.numbering]);
      expect(document.querySelector('.masthead__line time')?.textContent).toBe(issue.dateText);
      expect(document.querySelector('.masthead__line')?.textContent).toContain(issue.series.publisher);
      expect(issue.numbering).toMatch(/^\d{4}年 第\d+期/);
      expect(issue.dateText).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);
    }
  });

  it('list the sections in order and every entry with its anchor, in print order', async () => {
    for (const issue of site.issues) {
      const document = await page(dist, `${issue.key}/`);
      if (issue.series.layout === 'sections')
        expect(texts(document, '.issue__section-heading')).toEqual(issue.sections.map((section) => section.heading));
      const anchors = [...document.querySelectorAll('article.entry')].map((node) => node.getAttribute('id'));
      expect(anchors).toEqual(issue.entries.map((entry) => entry.anchor));
      expect(anchors.length).toBeGreaterThan(0);
    }
  });

  it('show the sample issues as written: 【】 headings and articles', async () => {
    const sections = site.issues.find((issue) => issue.series.layout === 'sections')!;
    const articles = site.issues.find((issue) => issue.series.layout === 'articles')!;
    const first = await page(dist, `${sections.key}/`);
    expect(texts(first, '.issue__section-heading')[0]).toMatch(/^【.+】$/);
    const second = await page(dist, `${articles.key}/`);
    expect(texts(second, 'article.entry > h2')).toEqual(articles.entries.map((entry) => entry.title ?? entry.headline));
  });

  it('bold the leaders at the start of leader-inspection items', async () => {
    const issue = site.issues.find((item) => item.entries.some((entry) => entry.section === 'leader-inspections'))!;
    const document = await page(dist, `${issue.key}/`);
    for (const entry of issue.entries.filter((item) => item.section === 'leader-inspections')) {
      const bold = texts(document, `[id="${entry.anchor}"] .entry__body strong`).join('');
      for (const person of entry.people) expect(bold).toContain(person.name);
    }
  });

  it('print the distribution with padded names, the contact and 共印N份', async () => {
    let padded = 0;
    for (const issue of site.issues) {
      const document = await page(dist, `${issue.key}/`);
      const lines = [...document.querySelectorAll('.colophon__line')].map(
        (node) => `${node.querySelector('dt')?.textContent}${node.querySelector('dd')?.textContent}`,
      );
      expect(lines).toEqual(issue.colophon.distribution.map(distributionText));
      padded += lines.filter((line) => /同志/.test(line) && /[\u4e00-\u9fff]\u3000[\u4e00-\u9fff]、/.test(line)).length;
      const contact = document.querySelector('.colophon__contact')?.textContent ?? '';
      if (issue.colophon.copies) expect(contact).toContain(`共印${issue.colophon.copies.count}份`);
      for (const item of issue.colophon.contact) expect(contact).toContain(`${item.label}：${item.value}`);
    }
    expect(padded).toBeGreaterThan(0);
  });

  it('link to the print page and to the neighbouring issues', async () => {
    for (const issue of site.issues) {
      const document = await page(dist, `${issue.key}/`);
      expect(document.querySelector('.issue-tools a.button')?.getAttribute('href')).toBe(`/${issue.key}/print/`);
    }
  });

  it('carry the 按语 where the issue has one', async () => {
    const issue = site.issues.find((item) => item.note)!;
    const document = await page(dist, `${issue.key}/`);
    expect(document.querySelector('.issue__note')?.innerHTML).toBe(noteHtml(issue));
  });
});

describe('home, archives and statistics', () => {
  it('home lists the newest issues and every issue by year', async () => {
    const document = await page(dist, '');
    expect(document.querySelector('.latest .issue-link a')?.getAttribute('href')).toBe(`/${site.issues[0]!.key}/`);
    const archived = [...document.querySelectorAll('.archive__issues a')].map((node) => node.getAttribute('href'));
    expect(archived.sort()).toEqual(site.issues.map((issue) => `/${issue.key}/`).sort());
    const years = texts(document, '.archive__year h4');
    for (const { years: list } of site.archive)
      for (const { year, issues } of list) expect(years).toContain(`${year}年（${issues.length}期）`);
    expect(document.querySelector('header.site-header')).not.toBeNull();
    expect(document.querySelector('main#main')).not.toBeNull();
    expect(document.querySelector('nav[aria-label]')).not.toBeNull();
    expect(document.querySelector('meta[name="viewport"]')?.getAttribute('content')).toContain('width=device-width');
  });

  it('section and unit archives list the right entries and counts', async () => {
    const sections = await page(dist, 'sections/');
    expect(texts(sections, '.count-list .count')).toEqual(
      site.sections.map((section) => `${section.entries.length}篇`),
    );
    for (const section of site.sections) {
      const document = await page(dist, `sections/${section.id}/`);
      expect(document.querySelector('.page-lead')?.textContent).toContain(`共 ${section.entries.length} 篇`);
      const shown = [...document.querySelectorAll('.entry-list a')].map((node) => node.getAttribute('href'));
      expect(shown).toEqual(
        section.entries.slice(0, ARCHIVE_PAGE_SIZE).map(({ entry, issue }) => `/${issue.key}/#${entry.anchor}`),
      );
    }
    const unitsPage = await page(dist, 'units/');
    expect(texts(unitsPage, '.count-list a')).toEqual(site.units.map(({ unit }) => unit.name));
    for (const { unit, entries } of site.units) {
      const document = await page(dist, `units/${unit.id}/`);
      expect(document.querySelectorAll('.entry-list li').length).toBe(Math.min(entries.length, ARCHIVE_PAGE_SIZE));
      expect(document.querySelector('.page-lead')?.textContent).toContain(`共 ${entries.length} 篇`);
    }
  });

  it('statistics count entries per unit per year, with a bar chart titled in Chinese and a heat map table per year', async () => {
    const document = await page(dist, 'stats/');
    const byYear = site.statsByYear;
    const rows = [...document.querySelectorAll('#stats-units tbody tr')].map((row) => [
      row.querySelector('th')?.textContent?.trim(),
      row.querySelector('.total')?.textContent,
    ]);
    expect(rows).toEqual(byYear.units.rows.map((row) => [row.unitName, String(row.total)]));
    expect(document.querySelector('#stats-units tfoot .total')?.textContent).toBe(
      String(site.issues.reduce((sum, issue) => sum + issue.entries.length, 0)),
    );
    // Years newest first, in the table's columns as in the heat map's rows.
    const years = byYear.years.map(({ year }) => `${year}年`);
    expect(texts(document, '#stats-units thead th').slice(1, -1)).toEqual(years);
    expect(texts(document, '#heat-years tbody th')).toEqual(years);
    const svgs = [...document.querySelectorAll('figure.chart svg')];
    expect(svgs).toHaveLength(1);
    const svg = svgs[0]!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe('各年采用稿件数');
    expect(svg.querySelector('desc')?.textContent).toMatch(/[\u4e00-\u9fff]/);
    // Drawn by Plot: one bar per year (its only rects), and none of Plot's English mark names left for screen readers.
    expect(svg.querySelectorAll('rect').length).toBe(byYear.years.length);
    expect(svg.querySelectorAll('[aria-label]')).toHaveLength(0);
    // The heat map prints every count: the months of each year add up to its bar.
    for (const [index, row] of [...document.querySelectorAll('#heat-years tbody tr')].entries()) {
      const cells = [...row.querySelectorAll('td')];
      expect(cells).toHaveLength(12);
      expect(cells.reduce((sum, cell) => sum + Number(cell.textContent), 0)).toBe(byYear.years[index]!.total);
    }
  });
});

describe('feed, links and safety', () => {
  it('writes a valid Atom feed of the newest issues', async () => {
    const xml = await readFile(join(dist, 'feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: { '@_xmlns': string; title: string; entry: { title: string; link: { '@_href': string } }[] };
    };
    expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = [parsed.feed.entry].flat();
    expect(entries).toHaveLength(Math.min(FEED_SIZE, site.issues.length));
    expect(entries[0]?.title).toBe(`${site.issues[0]!.series.name} ${site.issues[0]!.numbering}`);
    expect(entries.map((entry) => entry.link['@_href'])).toEqual(
      site.issues.slice(0, FEED_SIZE).map((issue) => `/${issue.key}/`),
    );
  });

  it('has no broken internal link and loads nothing from outside', async () => {
    const { problems, checked } = await checkLinks(dist, '/');
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(site.issues.length * 3);
  });

  it('has no script in issue pages and writes the search index', async () => {
    for (const issue of site.issues) {
      const html = await readFile(join(dist, issue.key, 'index.html'), 'utf8');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/javascript:/i);
    }
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(dist, '404.html'))).toBe(true);
  });
});

const browserPath = await testBrowser('站点全文检索的浏览器测试');
const haveBrowser = browserPath !== undefined;

describe('drafts', () => {
  it('are left out of every page, the feed, the search index and the statistics; the summary says so', async () => {
    const checked = await checkContent(SAMPLE_CONTENT);
    const all = compileSite(checked.content, checked.registry);
    const drafts = all.issues.filter((issue) => issue.status === 'draft');
    expect(drafts.map((issue) => issue.key)).toEqual(['jianbao/2025/3']);
    expect(buildOutput).toContain('另有 1 期草稿未放入站点（jianbao/2025-3）');
    const draft = drafts[0]!;
    expect(existsSync(join(dist, draft.key))).toBe(false);
    const hrefs = async (path: string) =>
      [...(await page(dist, path)).querySelectorAll('a')].map((node) => node.getAttribute('href') ?? '');
    const statsYears = site.statsByYear.years.map(({ year }) => `stats/${year}/`);
    expect(statsYears).toContain(`stats/${draft.year}/`);
    for (const path of ['', 'sections/', 'units/', 'stats/', ...statsYears])
      expect((await hrefs(path)).filter((href) => href.includes(draft.key))).toEqual([]);
    const feed = await readFile(join(dist, 'feed.xml'), 'utf8');
    expect(feed).not.toContain(draft.key);
    expect(feed).toContain(site.issues[0]!.key);
    // Pagefind's fragments (gzip JSON, one per page) name every indexed page.
    const fragments = (await listFiles(join(dist, 'pagefind'))).filter((file) => file.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    const urls = await Promise.all(
      fragments.map(
        async (file) =>
          (
            JSON.parse(
              gunzipSync(await readFile(join(dist, 'pagefind', file)))
                .toString()
                .replace(/^pagefind_dcd/, ''),
            ) as { url: string }
          ).url,
      ),
    );
    expect(urls.some((url) => url.includes(site.issues[0]!.key))).toBe(true);
    expect(urls.filter((url) => url.includes(draft.key))).toEqual([]);
    // Statistics: only published issues' entries.
    expect(site.stats.total).toBe(site.issues.reduce((sum, issue) => sum + issue.entries.length, 0));
    expect(all.stats.total).toBe(site.stats.total);
    // The year pages too, in dev and build --drafts (which compile the drafts) as in build.
    expect(all.statsByYear).toEqual(site.statsByYear);
  });
});

describe('search in a real browser', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it.skipIf(!haveBrowser)('never breaks a date inside, on a phone-sized screen', async () => {
    const served = await serve(dist, '/');
    const browser = await launchBrowser(browserPath!);
    try {
      const tab = await browser.newPage({ viewport: { width: 320, height: 640 } });
      for (const path of ['', `units/${site.units[0]!.unit.id}/`, `sections/${site.sections[0]!.id}/`]) {
        await tab.goto(`${served.url}${path}`);
        const dates = await tab.$$eval('time', (nodes) =>
          nodes.map((node) => ({
            text: node.textContent,
            nowrap: getComputedStyle(node).whiteSpace === 'nowrap',
            lines: new Set([...node.getClientRects()].map((rect) => Math.round(rect.top))).size,
          })),
        );
        expect(dates.length).toBeGreaterThan(0);
        // Laid out on one line, and kept so wherever it falls at the end of a line.
        expect(dates.filter((date) => date.lines !== 1 || !date.nowrap)).toEqual([]);
      }
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it.skipIf(!haveBrowser)('finds a Chinese phrase with Pagefind and leads to the right issue', async () => {
    const served = await serve(dist, '/');
    const browser = await launchBrowser(browserPath!);
    close = async () => {
      await browser.close();
      await served.close();
    };
    // A phrase of one entry, found by the core independently of Pagefind.
    const phrase = '暗查暗访';
    const expected = site.issues
      .filter((issue) => issue.entries.some((entry) => entry.body.text.includes(phrase)))
      .map((issue) => `/${issue.key}/`);
    expect(expected).toHaveLength(1);

    const tab = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await tab.goto(`${served.url}search/?q=${encodeURIComponent(phrase)}`);
    await tab.waitForSelector('.search__result-title a', { timeout: 20_000 });
    const links = await tab.$$eval('.search__result-title a', (nodes) =>
      nodes.map((node) => new URL((node as HTMLAnchorElement).href).pathname),
    );
    expect(links[0]).toBe(expected[0]);
    expect(await tab.textContent('.search__results')).toContain(phrase);
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await tab.screenshot({ path: join(ROOT, 'test-output', 'search.png'), fullPage: true });

    // The result leads to the issue, which renders with its masthead.
    await tab.click('.search__result-title a');
    await tab.waitForURL(/\/\d{4}\/\d+\//);
    expect(await tab.textContent('.masthead h1')).toBeTruthy();
    expect(served.requests.filter((request) => request.status !== 200)).toEqual([]);
  });
});
