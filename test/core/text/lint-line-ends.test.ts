/** Spaces at line ends: lint positions stay exact around them, the fixes still apply, and the spaces themselves are fixable. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixBody, lintBody } from '../../../src/core/index.ts';
import { copyContent, runCli } from '../../helpers/index.ts';

describe('spaces at line ends', () => {
  it('keep every position exact and every fix possible; the spaces are removed too', () => {
    const body = '6月5日,区应急管理局组织开展检查. \n共检查企业12家,发现隐患3处. \n';
    const findings = lintBody(body);
    const at = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => body[f.start]);
    expect(at('lint/fullwidth-punctuation')).toEqual([',', '.', ',', '.']);
    expect(findings.filter((f) => f.rule === 'lint/trailing-spaces').map((f) => [f.start, f.end])).toEqual([
      [body.indexOf(' \n'), body.indexOf(' \n') + 1],
      [body.lastIndexOf(' \n'), body.lastIndexOf(' \n') + 1],
    ]);
    const fixed = fixBody(body);
    expect(fixed.text).toBe('6月5日，区应急管理局组织开展检查。\n共检查企业12家，发现隐患3处。\n');
    expect(fixed.remaining).toEqual([]);
    expect(fixBody(fixed.text).applied).toEqual([]);
  });

  it('a hard line break (two spaces) is reported, not removed; code is left alone', () => {
    const body = '第一行  \n第二行\n\n```\ncode  \n```\n';
    const findings = lintBody(body).filter((f) => f.rule === 'lint/trailing-spaces');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.edits).toBeUndefined();
    expect(fixBody(body).text).toBe(body);
  });

  it('jianbao lint shows file:line:column of the real character, and --fix repairs the paragraph', async () => {
    const dir = await copyContent();
    const file = join(dir, 'entries/2024/应急检查.md');
    await writeFile(
      file,
      '---\nsection: 工作动态\ndate: 2024-06-05\nunit: 应急局\n---\n\n6月5日,区应急管理局组织开展检查. \n共检查企业12家,发现隐患3处.\n',
    );
    const lint = await runCli(['lint', '--content', dir]);
    expect(lint.stdout).toContain('entries/2024/应急检查.md:7:5 错误 中文中使用了半角标点“,”');
    expect(lint.stdout).toContain('entries/2024/应急检查.md:8:16 错误 中文中使用了半角标点“.”');
    expect(lint.stdout).toContain('entries/2024/应急检查.md:7:19 警告 行尾有空格 [lint/trailing-spaces]');
    expect((await runCli(['lint', '--fix', '--content', dir])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain(
      '\n6月5日，区应急管理局组织开展检查。\n共检查企业12家，发现隐患3处。\n',
    );
  });
});
