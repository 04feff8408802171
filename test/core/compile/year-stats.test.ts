/**
 * The statistics pages' numbers: computeStatsByYear counts the published
 * issues' entries per year (of the issue's 印发日期), per month, unit,
 * section and issue, newest year first; compileSite leaves drafts out.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/core/check.ts';
import { compileSite } from '../../../src/core/compile/site.ts';
import { computeStatsByYear } from '../../../src/core/compile/year-stats.ts';
import { loadContent } from '../../../src/core/load/content.ts';
import type { CompiledIssue } from '../../../src/core/model/issue.ts';
import { buildRegistry } from '../../../src/core/registry.ts';
import { cli, copyContent } from '../../helpers/workflow.ts';
import { FIXTURES } from '../../helpers/index.ts';

const ORDER = join(FIXTURES, 'order/content');
const registry = buildRegistry(await loadContent(ORDER));

type Entry = CompiledIssue['entries'][number];
/** An entry of a unit (yjj, qsz) in a section: the fields the statistics read. */
const entry = (unit: 'yjj' | 'qsz', section: Entry['section']) =>
  ({ unit: { id: unit }, unitName: { yjj: '区应急管理局', qsz: '青石镇' }[unit], section }) as unknown as Entry;
const issue = (key: string, date: string, entries: Entry[]) => ({
  key,
  numbering: key,
  date,
  dateText: date,
  series: { name: '工作专报' },
  entries,
});

describe('computeStatsByYear', () => {
  const stats = computeStatsByYear(
    [
      issue('zhuanbao/2025/1', '2025-01-10', [entry('yjj', 'work-updates'), entry('qsz', 'work-updates')]),
      issue('zhuanbao/2024/12', '2025-01-03', [entry('yjj', 'notices')]),
      issue('zhuanbao/2024/3', '2024-11-28', [entry('qsz', 'work-updates')]),
      issue('zhuanbao/2023/9', '2023-06-01', [
        entry('yjj', 'upper-meetings'),
        entry('yjj', 'notices'),
        entry('qsz', 'notices'),
      ]),
    ],
    registry,
  );

  it('lists each year with issues, newest first, counting by the 印发日期 (an issue of 2024 dated 2025 counts in 2025)', () => {
    expect(stats.years.map((year) => [year.year, year.total])).toEqual([
      [2025, 3],
      [2024, 1],
      [2023, 3],
    ]);
    expect(stats.units.periods).toEqual(['2023', '2024', '2025']);
    expect(stats.units.rows.map((row) => [row.key, row.counts])).toEqual([
      ['yjj', { 2023: 2, 2025: 2 }],
      ['qsz', { 2023: 1, 2024: 1, 2025: 1 }],
    ]);
  });

  it('gives twelve months per year, January first, zeros included', () => {
    expect(stats.years[0]!.months).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(stats.years[1]!.months).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(stats.years[2]!.months).toEqual([0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0]);
  });

  it('counts a year per unit and per section, and lists its issues newest first with their entries', () => {
    const [y2025, , y2023] = stats.years;
    expect(y2025!.units.rows.map((row) => [row.key, row.total])).toEqual([
      ['yjj', 2],
      ['qsz', 1],
    ]);
    expect(y2023!.sections.rows.map((row) => [row.label, row.total])).toEqual([
      ['上级会议精神', 1],
      ['工作提示', 2],
    ]);
    expect(y2025!.issues.map((item) => [item.key, item.entries])).toEqual([
      ['zhuanbao/2025/1', 2],
      ['zhuanbao/2024/12', 1],
    ]);
  });

  it('has no year for no issues', () => {
    expect(computeStatsByYear([], registry)).toMatchObject({ years: [], units: { total: 0, rows: [] } });
  });
});

describe('compileSite().statsByYear', () => {
  it('counts published issues only, drafts compiled or not', async () => {
    const dir = await copyContent(ORDER);
    expect((await cli(dir, 'publish', 'zhuanbao/2024-5')).code).toBe(0);
    // A draft issue of the pending entries, the next one.
    expect((await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', '2024-07-31')).code).toBe(0);
    const checked = await checkContent(dir);
    const withDrafts = compileSite(checked.content, checked.registry);
    expect(withDrafts.issues.some((item) => item.status === 'draft')).toBe(true);
    const published = withDrafts.issues.filter((item) => item.status === 'published');
    expect(published.map((item) => item.key)).toEqual(['zhuanbao/2024/5']);
    expect(withDrafts.statsByYear.years.flatMap((year) => year.issues.map((item) => item.key))).toEqual([
      'zhuanbao/2024/5',
    ]);
    expect(withDrafts.statsByYear.units.total).toBe(published[0]!.entries.length);
    expect(compileSite(checked.content, checked.registry, { drafts: false }).statsByYear).toEqual(
      withDrafts.statsByYear,
    );
  });
});
