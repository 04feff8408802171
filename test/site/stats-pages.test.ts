/**
 * The statistics pages on ten generated years of issues, built with `jianbao
 * build`: the November issue of the last year a draft, its December issue a
 * big one (120 entries, three-digit counts) published after it: one page per year whose counts match
 * the issue and entry files, links to them from the overview and the home
 * page's archive, and in headless Chromium at 1280 and 390 px the newest
 * month of the heat map in view, the page never wider than the screen.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { launchBrowser, listFiles, tempDir, testBrowser } from '../helpers/index.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { build, page, texts } from '../helpers/site.ts';
import { cli, editFile, frontMatter } from '../helpers/workflow.ts';

const field = (data: Record<string, unknown>, en: string, zh: string) => data[en] ?? data[zh];

const FIRST_YEAR = 2016;
const YEARS = 10;
/** Four issues a year (February, May, August, November), a few entries each: every year, small enough to build in a test; the last one a draft. */
const GENERATED = {
  years: YEARS,
  issuesPerYear: 4,
  entriesPerIssue: 3,
  pending: 120,
  drafts: 0,
  seed: 11,
  publish: true,
  firstYear: FIRST_YEAR,
};
const LAST = FIRST_YEAR + YEARS - 1;

interface IssueFile {
  key: string;
  date: string;
  published: boolean;
  /** Each entry's units (a joint submission has several) and section. */
  entries: { units: string[]; section: string }[];
}

let content: string;
let dist: string;
/** The issues as their files say, each entry's unit and section from its own file. */
let files: IssueFile[];

beforeAll(async () => {
  const work = await tempDir('jianbao-stats-pages-');
  content = join(work, 'content');
  await generate({ out: content, ...GENERATED });
  // One of the 120 pending entries a joint submission of two units (it counts for each); then all of them
  // in a December issue, published while November's is still a draft.
  const pending = `entries/${LAST}/12/${(await listFiles(join(content, `entries/${LAST}/12`)))[0]!}`;
  await editFile(content, pending, (text) =>
    text.replace(/^unit: (\w+)$/m, (_, unit: string) => `unit: [${unit}, ${unit === 'yjj' ? 'xf' : 'yjj'}]`),
  );
  expect((await cli(content, 'new', 'issue', '--date', `${LAST}-12-30`)).code).toBe(0);
  const published = await cli(content, 'publish', `${LAST}-5`);
  expect(published.code, published.stderr).toBe(0);
  files = [];
  for (const name of (await listFiles(join(content, 'issues'))).filter((file) => file.endsWith('.md'))) {
    const data = await frontMatter(content, `issues/${name}`);
    const entries = [];
    for (const id of field(data, 'entries', '稿件') as string[]) {
      const entry = await frontMatter(content, `entries/${id}.md`);
      entries.push({
        units: [field(entry, 'unit', '单位')].flat().map(String),
        section: String(field(entry, 'section', '栏目')),
      });
    }
    const status = String(field(data, 'status', '状态'));
    files.push({
      key: `zhuanbao/${String(field(data, 'year', '年度'))}/${String(field(data, 'number', '期号'))}`,
      date: String(field(data, 'date', '印发日期')),
      published: status === 'published' || status === '已发布',
      entries,
    });
  }
  dist = join(work, 'dist');
  const result = await build(content, dist, [], { drafts: false });
  expect(result.code, result.stdout + result.stderr).toBe(0);
});

const published = () => files.filter((issue) => issue.published);
const yearOf = (issue: IssueFile) => Number(issue.date.slice(0, 4));
const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};
/** A table's body rows as [the row heading's link, its cells' text]. */
const rows = (document: Document, id: string) =>
  [...document.querySelectorAll(`#${id} tbody tr`)].map((row) => ({
    href: row.querySelector('th a')?.getAttribute('href') ?? '',
    cells: [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim()),
  }));

