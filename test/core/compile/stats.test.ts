/**
 * 信息采用情况 in the core: computeStats counts adopted entries per unit, section
 * or month, per month or year, in units.yaml and section order; `jianbao stats`
 * and the statistics page print what it returns.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptedEntries, computeStats, periodLabel, type StatsItem } from '../../../src/core/compile/stats.ts';
import { checkContent } from '../../../src/core/check.ts';
import { compileSite } from '../../../src/core/compile/site.ts';
import { loadContent } from '../../../src/core/load/content.ts';
import { buildRegistry } from '../../../src/core/registry.ts';
import { FIXTURES } from '../../helpers/index.ts';
import { loadBase } from '../../helpers/content.ts';

const ORDER = join(FIXTURES, 'order/content');
const registry = buildRegistry(await loadContent(ORDER));

/** An adopted entry of a unit (yjj, qsz, or none: a unit not in units.yaml), in a section, in an issue dated `date`. */
const item = (unit: string | undefined, section: StatsItem['entry']['section'], date: string): StatsItem => ({
  entry: {
    unit: unit ? { id: unit } : undefined,
    unitName: unit ? { yjj: '区应急管理局', qsz: '青石镇' }[unit]! : '外单位',
    section,
  },
  issue: { date },
});

describe('periodLabel', () => {
  it('names a month with its year, or alone when the table is for one year', () => {
    expect(periodLabel('2024-08')).toBe('2024年8月');
    expect(periodLabel('2024-08', true)).toBe('8月');
  });

  it('names a year', () => {
    expect(periodLabel('2024')).toBe('2024年');
  });
});

