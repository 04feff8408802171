import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { checkContent, compileSite } from '../../../src/core/index.ts';
import { FIXTURES, listFiles } from '../../helpers/index.ts';
import { cli, copyContent, frontMatter, SAMPLE_CONTENT } from '../../helpers/workflow.ts';

const ORDER = join(FIXTURES, 'order/content');
const field = (data: Record<string, unknown>, en: string, zh: string) => data[en] ?? data[zh];

/** Entries listed by the published issue files (drafts are not adopted yet), with each issue's year, read straight from the files. */
async function listedEntries(dir: string): Promise<{ id: string; year: string }[]> {
  const out: { id: string; year: string }[] = [];
  for (const name of await listFiles(join(dir, 'issues'))) {
    const data = await frontMatter(dir, `issues/${name}`);
    if (!['published', '已发布'].includes(String(field(data, 'status', '状态')))) continue;
    const year = String(field(data, 'year', '年度'));
    for (const id of (field(data, 'entries', '稿件') as string[] | undefined) ?? []) out.push({ id, year });
  }
  return out;
}

/** Parse the CLI's CSV: BOM, CRLF, header row, body rows, 合计 row. */
function parseCsv(text: string) {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = text
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  const [head, ...rest] = rows;
  const totals = rest.pop()!;
  expect(totals[0]).toBe('合计');
  expect(head!.at(-1)).toBe('合计');
  return { head: head!, body: rest, totals };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('jianbao stats', () => {
  it('CSV: the counts add up to the entries the issues list, across rows and columns (sample content)', async () => {
    const listed = await listedEntries(SAMPLE_CONTENT);
    expect(listed.length).toBeGreaterThan(0);
    const result = await cli(SAMPLE_CONTENT, 'stats', '--format', 'csv');
    expect(result.code).toBe(0);
    const { head, body, totals } = parseCsv(result.stdout);
    expect(head[0]).toBe('单位');
    const cells = body.map((row) => row.slice(1, -1).map(Number));
    expect(sum(cells.flat())).toBe(listed.length);
    expect(Number(totals.at(-1))).toBe(listed.length);
    body.forEach((row, index) => expect(Number(row.at(-1))).toBe(sum(cells[index]!)));
    totals.slice(1, -1).forEach((cell, column) => expect(Number(cell)).toBe(sum(cells.map((row) => row[column]!))));
    // Columns are the years of the issues.
    expect(head.slice(1, -1)).toEqual([...new Set(listed.map((item) => `${item.year}年`))].sort());
  });

  it('--year: only that year’s issues, by month; --by section and --by month add up the same (sample content)', async () => {
    const listed = await listedEntries(SAMPLE_CONTENT);
    const year = listed[0]!.year;
    const inYear = listed.filter((item) => item.year === year).length;
    for (const by of ['unit', 'section', 'month']) {
      const result = await cli(SAMPLE_CONTENT, 'stats', '--year', year, '--by', by, '--format', 'csv');
      expect(result.code).toBe(0);
      const { head, body, totals } = parseCsv(result.stdout);
      expect(Number(totals.at(-1))).toBe(inYear);
      expect(sum(body.map((row) => Number(row.at(-1))))).toBe(inYear);
      if (by === 'section') expect(head[0]).toBe('栏目');
      if (by === 'month') {
        expect(head).toEqual(['月份', '合计']);
        expect(body.every((row) => /^\d{1,2}月$/.test(row[0]!))).toBe(true);
      } else {
        expect(head.slice(1, -1).every((label) => /^\d{1,2}月$/.test(label))).toBe(true);
      }
    }
  });

  it('shows the same per-unit numbers as the statistics page (compileSite().stats)', async () => {
    const result = await checkContent(SAMPLE_CONTENT);
    const page = compileSite(result.content, result.registry).stats;
    const json = await cli(SAMPLE_CONTENT, 'stats', '--format', 'json');
    const stats = JSON.parse(json.stdout) as { rows: { unitName: string; total: number }[]; total: number };
    expect(stats.total).toBe(page.total);
    expect(stats.rows.map((row) => [row.unitName, row.total])).toEqual(
      page.rows.map((row) => [row.unitName, row.total]),
    );
  });

  it('--series counts one series only; the totals of the series add up to the whole (sample content)', async () => {
    const total = (await listedEntries(SAMPLE_CONTENT)).length;
    const parts: number[] = [];
    for (const series of ['zhuanbao', 'jianbao']) {
      const files = (await listFiles(join(SAMPLE_CONTENT, 'issues'))).filter((name) => name.startsWith(`${series}/`));
      let listed = 0;
      for (const name of files) {
        const data = await frontMatter(SAMPLE_CONTENT, `issues/${name}`);
        if (['published', '已发布'].includes(String(field(data, 'status', '状态'))))
          listed += ((field(data, 'entries', '稿件') as string[] | undefined) ?? []).length;
      }
      const json = JSON.parse((await cli(SAMPLE_CONTENT, 'stats', '--series', series, '--format', 'json')).stdout) as {
        total: number;
      };
      expect(json.total).toBe(listed);
      parts.push(json.total);
    }
    expect(parts[0]! + parts[1]!).toBe(total);
    const table = await cli(SAMPLE_CONTENT, 'stats', '--series', 'jianbao');
    expect(table.stdout.split('\n')[0]).toBe(
      `信息采用情况（《示例区安全生产简报》，全部年度，按单位，共 ${parts[1]} 篇；1 期草稿未计入）`,
    );
    const unknown = await cli(SAMPLE_CONTENT, 'stats', '--series', 'kuaibao');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的刊物「kuaibao」，jianbao.yaml 中有：zhuanbao、jianbao');
  });

  it('prints an aligned Chinese table', async () => {
    const dir = await copyContent(ORDER);
    expect((await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', '2024-07-31')).code).toBe(0);
    // A draft issue is not counted: the clerk sees how many were left out.
    expect((await cli(dir, 'stats', '--year', '2024')).stdout.split('\n')[0]).toBe(
      '信息采用情况（2024年，按单位，共 0 篇；2 期草稿未计入）',
    );
    for (const ref of ['zhuanbao/2024-5', 'zhuanbao/2024-6']) expect((await cli(dir, 'publish', ref)).code).toBe(0);
    const result = await cli(dir, 'stats', '--year', '2024');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('信息采用情况（2024年，按单位，共 10 篇）');
    expect(lines.slice(2)).toEqual([
      '单位            6月  7月  合计',
      '──────────────────────────────',
      '区安委办          0    2     2',
      '区应急管理局      1    2     3',
      '区消防救援大队    0    2     2',
      '青石镇            0    2     2',
      '区供电公司        0    1     1',
      '──────────────────────────────',
      '合计              1    9    10',
    ]);
    const widths = lines
      .slice(2)
      .filter((line) => !line.startsWith('─'))
      .map((line) => stringWidth(line));
    expect(new Set(widths).size).toBe(1);
  });

  it('--all lists every unit, zeros included', async () => {
    const dir = await copyContent(ORDER);
    expect((await cli(dir, 'publish', 'zhuanbao/2024-5')).code).toBe(0);
    const result = await cli(dir, 'stats', '--all', '--format', 'csv');
    const { body } = parseCsv(result.stdout);
    expect(body.map((row) => row[0])).toEqual(['区安委办', '区应急管理局', '区消防救援大队', '青石镇', '区供电公司']);
    expect(body.map((row) => Number(row.at(-1)))).toEqual([0, 1, 0, 0, 0]);
  });

  it('refuses to count while the content has errors, and rejects bad options (exit 2)', async () => {
    const dir = await copyContent(ORDER);
    const path = join(dir, 'issues/zhuanbao/2024-05.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('number: 5', 'number: 9'));
    const broken = await cli(dir, 'stats');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('内容有错误，统计数字可能不准');
    expect(broken.stderr).toMatch(/2024-05\.md:\d+:\d+ 错误/);
    expect((await cli(ORDER, 'stats', '--by', 'person')).code).toBe(2);
    expect((await cli(ORDER, 'stats', '--format', 'xlsx')).code).toBe(2);
    expect((await cli(ORDER, 'stats', '--year', '24')).code).toBe(2);
  });
});
