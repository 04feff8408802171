/** One cause, one message: check's findings for the mistakes clerks make (issue 13, items 7–9). */
import { rename, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, runCli } from '../helpers/index.ts';

interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
  hint?: string;
}

async function findings(dir: string): Promise<(Finding & { severity: string })[]> {
  const result = await runCli(['check', '--format', 'json', '--content', dir]);
  return (JSON.parse(result.stdout) as { diagnostics: (Finding & { severity: string })[] }).diagnostics;
}

async function check(dir: string): Promise<Finding[]> {
  return (await findings(dir)).filter((d) => d.severity === 'error');
}

async function edit(path: string, change: (text: string) => string): Promise<void> {
  await writeFile(path, change(await readFile(path, 'utf8')));
}

describe('check messages', () => {
  it('a misspelt key gives only 未知的键 → 是不是, never 「undefined」, nor a missing entry in its issue', async () => {
    const dir = await copyContent();
    await edit(join(dir, 'entries/2024/应急检查.md'), (text) => text.replace('section:', '栏木:'));
    const errors = await check(dir);
    expect(errors.map((d) => [d.rule, d.file, d.line, d.message, d.hint])).toEqual([
      ['schema/unknown-key', 'entries/2024/应急检查.md', 2, '未知的键「栏木」', '是不是「栏目」？'],
    ]);
    expect(JSON.stringify(errors)).not.toContain('undefined');
  });

  it('a misspelt section in a listed entry is reported on the entry only (the file exists)', async () => {
    const dir = await copyContent();
    await edit(join(dir, 'entries/2024/应急检查.md'), (text) => text.replace('section: 工作动态', 'section: 工作动太'));
    const errors = await check(dir);
    expect(errors.map((d) => [d.rule, d.file])).toEqual([['schema/invalid', 'entries/2024/应急检查.md']]);
    expect(errors[0]!.message).toContain('是不是「工作动态」');
  });

  it('a key left out (not misspelt) is 缺少必填项, with its Chinese name', async () => {
    const dir = await copyContent();
    await edit(join(dir, 'entries/2024/应急检查.md'), (text) => text.replace('section: 工作动态\n', ''));
    const errors = await check(dir);
    expect(errors.map((d) => [d.rule, d.message])).toEqual([['schema/required', '缺少必填项「栏目（section）」']]);
  });

  it('a deleted entry of a published issue: says it was removed, suggests no unrelated entry, one message', async () => {
    const dir = await copyContent();
    expect((await runCli(['publish', '2024-3', '--content', dir])).code).toBe(0);
    await rm(join(dir, 'entries/2024/区长督导.md'));
    // The archive keeps the entry's text: a warning, not an error, and no "是不是「另一篇」".
    expect(await check(dir)).toEqual([]);
    const about = (await findings(dir)).filter((d) => d.message.includes('区长督导'));
    expect(about.map((d) => [d.rule, d.file, d.message, d.hint])).toEqual([
      [
        'archive/entry-deleted',
        'issues/2024-03.md',
        '2024年第3期的稿件文件 entries/2024/区长督导.md 已删除，存档中保留着印发时的原文',
        '网页、打印版和 PDF 按存档生成，不受影响；要恢复这个文件，可从版本库取回',
      ],
    ]);
  });

  it('a moved entry or a typo in an id suggests the close name; a different entry is never suggested', async () => {
    const dir = await copyContent();
    await rename(join(dir, 'entries/2024/应急检查.md'), join(dir, 'entries/应急检查.md'));
    await edit(join(dir, 'issues/2024-04.md'), (text) => text.replace('2024/青石镇排查', '2024/青石镇排查1'));
    await edit(join(dir, 'issues/2024-03.md'), (text) => text.replace('2024/会议精神', '2024/市委常委会'));
    const hints = Object.fromEntries(
      (await check(dir)).filter((d) => d.rule === 'issue/entry-missing').map((d) => [d.message, d.hint]),
    );
    expect(hints['稿件「2024/应急检查」不存在（应为 entries/2024/应急检查.md）']).toBe('是不是「应急检查」？');
    expect(hints['稿件「2024/青石镇排查1」不存在（应为 entries/2024/青石镇排查1.md）']).toBe(
      '是不是「2024/青石镇排查」？',
    );
    expect(hints['稿件「2024/市委常委会」不存在（应为 entries/2024/市委常委会.md）']).toBe(
      '稿件编号是 entries/ 下的路径，不带 .md',
    );
  });

  it('several leaders in one string: write a list; several units in one: a list for a joint submission', async () => {
    const dir = await copyContent();
    await edit(join(dir, 'entries/2024/区长督导.md'), (text) =>
      text.replace(/^people:.*$/m, 'people: 李健、周明远').replace(/^领导:.*$/m, '领导: 李健、周明远'),
    );
    await edit(join(dir, 'entries/2024/应急检查.md'), (text) => text.replace('unit: 应急局', 'unit: 应急局,青石镇'));
    const errors = await check(dir);
    expect(errors.map((d) => [d.rule, d.file, d.message, d.hint])).toEqual([
      [
        'entry/unknown-person',
        'entries/2024/区长督导.md',
        '「李健、周明远」是 2 位领导，要写成列表',
        '写作 领导: [李健, 周明远]',
      ],
      [
        'entry/unknown-unit',
        'entries/2024/应急检查.md',
        '「应急局,青石镇」是 2 个单位，要写成列表',
        '几个单位联合报送写作 单位: [测试区应急管理局, 青石镇]，第一个是报送单位；只有一个报送单位时写 单位: 测试区应急管理局，其他单位写在正文中',
      ],
    ]);
  });
});
