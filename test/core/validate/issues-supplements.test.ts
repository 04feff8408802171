/** Supplements (增刊): numbered apart from the regular issues (validate/issues.ts), checked the same way, named 2024年 增刊第1期. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, compileSite } from '../../../src/core/index.ts';
import { findIssue } from '../../../src/core/workflow/issue-ref.ts';
import { nextNumber } from '../../../src/core/workflow/numbering.ts';
import { selectIssues } from '../../../src/cli/commands/pdf.ts';
import { copyContent } from '../../helpers/index.ts';

async function withIssues(files: Record<string, string>) {
  const dir = await copyContent();
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'issues', name), text);
  return checkContent(dir);
}

const supplement = (number: string, date: string, extra = '') =>
  `---\n年度: 2024\n期号: ${number}\n印发日期: ${date}\n${extra}---\n`;

describe('supplements', () => {
  it('between two regular issues: no numbering or total error, its own key, ref and masthead line', async () => {
    const result = await withIssues({
      '2024-zk1.md': supplement('增刊1', '2024-06-15'),
      '2024-zk2.md': supplement('1', '2024-06-20', '类型: 增刊\n').replace('期号: 1', '期号: 2'),
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const site = compileSite(result.content, result.registry);
    const one = site.issues.find((issue) => issue.file === 'issues/2024-zk1.md')!;
    expect(one).toMatchObject({
      kind: 'supplement',
      number: 1,
      key: 'zhuanbao/2024/zk1',
      ref: '2024-增刊1',
      numbering: '2024年 增刊第1期',
      pdfName: 'zhuanbao-2024-zk1.pdf',
    });
    const two = site.issues.find((issue) => issue.file === 'issues/2024-zk2.md')!;
    expect(two).toMatchObject({ kind: 'supplement', number: 2, numbering: '2024年 增刊第2期' });
    const regular = site.issues.find((issue) => issue.key === 'zhuanbao/2024/4')!;
    expect(regular).toMatchObject({ kind: 'regular', numbering: '2024年 第4期（总第11期）', ref: '2024-4' });
    // The CLI names it 2024-增刊1 or 2024-zk1.
    expect(findIssue(result.content, result.registry, '2024-增刊1').file).toBe('issues/2024-zk1.md');
    expect(findIssue(result.content, result.registry, '2024-zk2').file).toBe('issues/2024-zk2.md');
    expect(selectIssues(site, ['2024-增刊1']).map((issue) => issue.key)).toEqual(['zhuanbao/2024/zk1']);
    expect(() => findIssue(result.content, result.registry, '2024-增刊3')).toThrow('找不到2024年增刊第3期');
    // The next regular issue follows 第4期（总第11期）, whatever supplements came since.
    const series = result.registry.series[0]!;
    expect(nextNumber(result.content, result.registry, series, '2024-07-01')).toMatchObject({ number: 5, total: 12 });
  });

  it('checked like any issue: a duplicate, a first supplement that is not 增刊第1期', async () => {
    const duplicate = await withIssues({
      '2024-zk1.md': supplement('增刊1', '2024-06-15'),
      '2024-zk1b.md': supplement('增刊第1期', '2024-06-16'),
    });
    expect(duplicate.diagnostics.map((d) => [d.rule, d.file, d.message])).toEqual([
      [
        'issue/number-duplicate',
        'issues/2024-zk1b.md',
        '测试区安全生产工作专报 2024年增刊第1期 重复：issues/2024-zk1.md 也是这一期',
      ],
    ]);
    const start = await withIssues({ '2024-zk2.md': supplement('增刊2', '2024-06-15') });
    expect(start.diagnostics.map((d) => [d.rule, d.message])).toEqual([
      ['issue/number-start', '测试区安全生产工作专报 2024年的第一期增刊应为增刊第1期，这里是增刊第2期'],
    ]);
  });
});
