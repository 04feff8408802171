import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  buildRegistry,
  checkContent,
  compileSite,
  distributionText,
  expandDistribution,
  type CompiledIssue,
} from '../../../src/core/index.ts';
import { copyContent, runCli } from '../../helpers/index.ts';
import { compileDir, editedBase } from './compile-helpers.ts';

describe('compileSite', () => {
  it('lists issues newest first and archives them per series and year', async () => {
    const site = await compileDir(await copyContent());
    expect(site.title).toBe('测试区安全生产信息网');
    expect(site.base).toBe('/');
    expect(site.issues.map((issue) => issue.key)).toEqual(['zhuanbao/2024/4', 'zhuanbao/2024/3']);
    expect(site.archive).toEqual([
      {
        series: { id: 'zhuanbao', name: '测试区安全生产工作专报' },
        years: [{ year: 2024, issues: [site.issues[0], site.issues[1]] }],
      },
    ]);
  });

  it('archives entries by section and by unit, with the issue they appeared in', async () => {
    const site = await compileDir(await copyContent());
    expect(site.sections.map((section) => [section.name, section.entries.map((item) => item.entry.id)])).toEqual([
      ['上级会议精神', ['2024/会议精神']],
      ['调研指导', ['2024/区长督导']],
      ['工作动态', ['2024/青石镇排查', '2024/应急检查']],
    ]);
    expect(site.units.map((unit) => [unit.unit.id, unit.entries.length])).toEqual([
      ['awb', 2],
      ['yjj', 1],
      ['qsz', 1],
    ]);
    const [first] = site.units[2]!.entries;
    expect(first?.issue).toMatchObject({
      key: 'zhuanbao/2024/4',
      numbering: '2024年 第4期（总第11期）',
      dateText: '2024年6月28日',
    });
  });

  it('counts adopted entries per unit per month: published issues only', async () => {
    const dir = await copyContent();
    // Both issues are drafts: nothing is adopted yet (the draft issues are in the site, as in dev).
    const drafts = await compileDir(dir);
    expect(drafts.issues).toHaveLength(2);
    expect(drafts.stats.total).toBe(0);
    for (const ref of ['2024-3', '2024-4']) expect((await runCli(['publish', ref, '--content', dir])).code).toBe(0);
    const site = await compileDir(dir);
    expect(site.stats.periods).toEqual(['2024-06']);
    expect(site.stats.rows.map((row) => [row.unitName, row.total])).toEqual([
      ['测试区安委办', 2],
      ['测试区应急管理局', 1],
      ['青石镇', 1],
    ]);
    expect(site.stats.total).toBe(4);
  });

  it('gives a published issue, read from its snapshot, each entry once: its sections hold the entries themselves', async () => {
    const dir = await copyContent();
    for (const ref of ['2024-3', '2024-4']) expect((await runCli(['publish', ref, '--content', dir])).code).toBe(0);
    const fromFiles = (await compileDir(await copyContent())).issues[0]!;
    const site = await compileDir(dir);
    for (const issue of site.issues) {
      expect(issue.status).toBe('published');
      const inSections = issue.sections.flatMap((section) => section.entries);
      expect(inSections).toHaveLength(issue.entries.length);
      for (const entry of inSections) expect(issue.entries).toContain(entry);
      // A snapshot is JSON: unshared, the structured clone handed to the pages (compile-job.ts) held each entry twice.
      expect(serialize(issue).length).toBeLessThan(serialize(structuredCloneUnshared(issue)).length);
    }
    expect(site.issues[0]!.sections).toEqual(fromFiles.sections);
  });

  it('keeps the section copy of an entry where the two copies in a snapshot differ', async () => {
    const dir = await copyContent();
    expect((await runCli(['publish', '2024-4', '--content', dir])).code).toBe(0);
    const { content, registry } = await checkContent(dir);
    // Such a record never passes check (the archive tests); the compile must still not swap one copy for the other.
    const snapshot = content.archive!.issues.get('zhuanbao/2024/4')!.latest!;
    const copy = { ...snapshot.issue.sections[0]!.entries[0]!, headline: '另一个标题' };
    snapshot.issue.sections[0]!.entries[0] = copy;
    const issue = compileSite(content, registry).issues.find((item) => item.key === 'zhuanbao/2024/4')!;
    expect(issue.sections[0]!.entries[0]).toBe(copy);
    expect(issue.entries.find((entry) => entry.id === copy.id)!.headline).not.toBe('另一个标题');
  });

  it('takes the sub-path from site.base', async () => {
    const dir = await editedBase({ 'jianbao.yaml': (text) => text.replace('base: /', 'base: /bulletin/') });
    expect((await compileDir(dir)).base).toBe('/bulletin/');
  });
});

/** The issue with every section holding copies of its entries, as a snapshot parsed from JSON does. */
function structuredCloneUnshared(issue: CompiledIssue): CompiledIssue {
  return { ...issue, sections: JSON.parse(JSON.stringify(issue.sections)) as CompiledIssue['sections'] };
}

describe('expandDistribution', () => {
  it('expands a people group in rank order, pads two-character names and adds the suffix', async () => {
    const { content } = await checkContent(await copyContent());
    const registry = buildRegistry(content);
    const lines = expandDistribution(
      { report: ['市安委办', '区领导'], distribute: ['各镇街安委会'] },
      content.recipients,
      registry,
    );
    expect(lines.map(distributionText)).toEqual(['报：市安委办、周明远、李　健、吴晓东同志', '发：各镇街安委会']);
    expect(expandDistribution(undefined, content.recipients, registry)).toEqual([]);
  });

  it('leaves out a leader who holds no title on the issue date', async () => {
    const { content } = await checkContent(await copyContent());
    const registry = buildRegistry(content);
    // 吴晓东 is 副区长 from 2021-03-01 in the base fixture.
    const before = expandDistribution({ report: ['区领导'] }, content.recipients, registry, '2021-01-15');
    expect(before.map(distributionText)).toEqual(['报：周明远、李　健同志']);
    const after = expandDistribution({ report: ['区领导'] }, content.recipients, registry, '2021-03-01');
    expect(after.map(distributionText)).toEqual(['报：周明远、李　健、吴晓东同志']);
  });
});
