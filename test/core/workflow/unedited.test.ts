/** An entry still empty, or only the template's opening, warns in check and stops publish, naming the entry. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uneditedBody } from '../../../src/core/validate/entries.ts';
import { checkJson, cli, sampleCopy } from '../../helpers/workflow.ts';

describe('unedited entries', () => {
  it('tells a stub from a written body', () => {
    expect(uneditedBody('')).toBe('empty');
    expect(uneditedBody('\n\n  \n')).toBe('empty');
    expect(uneditedBody('12月10日，区消防救援大队\n')).toBe('opening');
    expect(uneditedBody('12月3日，带队到')).toBe('opening');
    expect(uneditedBody('12月10日，区消防救援大队开展冬季消防检查。')).toBeUndefined();
    expect(uneditedBody('12月10日，区消防救援大队\n开展冬季消防检查')).toBeUndefined();
    expect(uneditedBody('区消防救援大队开展检查')).toBeUndefined();
  });

  it('check warns (entry/unedited, on the body line); publish refuses with the entry path until it is written', async () => {
    const dir = await sampleCopy();
    const made = await cli(
      dir,
      'new',
      'entry',
      '--series',
      'zhuanbao',
      '--section',
      '工作动态',
      '--unit',
      '消防大队',
      '--date',
      '2025-12-03',
      '--title',
      '区消防救援大队开展冬季消防检查',
    );
    expect(made.code).toBe(0);
    const file = made.stdout
      .trim()
      .replace(/^content\//, '')
      .replace(/^.*?(entries\/)/, '$1');
    const empty = 'entries/2025/11/空稿.md';
    await writeFile(join(dir, empty), '---\n刊物: zhuanbao\n栏目: 工作动态\n日期: 2025-11-30\n单位: 应急局\n---\n\n');

    const checked = await checkJson(dir);
    expect(checked.errors).toBe(0);
    const warnings = checked.diagnostics.filter((d) => d.rule === 'entry/unedited');
    expect(warnings.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [empty, 1, 'warning', '稿件正文是空的'],
      [file, 9, 'warning', '稿件正文还只有模板的开头「12月3日，区消防救援大队」'],
    ]);

    expect((await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', '2025-12-05')).code).toBe(0);
    const refused = await cli(dir, 'publish', 'zhuanbao/2025-3');
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toContain('2025年第3期有 2 篇稿件还没有写正文，不能发布');
    expect(refused.stderr + refused.stdout).toContain(`${file}:9:1`);
    expect(refused.stderr + refused.stdout).toContain(`${empty}:1:1`);
    const issue = await readFile(join(dir, 'issues/zhuanbao/2025-03.md'), 'utf8');
    expect(issue).not.toMatch(/^(status|状态): (published|已发布)/m);

    await writeFile(
      join(dir, file),
      (await readFile(join(dir, file), 'utf8')).replace(
        '12月3日，区消防救援大队',
        '12月3日，区消防救援大队开展冬季消防安全检查，排查隐患12处。',
      ),
    );
    await writeFile(
      join(dir, empty),
      `${await readFile(join(dir, empty), 'utf8')}11月30日，区应急管理局召开月度安全形势分析会。\n`,
    );
    const published = await cli(dir, 'publish', 'zhuanbao/2025-3');
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
  });
});
