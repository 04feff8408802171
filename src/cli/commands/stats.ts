/** `jianbao stats [--year Y] [--by unit|section|month] [--format table|csv|json] [--all]`: 信息采用情况. */
import stringWidth from 'string-width';
import { issueSeries, openProject } from '../../core/index.ts';
import { adoptedEntries, computeStats, type Stats, type StatsBy } from '../../core/index.ts';
import { defineCommand, formatOption, UsageError } from '../command.ts';
import { printDiagnostics } from '../report.ts';
import { requireContentDir } from './_workflow.ts';

const BY: Record<string, StatsBy> = {
  unit: 'unit',
  单位: 'unit',
  section: 'section',
  栏目: 'section',
  month: 'month',
  月份: 'month',
};
const ROW_HEADINGS: Record<StatsBy, string> = { unit: '单位', section: '栏目', month: '月份' };
const BY_NAMES: Record<StatsBy, string> = { unit: '按单位', section: '按栏目', month: '按月份' };

/** The table as rows of cells: heading row, one row per unit/section/month, then the 合计 row. */
export function statsCells(stats: Stats): string[][] {
  const head = [ROW_HEADINGS[stats.by], ...stats.periods.map((key) => stats.periodLabels[key]!), '合计'];
  const rows = stats.rows.map((row) => [
    row.label,
    ...stats.periods.map((key) => String(row.counts[key] ?? 0)),
    String(row.total),
  ]);
  const totals = ['合计', ...stats.periods.map((key) => String(stats.totals[key] ?? 0)), String(stats.total)];
  return [head, ...rows, totals];
}

function csvCell(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV with a BOM, so that Excel on Windows opens the Chinese correctly. */
export function statsCsv(stats: Stats): string {
  return `\uFEFF${statsCells(stats)
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
}

/** A plain-text table, columns aligned for Chinese (double-width) characters. */
export function statsTable(stats: Stats): string {
  const cells = statsCells(stats);
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => stringWidth(row[column]!))));
  const pad = (cell: string, column: number) => {
    const space = ' '.repeat(widths[column]! - stringWidth(cell));
    return column === 0 ? cell + space : space + cell;
  };
  const lines = cells.map((row) => row.map(pad).join('  ').trimEnd());
  const rule = '─'.repeat(Math.max(...lines.map((line) => stringWidth(line))));
  return [lines[0], rule, ...lines.slice(1, -1), rule, lines.at(-1)].join('\n');
}

export default defineCommand({
  meta: { name: 'stats', description: '信息采用情况：各单位（栏目、月份）被期刊采用的稿件数', usage: 'stats' },
  args: {
    year: { type: 'string', description: '只统计该年度的期刊（按月分列）；不指定时按年分列', valueHint: '年度' },
    by: { type: 'string', description: '按什么分行：unit 单位（默认）、section 栏目、month 月份', valueHint: '分组' },
    format: { type: 'string', description: '输出格式：table 表格（默认）、csv、json', valueHint: '格式' },
    all: { type: 'boolean', description: '也列出没有稿件被采用的单位或栏目' },
    series: { type: 'string', description: '只统计这个刊物（刊物 id，见 jianbao.yaml）', valueHint: '刊物' },
  },
  async run({ values, io, contentDir }) {
    const format = formatOption(values.format, ['table', 'csv', 'json']);
    const byText = (values.by as string | undefined) ?? 'unit';
    const by = BY[byText];
    if (!by) throw new UsageError('--by 只能是 unit（单位）、section（栏目）或 month（月份）');
    const yearText = values.year as string | undefined;
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && !(Number.isInteger(year) && /^\d{4}$/.test(yearText!)))
      throw new UsageError('--year 应为四位年份，如 2024');
    await requireContentDir(contentDir);

    // Entry bodies compiled by earlier builds: ten years of entries compile in 1 s instead of 5.
    const { openRenderCache } = await import('../../build/index.ts');
    // Draft issues are not yet issued: their entries are not counted as adopted.
    const project = openProject(contentDir, {
      bodyCache: async () => (await openRenderCache(contentDir)).markdown,
      drafts: false,
    });
    const { checked: result, site } = await project.checkAndCompile();
    if (!site) {
      io.stderr('内容有错误，统计数字可能不准，先改正：\n\n');
      printDiagnostics(
        result.diagnostics.filter((d) => d.severity === 'error'),
        { ...io, stdout: io.stderr },
        contentDir,
      );
      return 1;
    }
    const drafts = result.content.issues.filter(
      (issue) =>
        issue.data.status === 'draft' &&
        (year === undefined || issue.data.year === year) &&
        (values.series === undefined || issueSeries(result.registry, issue)?.id === values.series),
    ).length;
    const seriesId = values.series as string | undefined;
    if (seriesId !== undefined && !result.registry.seriesById.has(seriesId)) {
      throw new UsageError(
        `未知的刊物「${seriesId}」，jianbao.yaml 中有：${[...result.registry.seriesById.keys()].join('、')}`,
      );
    }
    const issues = seriesId === undefined ? site.issues : site.issues.filter((issue) => issue.series.id === seriesId);
    const stats = computeStats(adoptedEntries(issues), result.registry, {
      by,
      period: year === undefined ? 'year' : 'month',
      year,
      includeEmpty: values.all === true,
    });
    if (format === 'json') {
      io.stdout(`${JSON.stringify(stats, null, 2)}\n`);
      return 0;
    }
    if (format === 'csv') {
      io.stdout(statsCsv(stats));
      return 0;
    }
    const seriesName = seriesId === undefined ? '' : `《${result.registry.seriesById.get(seriesId)!.name}》，`;
    const title = `信息采用情况（${seriesName}${year === undefined ? '全部年度' : `${year}年`}，${BY_NAMES[by]}，共 ${stats.total} 篇${drafts ? `；${drafts} 期草稿未计入` : ''}）`;
    const notes = stats.notes.map((note) => `\n注：${note}\n`).join('');
    io.stdout(
      stats.total === 0 && !values.all
        ? `${title}\n没有稿件被期刊采用。\n`
        : `${title}\n\n${statsTable(stats)}\n${notes}`,
    );
    return 0;
  },
});
