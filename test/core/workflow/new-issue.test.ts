import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, listFiles } from '../../helpers/index.ts';
import { checkJson, cli, copyContent, frontMatter, pendingIds, sampleCopy } from '../../helpers/workflow.ts';

const ORDER = join(FIXTURES, 'order/content');

/** All issue files of a content dir with their front matter. */
async function issues(dir: string) {
  const files = (await listFiles(join(dir, 'issues'))).map((file) => `issues/${file}`);
  return Promise.all(files.map(async (file) => ({ file, data: await frontMatter(dir, file) })));
}

const field = (data: Record<string, unknown>, en: string, zh: string) => data[en] ?? data[zh];

describe('jianbao new issue', () => {
  it('numbers consecutively, crosses a year, takes exactly the pending entries and nothing twice (sample content)', async () => {
    const dir = await sampleCopy();
    const before = await issues(dir);
    const zhuanbao = before.filter((issue) => field(issue.data, 'series', '刊物') === 'zhuanbao');
    const last = zhuanbao
      .map((issue) => ({
        year: Number(field(issue.data, 'year', '年度')),
        number: Number(field(issue.data, 'number', '期号')),
        total: Number(field(issue.data, 'total', '总期号')),
      }))
      .sort((a, b) => a.year - b.year || a.number - b.number)
      .at(-1)!;
    const pending = [];
    for (const id of await pendingIds(dir)) {
      const data = await frontMatter(dir, `entries/${id}.md`);
      if (field(data, 'series', '刊物') === 'zhuanbao') pending.push(id);
    }
    expect(pending.length).toBeGreaterThan(0);

    // 1st: the pending entries of the year so far.
    const first = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', `${last.year}-12-28`);
    expect(first.stderr).toContain(`第${last.number + 1}期（总第${last.total + 1}期）`);
    expect(first.code).toBe(0);
    const firstFile = first.stdout.trim().replace(/^.*?(issues\/)/, '$1');
    const firstData = await frontMatter(dir, firstFile);
    expect([
      field(firstData, 'year', '年度'),
      field(firstData, 'number', '期号'),
      field(firstData, 'total', '总期号'),
    ]).toEqual([last.year, last.number + 1, last.total + 1]);
    expect([...(field(firstData, 'entries', '稿件') as string[])].sort()).toEqual([...pending].sort());
    const stillPending = await pendingIds(dir);
    expect(pending.filter((id) => stillPending.includes(id))).toEqual([]);

    // Nothing pending now: refused, nothing written, unless --empty.
    const filesBefore = await listFiles(dir);
    const refused = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', `${last.year}-12-29`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('没有可编入');
    expect(refused.stderr).toContain('--empty');
    expect(await listFiles(dir)).toEqual(filesBefore);

    // 2nd: a new entry written the same week goes into the next number, and only it.
    const entry = await cli(
      dir,
      'new',
      'entry',
      '--series',
      'zhuanbao',
      '--section',
      '工作动态',
      '--unit',
      '应急局',
      '--date',
      `${last.year}-12-29`,
      '--title',
      '年末安全检查',
    );
    expect(entry.code).toBe(0);
    const entryId = entry.stdout
      .trim()
      .replace(/^.*?entries\//, '')
      .replace(/\.md$/, '');
    const second = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', `${last.year}-12-30`);
    expect(second.code).toBe(0);
    const secondData = await frontMatter(dir, second.stdout.trim().replace(/^.*?(issues\/)/, '$1'));
    expect([field(secondData, 'number', '期号'), field(secondData, 'total', '总期号')]).toEqual([
      last.number + 2,
      last.total + 2,
    ]);
    expect(field(secondData, 'entries', '稿件')).toEqual([entryId]);

    // 3rd: the new year starts at 第1期, the total keeps counting.
    const third = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', `${last.year + 1}-01-06`, '--empty');
    expect(third.code).toBe(0);
    const thirdFile = third.stdout.trim().replace(/^.*?(issues\/)/, '$1');
    expect(thirdFile).toBe(`issues/zhuanbao/${last.year + 1}-01.md`);
    const thirdData = await frontMatter(dir, thirdFile);
    expect([
      field(thirdData, 'year', '年度'),
      field(thirdData, 'number', '期号'),
      field(thirdData, 'total', '总期号'),
    ]).toEqual([last.year + 1, 1, last.total + 3]);

    // The result passes check, and no entry is in two issues.
    const check = await checkJson(dir);
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const listed = (await issues(dir)).flatMap(
      (issue) => (field(issue.data, 'entries', '稿件') as string[] | undefined) ?? [],
    );
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('writes the issue in print order with the series’ defaults and the last issue’s editors', async () => {
    const dir = await copyContent(ORDER);
    const result = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', '2024年7月31日');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/issues\/zhuanbao\/2024-06\.md$/);
    const text = await readFile(join(dir, 'issues/zhuanbao/2024-06.md'), 'utf8');
    expect(text).toBe(`---
刊物: zhuanbao
年度: 2024
期号: 6
总期号: 21
印发日期: 2024-07-31
稿件:
  - 2024/07/会议
  - 2024/07/督导
  - 2024/07/应急动态一日
  - 2024/07/应急动态五日
  - 2024/07/消防排序在前
  - 2024/07/消防动态
  - 2024/07/青石镇动态
  - 2024/07/供电动态
  - 2024/07/提示
发送:
  报: [市安委办, 区领导]
  送: [区委办]
  发: [各镇街安委会]
联系人:
  姓名: 张三
  电话: 0000-1234567
  邮箱: test@example.gov.cn
印数: 50
编辑: 张三
审核: 李四
签发: 王五
状态: 草稿
---
`);
    expect(result.stderr).toContain(
      '已新建《测试区安全生产工作专报》2024年 第6期（总第21期），印发日期 2024年7月31日，共 9 篇稿件：',
    );
    expect(result.stderr).toContain('另有 1 篇待编稿件日期晚于印发日期，留待下一期：2024/08/下月动态');
    expect(result.stderr).toContain('jianbao publish zhuanbao/2024-6');
    const check = await checkJson(dir);
    expect(check.errors).toBe(0);
    expect(
      check.diagnostics
        .filter((d) => d.rule === 'entry/pending')
        .map((d) => d.file)
        .sort(),
    ).toEqual(['entries/2024/07/快报稿.md', 'entries/2024/08/下月动态.md']);
  });

  it('starts a series without issues at 第1期 in issues/<series>/, without a total', async () => {
    const dir = await copyContent(ORDER);
    const result = await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-07-31');
    expect(result.code).toBe(0);
    const data = await frontMatter(dir, 'issues/kuaibao/2024-01.md');
    expect(data).toMatchObject({ 刊物: 'kuaibao', 年度: 2024, 期号: 1, 稿件: ['2024/07/快报稿'] });
    expect(data).not.toHaveProperty('总期号');
    expect(data).not.toHaveProperty('发送');
    expect((await checkJson(dir)).errors).toBe(0);
  });

  it('takes the total from --total for the first issue of a series that continues a paper one', async () => {
    const dir = await copyContent(ORDER);
    const result = await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-07-31', '--total', '31');
    expect(result.code).toBe(0);
    expect(await frontMatter(dir, 'issues/kuaibao/2024-01.md')).toMatchObject({ 期号: 1, 总期号: 31 });
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-08-31', '--empty')).code).toBe(0);
    expect(await frontMatter(dir, 'issues/kuaibao/2024-02.md')).toMatchObject({ 期号: 2, 总期号: 32 });
    expect((await checkJson(dir)).errors).toBe(0);
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--total', '0')).code).toBe(2);
  });

  it('--supplement: 增刊第1期, then 增刊第2期, no total, no pending entry taken; the next regular issue is unaffected', async () => {
    const dir = await copyContent(ORDER);
    const first = await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-07-20', '--supplement');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('2024年 增刊第1期');
    expect(first.stderr).toContain('jianbao publish kuaibao/2024-增刊1');
    const data = await frontMatter(dir, 'issues/kuaibao/2024-zk01.md');
    expect(data).toMatchObject({ 刊物: 'kuaibao', 年度: 2024, 期号: '增刊1' });
    expect(data).not.toHaveProperty('总期号');
    expect(data).not.toHaveProperty('稿件');
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-07-25', '--supplement')).code).toBe(
      0,
    );
    expect(await frontMatter(dir, 'issues/kuaibao/2024-zk02.md')).toMatchObject({ 期号: '增刊2' });
    // The pending entry waits for the regular 第1期.
    expect(await pendingIds(dir)).toContain('2024/07/快报稿');
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-07-31')).code).toBe(0);
    expect(await frontMatter(dir, 'issues/kuaibao/2024-01.md')).toMatchObject({ 期号: 1, 稿件: ['2024/07/快报稿'] });
    expect((await checkJson(dir)).errors).toBe(0);
    const both = await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--supplement', '--total', '3');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('增刊不计总期号');
  });

  it('asks for the series when there are several, exit 2', async () => {
    const dir = await copyContent(ORDER);
    const result = await cli(dir, 'new', 'issue', '--date', '2024-07-31');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('有多个刊物，需要指定编哪一个');
    expect(result.stderr).toContain('zhuanbao（测试区安全生产工作专报）');
  });

  it('refuses while an issue or a setting has errors, and names them', async () => {
    const dir = await copyContent(ORDER);
    const path = join(dir, 'issues/zhuanbao/2024-05.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('number: 5', 'number: 7'));
    const result = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', '2024-07-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/issues\/zhuanbao\/2024-05\.md:\d+:\d+ 错误 .*第7期/);
    expect(result.stderr).toContain('内容有错误，不能编新一期');
    expect(await readdir(join(dir, 'issues/zhuanbao'))).toEqual(['2024-05.md']);
  });

  it('leaves out a pending entry whose file has an error, and says so', async () => {
    const dir = await copyContent(ORDER);
    const path = join(dir, 'entries/2024/07/消防动态.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('unit: xf', 'unit: 不存在的单位'));
    const result = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', '2024-07-31');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('有 1 篇待编稿件有错误，没有编入：2024/07/消防动态');
    const data = await frontMatter(dir, 'issues/zhuanbao/2024-06.md');
    expect(data.稿件).not.toContain('2024/07/消防动态');
    expect(data.稿件).toHaveLength(8);
  });
});