describe('statistics pages of ten years', () => {
  it('has one page per year with published issues, the draft left out, linked from the overview and the home page', async () => {
    const drafts = files.filter((issue) => !issue.published);
    expect(drafts.map((issue) => issue.key)).toEqual([`zhuanbao/${LAST}/4`]);
    const years = [...new Set(published().map(yearOf))].sort((a, b) => b - a);
    expect(years).toHaveLength(YEARS);
    const overview = await page(dist, 'stats/');
    expect([...overview.querySelectorAll('.stats-years a')].map((link) => link.getAttribute('href'))).toEqual(
      years.map((year) => `/stats/${year}/`),
    );
    // The heat map: one row per year, newest first, twelve months each, the counts of the issue files.
    const heat = rows(overview, 'heat-years');
    expect(heat.map((row) => row.href)).toEqual(years.map((year) => `/stats/${year}/`));
    for (const [index, year] of years.entries()) {
      const perMonth = countBy(
        published()
          .filter((issue) => yearOf(issue) === year)
          .flatMap((issue) => issue.entries.map(() => issue.date.slice(5, 7))),
        (month) => month,
      );
      expect(heat[index]!.cells.map((cell) => Number(cell))).toEqual(
        Array.from({ length: 12 }, (_, month) => perMonth[String(month + 1).padStart(2, '0')] ?? 0),
      );
    }
    // The draft (November of the last year) is in no count: its month is 0. December's count has three digits.
    const draftMonth = drafts[0]!.date.slice(0, 7);
    expect(overview.querySelector(`#heat-years td[data-month="${draftMonth}"]`)?.getAttribute('data-count')).toBe('0');
    expect(overview.querySelector(`#heat-years td[data-month="${LAST}-12"]`)?.textContent?.trim()).toBe('120');
    const home = await page(dist, '');
    expect(texts(home, '.archive__stats a')).toEqual(years.map((year) => `${year}年信息采用情况`));
    expect([...home.querySelectorAll('.archive__stats a')].map((link) => link.getAttribute('href'))).toEqual(
      years.map((year) => `/stats/${year}/`),
    );
  });

  it('counts each year’s entries per unit, per section, per month and per issue as the files say', async () => {
    for (const year of [FIRST_YEAR, LAST]) {
      const issues = published().filter((issue) => yearOf(issue) === year);
      const entries = issues.flatMap((issue) => issue.entries);
      const document = await page(dist, `stats/${year}/`);
      expect(texts(document, 'h1')).toEqual([`${year}年信息采用情况`]);
      expect(document.querySelector('.page-lead')?.textContent).toContain(
        `${year}年印发的 ${issues.length} 期共采用稿件 ${entries.length} 篇`,
      );
      const byUnit = countBy(
        entries.flatMap((entry) => entry.units),
        (unit) => unit,
      );
      expect(
        Object.fromEntries(
          rows(document, 'stats-units').map((row) => [row.href.replace(/^\/units\/|\/$/g, ''), Number(row.cells[0])]),
        ),
      ).toEqual(byUnit);
      const bySection = countBy(entries, (entry) => entry.section);
      expect(
        Object.fromEntries(
          rows(document, 'stats-sections').map((row) => [
            row.href.replace(/^\/sections\/|\/$/g, ''),
            Number(row.cells[0]),
          ]),
        ),
      ).toEqual(bySection);
      expect(document.querySelector('#stats-units tfoot .total')?.textContent).toBe(String(entries.length));
      // Per issue, newest first.
      const newestFirst = [...issues].sort((a, b) => b.date.localeCompare(a.date));
      expect(rows(document, 'stats-issues').map((row) => [row.href, Number(row.cells.at(-1))])).toEqual(
        newestFirst.map((issue) => [`/${issue.key}/`, issue.entries.length]),
      );
      // A joint submission counts for each of its units, and the page says so.
      const joint = entries.some((entry) => entry.units.length > 1);
      expect(joint).toBe(year === LAST);
      expect(texts(document, '[role="note"]')).toEqual(
        joint ? ['联合报送的稿件计入每个报送单位，各单位篇数相加可能大于合计。'] : [],
      );
      // The heat map: each unit's twelve months add up to its count, each month's units to the units the month's entries name.
      const heat = rows(document, 'heat-units');
      for (const row of heat) {
        expect(row.cells).toHaveLength(12);
        expect(row.cells.reduce((sum, cell) => sum + Number(cell), 0)).toBe(
          byUnit[row.href.replace(/^\/units\/|\/$/g, '')],
        );
      }
      const months = countBy(
        issues.flatMap((issue) => issue.entries.flatMap((entry) => entry.units.map(() => issue.date.slice(5, 7)))),
        (month) => month,
      );
      expect(
        Array.from({ length: 12 }, (_, month) => heat.reduce((sum, row) => sum + Number(row.cells[month]), 0)),
      ).toEqual(Array.from({ length: 12 }, (_, month) => months[String(month + 1).padStart(2, '0')] ?? 0));
    }
  });
});

