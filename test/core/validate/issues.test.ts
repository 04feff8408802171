/**
 * The issues of one series, in order: numbers run from 1 (or the series'
 * `since`) each year without gaps or repeats, totals rise by one, and each
 * issue comes out inside its year and not before the one before it.
 */
import { describe, expect, it } from 'vitest';
import { issuesBySeries, validateIssueSeries, validateNumbering } from '../../../src/core/validate/issues.ts';
import { loadBase, shown } from '../../helpers/content.ts';

/** An issue file of the base fixture's series (since 2024-3). */
const issue = (year: number, number: number, total: number | undefined, date: string) =>
  `---\nyear: ${year}\nnumber: ${number}\n${total === undefined ? '' : `total: ${total}\n`}date: ${date}\nentries: []\n---\n`;

async function numbering(files: Record<string, string | null>) {
  const { content, registry } = await loadBase(files);
  return [...issuesBySeries(content.issues, registry)]
    .flatMap(([series, issues]) => validateNumbering(series, issues))
    .map(shown);
}

describe('issuesBySeries', () => {
  it('groups the issues by series, ordered by year and number whatever the file names', async () => {
    const { content, registry } = await loadBase({ 'issues/a.md': issue(2025, 1, 12, '2025-01-08') });
    const groups = [...issuesBySeries(content.issues, registry)];
    expect(groups.map(([series, issues]) => [series.id, issues.map((item) => item.file)])).toEqual([
      ['zhuanbao', ['issues/2024-03.md', 'issues/2024-04.md', 'issues/a.md']],
    ]);
  });
});

describe('validateNumbering', () => {
  it('accepts the base fixture: 2024年第3期 (the series starts there), then 第4期, totals 10 and 11', async () => {
    expect(await numbering({})).toEqual([]);
  });

  it('a new year starts again from 第1期, and the total keeps rising', async () => {
    expect(await numbering({ 'issues/2025-01.md': issue(2025, 1, 12, '2025-01-08') })).toEqual([]);
    expect(await numbering({ 'issues/2025-02.md': issue(2025, 2, 12, '2025-01-08') })).toEqual([
      'issues/2025-02.md:3:9 issue/number-start 测试区安全生产工作专报 2025年的第一期应为第1期，这里是第2期 → 每年的期号从第1期开始；若续接旧编号，在 jianbao.yaml 中设置 since',
    ]);
  });

  it('names the missing numbers of a gap, and a number used twice', async () => {
    expect(await numbering({ 'issues/2024-07.md': issue(2024, 7, 12, '2024-07-08') })).toEqual([
      'issues/2024-07.md:3:9 issue/number-gap 测试区安全生产工作专报 2024年第4期之后是第7期，缺少第5至6期 → 期号应连续：改正期号，或补上缺少的期刊',
    ]);
    expect(await numbering({ 'issues/2024-04b.md': issue(2024, 4, 11, '2024-06-28') })).toEqual([
      'issues/2024-04b.md:3:9 issue/number-duplicate 测试区安全生产工作专报 2024年第4期 重复：issues/2024-04.md 也是这一期 → 改正其中一个的期号，或用 jianbao new issue 生成下一期',
    ]);
  });

  it('wants the total one above the last, and asks for it when it is left out', async () => {
    expect(await numbering({ 'issues/2024-05.md': issue(2024, 5, 13, '2024-07-08') })).toEqual([
      'issues/2024-05.md:4:8 issue/total-sequence 总期号应为12（上一期 2024年第4期 是总第11期），这里是13 → 改为 总期号: 12',
    ]);
    expect(await numbering({ 'issues/2024-05.md': issue(2024, 5, undefined, '2024-07-08') })).toEqual([
      'issues/2024-05.md:2:1 issue/total-sequence 2024年第5期缺少总期号，上一期是总第11期 → 加一行 总期号: 12',
    ]);
  });

  it('wants the date inside the year and not before the previous issue', async () => {
    expect(await numbering({ 'issues/2024-05.md': issue(2024, 5, 12, '2025-01-03') })).toEqual([
      'issues/2024-05.md:5:7 issue/date-out-of-year 印发日期 2025-01-03 不在 2024 年内（2024年第5期） → 核对印发日期和年度',
    ]);
    expect(await numbering({ 'issues/2024-05.md': issue(2024, 5, 12, '2024-06-20') })).toEqual([
      'issues/2024-05.md:5:7 issue/date-order 2024年第5期的印发日期 2024-06-20 早于上一期 2024年第4期 的 2024-06-28 → 期号越大，印发日期应越晚：核对日期或期号',
    ]);
  });

  it('refuses an issue before the series began (since 2024-3)', async () => {
    expect(await numbering({ 'issues/2023-09.md': issue(2023, 9, 9, '2023-12-20') })).toEqual([
      'issues/2023-09.md:2:7 issue/number-start 2023年第9期早于刊物的期号起点 2024年第3期 → 核对年度，或修改 jianbao.yaml 中的期号起点（since）',
    ]);
  });
});

describe('validateIssueSeries', () => {
  it('refuses a series jianbao.yaml does not define, suggesting the nearest', async () => {
    const { registry, issue: record } = await loadBase({
      'issues/2024-04.md': `---\nseries: zhuanbo\nyear: 2024\nnumber: 4\ntotal: 11\ndate: 2024-06-28\nentries: []\n---\n`,
    });
    expect(validateIssueSeries(record('issues/2024-04.md'), registry).map(shown)).toEqual([
      'issues/2024-04.md:2:9 issue/unknown-series 刊物「zhuanbo」未在 jianbao.yaml 中定义 → 是不是「zhuanbao」？',
    ]);
  });

  it('needs no series when there is only one', async () => {
    const { registry, issue: record } = await loadBase();
    expect(validateIssueSeries(record('issues/2024-03.md'), registry)).toEqual([]);
  });
});
