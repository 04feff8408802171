/**
 * Full-text search as a reader uses it (issue 13, item 19), on a small
 * content built for it: one issue holds the phrases 隐患排查 and
 * 电动自行车充电 once each; two newer issues hold their words and characters
 * more often, scattered but never side by side. The reader's phrase must
 * come first, whether typed plainly, with a space or in quotes, across the
 * merged yearly indexes; and no excerpt may start with (or contain) the
 * masthead: the classification mark, series name, numbering, publisher and
 * date are on the page but not in the index, nor are the 版记 and the bylines.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent, launchBrowser, listFiles, tempDir, testBrowser } from '../helpers/index.ts';
import { serve } from '../helpers/serve.ts';
import { build, page, texts } from '../helpers/site.ts';

const PHRASE_PAGE = '/zhuanbao/2024/3/';

/** Entry files of the search content: path under entries/ → front matter and body. */
const ENTRIES: Record<string, string> = {
  '2024/门店排查.md': `---
栏目: 工作动态
日期: 2024-06-18
单位: 青石镇
---

6月18日，青石镇组织开展沿街门店消防隐患排查，检查门店32家，提醒店主不要在店内为电动自行车充电。
`,
  '2025/燃气检查.md': `---
栏目: 工作动态
日期: 2025-03-05
单位: 应急局
---

3月5日，区应急管理局排查燃气管道，排查消防通道，排查仓储场所，共发现隐患17处。对隐患逐一登记，隐患整改率达到90%。

检查中对电动自行车停放、电动自行车上楼等问题开展检查，推动小区建设集中充电设施，充电车棚覆盖率提高到80%，电动自行车管理纳入网格。

结合“安全生产月”，排查人员逐户讲解，对隐患当场交办。
`,
  '2025/小区整治.md': `---
栏目: 工作动态
日期: 2025-03-20
单位: 青石镇
---

3月20日，青石镇排查老旧小区12个，排查楼道堆物，发现隐患9处，隐患已全部整改。

镇里为电动自行车划定停放区域，新装充电桩40个，充电插座100个，电动自行车违规停放明显减少，电动自行车车主签订承诺书。
`,
};

const ISSUES: Record<string, string> = {
  '2024-03.md': `---
年度: 2024
期号: 3
总期号: 10
印发日期: 2024-06-20
稿件: [2024/门店排查]
---
`,
  '2025-01.md': `---
年度: 2025
期号: 1
总期号: 11
印发日期: 2025-03-10
稿件: [2025/燃气检查]
---
`,
  '2025-02.md': `---
年度: 2025
期号: 2
总期号: 12
印发日期: 2025-03-25
稿件: [2025/小区整治]
---
`,
};

/** What the masthead and the 版记 of these issues print, none of which may be searched. */
const NOT_INDEXED = [
  '注意保存',
  '测试区安全生产工作专报',
  '第3期',
  '第1期',
  '总第',
  '测试区安委办',
  '2024年6月20日',
  '2025年3月10日',
  '各镇街安委会',
  '共印',
];

let dist: string;

beforeAll(async () => {
  const content = await copyContent();
  await rm(join(content, 'entries'), { recursive: true });
  await rm(join(content, 'issues'), { recursive: true });
  for (const [path, text] of Object.entries(ENTRIES)) {
    await mkdir(join(content, 'entries', path, '..'), { recursive: true });
    await writeFile(join(content, 'entries', path), text);
  }
  await mkdir(join(content, 'issues'));
  for (const [path, text] of Object.entries(ISSUES)) await writeFile(join(content, 'issues', path), text);
  dist = join(await tempDir('jianbao-search-'), 'dist');
  const result = await build(content, dist);
  expect(result.code, result.stdout + result.stderr).toBe(0);
});