const browserPath = await testBrowser('统计页面热力图的浏览器测试');

describe.skipIf(browserPath === undefined)('statistics pages in a real browser', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    served = await serve(dist, '/');
    browser = await launchBrowser(browserPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('shows the newest month of the heat map at 1280 and 390 px, and no page is wider than the screen', async () => {
    const newest = published()
      .map((issue) => issue.date.slice(0, 7))
      .sort()
      .at(-1)!;
    const newestYear = Number(newest.slice(0, 4));
    // JIANBAO_STATS_SHOTS=folder: also save a screenshot of each page at each width, to look at.
    const shots = process.env.JIANBAO_STATS_SHOTS;
    for (const width of [1280, 390]) {
      const tab = await browser.newPage({ viewport: { width, height: 900 } });
      // Each page's newest month with entries, and its top row's December (the last column).
      for (const [path, heat, months] of [
        ['stats/', 'heat-years', [newest, `${newestYear}-12`]],
        [`stats/${newestYear}/`, 'heat-units', [newest, `${newestYear}-12`]],
        [`stats/${FIRST_YEAR}/`, 'heat-units', [`${FIRST_YEAR}-12`]],
      ] as const) {
        await tab.goto(`${served.url}${path}`);
        const layout = await tab.evaluate(
          ({ heat, months }) => {
            const cells = months.flatMap((month) => [
              ...document.querySelectorAll(`#${heat} td[data-month="${month}"]`),
            ]);
            const fontSizes = [...document.querySelectorAll(`#${heat} th, #${heat} td`)].map((node) =>
              parseFloat(getComputedStyle(node).fontSize),
            );
            return {
              scrollWidth: document.scrollingElement!.scrollWidth,
              innerWidth,
              scrollX,
              cells: cells.map((cell) => ({
                left: cell.getBoundingClientRect().left,
                right: cell.getBoundingClientRect().right,
              })),
              tableRight: document.getElementById(heat)!.getBoundingClientRect().right,
              smallestFont: Math.min(...fontSizes),
              // Every cell's number fits in it (nothing clipped by the narrow columns).
              clipped: [...document.querySelectorAll(`#${heat} td, #${heat} th`)].filter(
                (cell) => cell.scrollWidth > cell.clientWidth,
              ).length,
            };
          },
          { heat, months: [...months] },
        );
        if (shots)
          await tab.screenshot({ path: join(shots, `${path.replace(/\//g, '-')}${width}.png`), fullPage: true });
        const where = `${path}，${width} px`;
        expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.scrollX, where).toBe(0);
        expect(layout.cells.length, where).toBeGreaterThanOrEqual(months.length);
        for (const cell of layout.cells) {
          expect(cell.left, where).toBeGreaterThanOrEqual(0);
          expect(cell.right, where).toBeLessThanOrEqual(layout.innerWidth);
        }
        expect(layout.tableRight, where).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.smallestFont, where).toBeGreaterThanOrEqual(12);
        expect(layout.clipped, where).toBe(0);
      }
      await tab.close();
    }
  });
});
