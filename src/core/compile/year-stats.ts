/**
 * 信息采用情况 year by year: what the statistics pages show, the overview
 * (units × years, and each year's twelve months) and one page per year
 * (units × months, sections, issues). Counted by computeStats (stats.ts), so
 * the pages and `jianbao stats --year` give the same numbers.
 */
import type { Registry } from '../registry.ts';
import type { CompiledIssue } from '../model/issue.ts';
import { adoptedEntries, computeStats, type Stats } from './stats.ts';

/** One issue of the year as the year's page lists it. */
export interface YearIssueCount {
  key: string;
  seriesName: string;
  numbering: string;
  date: string;
  dateText: string;
  /** Entries the issue adopted. */
  entries: number;
}

export interface YearStats {
  year: number;
  /** Entries adopted by the year's issues. */
  total: number;
  /** Entries adopted in each month, January first: always twelve numbers. */
  months: number[];
  /** Units × the year's months (`jianbao stats --year`). */
  units: Stats;
  /** Sections × the year's months (`jianbao stats --year --by section`). */
  sections: Stats;
  /** The year's issues, newest first. */
  issues: YearIssueCount[];
}

export interface StatsByYear {
  /** Units × years (`jianbao stats`). */
  units: Stats;
  /** Every year with a published issue, newest first. */
  years: YearStats[];
}

type CountedIssue = Pick<CompiledIssue, 'key' | 'numbering' | 'date' | 'dateText' | 'entries'> & {
  series: Pick<CompiledIssue['series'], 'name'>;
};

/**
 * The statistics of `issues` (the published ones: drafts are not adopted),
 * a year being the year of an issue's 印发日期, as computeStats counts.
 */
export function computeStatsByYear(issues: readonly CountedIssue[], registry: Registry): StatsByYear {
  const items = adoptedEntries(issues);
  const years = [...new Set(issues.map((issue) => Number(issue.date.slice(0, 4))))].sort((a, b) => b - a);
  return {
    units: computeStats(items, registry, { by: 'unit', period: 'year' }),
    years: years.map((year) => {
      const byMonth = computeStats(items, registry, { by: 'month', year });
      const counts = new Map(byMonth.rows.map((row) => [row.key, row.total]));
      return {
        year,
        total: byMonth.total,
        months: Array.from(
          { length: 12 },
          (_, month) => counts.get(`${year}-${String(month + 1).padStart(2, '0')}`) ?? 0,
        ),
        units: computeStats(items, registry, { by: 'unit', period: 'month', year }),
        sections: computeStats(items, registry, { by: 'section', period: 'month', year }),
        issues: issues
          .filter((issue) => issue.date.startsWith(`${year}-`))
          .sort((a, b) => b.date.localeCompare(a.date))
          .map((issue) => ({
            key: issue.key,
            seriesName: issue.series.name,
            numbering: issue.numbering,
            date: issue.date,
            dateText: issue.dateText,
            entries: issue.entries.length,
          })),
      };
    }),
  };
}