describe('computeStats', () => {
  it('fills the months between the first and the last, counts unknown units apart, and keeps units.yaml order', async () => {
    const stats = computeStats(
      [
        item('qsz', 'work-updates', '2024-01-20'),
        item('yjj', 'notices', '2024-04-02'),
        item(undefined, 'work-updates', '2024-04-09'),
      ],
      registry,
    );
    expect(stats.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(stats.periodLabels['2024-02']).toBe('2024年2月');
    expect(stats.rows.map((row) => [row.key, row.label, row.total])).toEqual([
      ['yjj', '区应急管理局', 1],
      ['qsz', '青石镇', 1],
      ['?外单位', '外单位', 1],
    ]);
    expect(stats.totals).toEqual({ '2024-01': 1, '2024-04': 2 });
  });

  it('by section follows the section order; by month has no columns; a year filter drops other years', async () => {
    const items = [
      item('qsz', 'work-updates', '2023-12-20'),
      item('yjj', 'notices', '2024-03-02'),
      item('yjj', 'upper-meetings', '2024-05-09'),
    ];
    const bySection = computeStats(items, registry, { by: 'section', year: 2024 });
    expect(bySection.rows.map((row) => row.label)).toEqual(['上级会议精神', '工作提示']);
    expect(bySection.periodLabels).toEqual({ '2024-03': '3月', '2024-04': '4月', '2024-05': '5月' });
    expect(bySection.total).toBe(2);
    const byMonth = computeStats(items, registry, { by: 'month' });
    expect(byMonth.periods).toEqual([]);
    expect(byMonth.rows.map((row) => [row.label, row.total])).toEqual([
      ['2023年12月', 1],
      ['2024年1月', 0],
      ['2024年2月', 0],
      ['2024年3月', 1],
      ['2024年4月', 0],
      ['2024年5月', 1],
    ]);
  });

  it('counts per year with period: year, and lists units without adopted entries as zeros with includeEmpty', () => {
    const stats = computeStats([item('yjj', 'notices', '2023-03-02'), item('yjj', 'notices', '2025-01-09')], registry, {
      period: 'year',
      includeEmpty: true,
    });
    expect(stats.periods).toEqual(['2023', '2024', '2025']);
    expect(stats.periodLabels).toEqual({ 2023: '2023年', 2024: '2024年', 2025: '2025年' });
    const yjj = stats.rows.find((row) => row.key === 'yjj')!;
    expect(yjj.counts).toEqual({ 2023: 1, 2025: 1 });
    expect(stats.rows.map((row) => row.key)).toEqual(registry.units.map((unit) => unit.id));
    expect(stats.rows.filter((row) => row.key !== 'yjj').every((row) => row.total === 0)).toBe(true);
  });

  it('gives an empty table for no entries', () => {
    const stats = computeStats([], registry);
    expect(stats).toMatchObject({ by: 'unit', period: 'month', periods: [], rows: [], totals: {}, total: 0 });
  });
});

describe('adoptedEntries', () => {
  it('pairs every entry an issue adopted with that issue’s date: an entry counts when its issue came out', async () => {
    const checked = await checkContent(ORDER);
    const site = compileSite(checked.content, checked.registry);
    // issues/zhuanbao/2024-05.md (dated 2024-06-10) lists one entry: 2024/06/已编 (yjj, work-updates, dated 2024-06-01).
    expect(adoptedEntries(site.issues).map(({ entry, issue }) => [entry.unit?.id, entry.section, issue.date])).toEqual([
      ['yjj', 'work-updates', '2024-06-10'],
    ]);
  });
});

const units = await readFile(join(FIXTURES, 'units/units.yaml'), 'utf8');
const history = buildRegistry((await loadBase({ 'units.yaml': units })).content);

describe('units renamed and joint submissions', () => {
  const named = (id: string | undefined, name: string) => (id ? { id, name } : { name });
  const adopted = (date: string, ...units: [string | undefined, string][]): StatsItem => ({
    entry: {
      unit: units[0]![0] ? { id: units[0]![0], name: units[0]![1] } : undefined,
      ...(units.length > 1 ? { units: units.map(([id, name]) => named(id, name)) } : {}),
      unitName: units.map(([, name]) => name).join('、'),
      section: 'work-updates',
    },
    issue: { date },
  });

  it('counts a unit by id under its current name, naming the former name its entries used', () => {
    const stats = computeStats(
      [adopted('2024-06-10', ['yjj', '测试区安全生产监督管理局']), adopted('2024-06-28', ['yjj', '测试区应急管理局'])],
      history,
    );
    expect(stats.rows.map((row) => [row.key, row.label, row.unitName, row.total])).toEqual([
      ['yjj', '测试区应急管理局（原测试区安全生产监督管理局）', '测试区应急管理局（原测试区安全生产监督管理局）', 2],
    ]);
    expect(stats.notes).toEqual([]);
  });

  it('counts a joint submission for each of its units, totals count entries, and the note says so', () => {
    const stats = computeStats(
      [
        adopted('2024-06-28', ['qsz', '青石镇'], ['yjj', '测试区应急管理局'], [undefined, '外单位']),
        adopted('2024-06-28', ['yjj', '测试区应急管理局']),
      ],
      history,
    );
    expect(stats.rows.map((row) => [row.label, row.total])).toEqual([
      ['测试区应急管理局', 2],
      ['青石镇', 1],
      ['外单位', 1],
    ]);
    expect([stats.totals, stats.total]).toEqual([{ '2024-06': 2 }, 2]);
    expect(stats.notes).toEqual(['联合报送的稿件计入每个报送单位，各单位篇数相加可能大于合计。']);
  });

  it('the site: old entries keep the old name, a joint entry is listed under every unit and counted for each', async () => {
    const loaded = await loadBase({
      'units.yaml': units,
      'entries/2024/应急检查.md':
        '---\nsection: 工作动态\ndate: 2024-06-05\nunit: 安监局\n---\n\n6月5日，区安监局组织开展危化品企业专项检查。\n',
      'entries/2024/青石镇排查.md':
        '---\nsection: work-updates\ndate: 2024-06-20\nunit: [青石镇, 应急局]\n---\n\n6月20日，青石镇会同区应急管理局开展沿街门店消防隐患排查。\n',
    });
    const site = compileSite(loaded.content, loaded.registry);
    const entry = (id: string) => site.issues.flatMap((issue) => issue.entries).find((item) => item.id === id)!;
    expect([entry('2024/应急检查').unit, entry('2024/应急检查').unitName, entry('2024/应急检查').units]).toEqual([
      { id: 'yjj', name: '测试区安全生产监督管理局', kind: 'department' },
      '测试区安全生产监督管理局',
      undefined,
    ]);
    expect([
      entry('2024/青石镇排查').unit?.id,
      entry('2024/青石镇排查').units,
      entry('2024/青石镇排查').unitName,
    ]).toEqual([
      'qsz',
      [
        { id: 'qsz', name: '青石镇' },
        { id: 'yjj', name: '测试区应急管理局' },
      ],
      '青石镇、测试区应急管理局',
    ]);
    expect(
      site.units.map((item) => [item.unit.name, item.formerNames, item.entries.map((archived) => archived.entry.id)]),
    ).toEqual([
      ['测试区安委办', [], ['2024/会议精神', '2024/区长督导']],
      ['测试区应急管理局', ['测试区安全生产监督管理局'], ['2024/青石镇排查', '2024/应急检查']],
      ['青石镇', [], ['2024/青石镇排查']],
    ]);
    // Site stats count only published issues: the fixture's are drafts, so count them here.
    const stats = computeStats(adoptedEntries(site.issues), loaded.registry);
    expect(stats.rows.map((row) => [row.label, row.total])).toEqual([
      ['测试区安委办', 2],
      ['测试区应急管理局（原测试区安全生产监督管理局）', 2],
      ['青石镇', 1],
    ]);
    expect([stats.total, stats.notes.length]).toEqual([4, 1]);
  });
});
