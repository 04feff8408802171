/**
 * The next issue of a series: its number within the year (from 1, or from the
 * series' `since` in that year) and its cumulative total, following the same
 * rules `check` enforces.
 */
import { chineseDate, issueName } from '../format.ts';
import type { IssueRecord, LoadedContent } from '../load/content.ts';
import type { Registry } from '../registry.ts';
import type { IssueKind } from '../schema/issue.ts';
import type { Series } from '../schema/site.ts';
import { issuesBySeries } from '../validate/issues.ts';
import { WorkflowError } from './errors.ts';

export interface NextNumber {
  year: number;
  number: number;
  /** Undefined when the series does not count totals (the last issue had none). */
  total: number | undefined;
  /** The issue it follows, if any. */
  previous: IssueRecord | undefined;
}

/**
 * Number and total of the next issue of `series` dated `date` (ISO). A
 * supplement (`kind: 'supplement'`) follows the last supplement: 增刊第1期 each
 * year, never `since`, never a total.
 */
export function nextNumber(
  content: Pick<LoadedContent, 'issues'>,
  registry: Registry,
  series: Series,
  date: string,
  kind: IssueKind = 'regular',
): NextNumber {
  const year = Number(date.slice(0, 4));
  const issues = issuesBySeries(content.issues, registry, kind).get(series) ?? [];
  const previous = issues.at(-1);
  if (previous && date < previous.data.date) {
    throw new WorkflowError(
      `印发日期 ${chineseDate(date)} 早于上一期 ${issueName(previous.data.year, previous.data.number, previous.data.kind === 'supplement')} 的印发日期 ${chineseDate(previous.data.date)}`,
      { hint: '新一期的印发日期不能早于上一期：用 --date 指定日期' },
    );
  }
  if (previous && previous.data.year > year) {
    throw new WorkflowError(
      `已有${issueName(previous.data.year, previous.data.number, previous.data.kind === 'supplement')}，不能再编 ${year} 年的期刊`,
      { hint: '用 --date 指定正确的印发日期' },
    );
  }
  const since = kind === 'supplement' ? undefined : series.since;
  let number: number;
  if (previous && previous.data.year === year) number = previous.data.number + 1;
  else if (since && since.year === year) number = since.number;
  else if (since && since.year > year) {
    throw new WorkflowError(
      `刊物「${series.name}」的期号从${issueName(since.year, since.number)}开始，不能编 ${year} 年的期刊`,
      { hint: '核对 --date，或修改 jianbao.yaml 中的期号起点（since）' },
    );
  } else number = 1;
  const total = kind === 'regular' && previous?.data.total !== undefined ? previous.data.total + 1 : undefined;
  return { year, number, total, previous };
}