describe('the search index', () => {
  it('holds the entries, not the masthead, 版记 or bylines; the page still shows the masthead', async () => {
    const fragments = (await listFiles(join(dist, 'pagefind'))).filter((file) => file.endsWith('.pf_fragment'));
    const indexed = await Promise.all(
      fragments.map(
        async (file) =>
          JSON.parse(
            gunzipSync(await readFile(join(dist, 'pagefind', file)))
              .toString()
              .replace(/^pagefind_dcd/, ''),
          ) as { url: string; content: string },
      ),
    );
    expect(indexed.map((fragment) => fragment.url).sort()).toEqual([
      '/zhuanbao/2024/3/',
      '/zhuanbao/2025/1/',
      '/zhuanbao/2025/2/',
    ]);
    for (const fragment of indexed) {
      for (const text of NOT_INDEXED)
        expect(fragment.content, `${fragment.url} 的检索内容中有「${text}」`).not.toContain(text);
    }
    expect(indexed.find((fragment) => fragment.url === PHRASE_PAGE)!.content.replace(/[\s\u200b]/g, '')).toContain(
      '隐患排查',
    );

    const issue = await page(dist, 'zhuanbao/2024/3/');
    expect(texts(issue, '.masthead__marking')).toEqual(['内部资料　注意保存']);
    expect(texts(issue, '.masthead h1')).toEqual(['测试区安全生产工作专报']);
  });
});

const browserPath = await testBrowser('全文检索的排序与摘要');

describe.skipIf(!browserPath)('search in headless Chromium', () => {
  let close: () => Promise<void> = async () => {};
  afterAll(() => close());

  /** Search from the search page; each result's path and excerpt text (Pagefind's \u200b removed). */
  async function search(query: string, how: 'url' | 'type' = 'url'): Promise<{ path: string; excerpt: string }[]> {
    const served = await serve(dist, '/');
    const browser = await launchBrowser(browserPath!);
    close = async () => {
      await browser.close();
      await served.close();
    };
    try {
      const tab = await browser.newPage();
      if (how === 'url') await tab.goto(`${served.url}search/?q=${encodeURIComponent(query)}`);
      else {
        await tab.goto(`${served.url}search/`);
        await tab.fill('#search input', query);
      }
      await tab.waitForSelector('.search__result-title a', { timeout: 20_000 });
      // Let the ordering settle: the result list is final once the status line says how many were found.
      await tab.waitForFunction(
        () => /找到/.test(document.querySelector('#search [role="status"]')?.textContent ?? ''),
        undefined,
        { timeout: 20_000 },
      );
      const results = await tab.$$eval('.search__result', (items) =>
        items.map((item) => ({
          path: new URL(item.querySelector('a')!.href).pathname,
          excerpt: (item.querySelector('.search__result-excerpt')?.textContent ?? '').replace(/\u200b/g, ''),
        })),
      );
      expect(served.requests.filter((request) => request.status !== 200)).toEqual([]);
      return results;
    } finally {
      await close();
    }
  }

  it('puts the page with 隐患排查 side by side above pages with 隐患 and 排查 scattered', async () => {
    const results = await search('隐患排查');
    expect(results.map((result) => result.path)).toEqual([PHRASE_PAGE, expect.any(String), expect.any(String)]);
    expect(results[0]!.excerpt).toContain('隐患排查');
  });

  it('does the same for two words typed with a space, and for a quoted phrase typed into the box', async () => {
    expect((await search('电动自行车 充电'))[0]!.path).toBe(PHRASE_PAGE);
    const quoted = await search('"电动自行车充电"', 'type');
    expect(quoted[0]!.path).toBe(PHRASE_PAGE);
    expect(quoted[0]!.excerpt).toContain('电动自行车充电');
  });

  it('shows excerpts from the entries, never from the masthead', async () => {
    // 安全生产 is in every masthead (the series name) and in one entry's body.
    const results = await search('安全生产');
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      for (const text of NOT_INDEXED) expect(result.excerpt, result.path).not.toContain(text);
    }
    expect(results[0]!.excerpt).toContain('安全生产月');
  });
});
