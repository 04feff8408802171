/**
 * `jianbao import` on text copied from real county and township web pages
 * (test/fixtures/import/, sources in its README and cases.json): for each,
 * the title, date and unit come out right, no page chrome or metadata is
 * left, and every sentence of the article is kept — the body's characters
 * (punctuation aside, which lint normalises) are exactly the article's.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanTextPage } from '../../../src/core/text/import/text-page.ts';
import { copyContent, FIXTURES, listFiles, runCli, SAMPLE_CONTENT } from '../../helpers/index.ts';

interface Case {
  file: string;
  source: string;
  args: string[];
  title: string | null;
  date: string;
  unit: string;
  article: string[];
  /** What the report must say (a damaged date to review). */
  report?: string[];
}

const DIR = join(FIXTURES, 'import');
const cases = JSON.parse(await readFile(join(DIR, 'cases.json'), 'utf8')) as Case[];

/** Letters, digits and Chinese characters: what no cleaning may lose or add. */
function skeleton(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

/** Units the fixtures name, added to the base fixture's units.yaml. */
const UNITS = [
  '涧头集镇',
  '东木镇',
  '东河镇',
  '沿安乡',
  '三江镇',
  '渠县应急管理局',
  '广兴洲镇',
  '郭镇乡',
  '黄滩镇',
  '田店镇',
  '繁昌县教育局',
  '夏蔚镇',
  '青山镇',
  '薛家镇',
  '魏都区',
  '东阳市应急管理局',
  '天鹅镇',
  '中垾镇',
  '嫘祖镇',
  '安海镇',
  '五陵镇',
  '房寨镇',
];

let content: string;
beforeAll(async () => {
  content = await copyContent();
  await appendFile(
    join(content, 'units.yaml'),
    UNITS.map(
      (name, index) =>
        `- id: u${index + 1}\n  名称: ${name}\n  类别: ${name.endsWith('局') || name.endsWith('区') ? '部门' : '镇街'}\n  排序: ${10 + index}\n`,
    ).join(''),
  );
});

const CHROME =
  /当前位置|您的位置|所在的位置|首页\s*[>/]|来源[:：]|作者[:：]|发布时间|发布日期|时间[:：]|浏览|点击|阅读[:：]|字号|字体|打印|分享|责任编辑|编辑[:：]|撰稿人|核稿人|通讯员|记者|相关阅读|回首页|返\s*回|回顶部|立即下载|验证码|IPv6|发布者|评论[:：]|\d{1,2}:\d{2}/;

describe('import of pages as clerks copy them', () => {
  it('has at least 15 fixtures, each with its source', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const item of cases) expect(item.source).toMatch(/^https?:\/\//);
  });

  for (const item of cases) {
    it(`${item.file}: title, date, unit; no chrome left; every sentence kept`, async () => {
      const before = await listFiles(content);
      const result = await runCli(['import', join(DIR, item.file), '--content', content, ...item.args]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const added = (await listFiles(content)).filter((file) => !before.includes(file));
      expect(added).toHaveLength(1);
      expect(added[0]!.startsWith(`entries/${item.date.slice(0, 4)}/${item.date.slice(5, 7)}/`)).toBe(true);
      // File names keep no quotes (开展“两节”… → 开展两节…).
      expect(added[0]).not.toMatch(/[“”‘’"'「」]/);
      const text = await readFile(join(content, added[0]!), 'utf8');
      const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
      const data = parse(yaml!) as Record<string, unknown>;
      expect(data.标题 ?? null).toBe(item.title);
      expect(data.日期).toBe(item.date);
      expect(data.单位).toBe(item.unit);
      expect(body).not.toMatch(CHROME);
      expect(skeleton(body!)).toBe(skeleton(item.article.join('')));
      // Each article paragraph is a paragraph of the entry.
      expect(body!.trim().split(/\n\n/)).toHaveLength(item.article.length);
      expect(result.stdout).not.toContain('暂用今天');
      for (const line of item.report ?? []) expect(result.stdout).toContain(line);
      // Every line of the page that is neither the title nor the article is reported as removed.
      const source = (await readFile(join(DIR, item.file), 'utf8')).split('\n').filter((line) => line.trim());
      const reported = [...result.stdout.matchAll(/删除 \S+ (\d+) 处/g)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
      expect(reported).toBeGreaterThanOrEqual(source.length - item.article.length - (item.title ? 1 : 0));
    });
  }

  it("removes nothing from clean entries: the sample content's bodies pass through the chrome rules untouched", async () => {
    const files = (await listFiles(join(SAMPLE_CONTENT, 'entries'))).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(90);
    for (const file of files) {
      const body = (await readFile(join(SAMPLE_CONTENT, 'entries', file), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '');
      const page = cleanTextPage(body);
      expect(page.removed, file).toEqual([]);
      expect(page.lines, file).toEqual(
        body
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      );
    }
  });
});
