/**
 * Rules across the issues of a series: numbering per year (from 1 or the
 * series' `since`), totals rising by one, dates inside the year and rising.
 * Supplements (增刊) follow the same rules among themselves (from 增刊第1期,
 * never `since`), apart from the regular issues.
 */
import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.ts';
import { issueName } from '../format.ts';
import type { IssueRecord } from '../load/content.ts';
import { issueSeries, type Registry } from '../registry.ts';
import type { IssueKind } from '../schema/issue.ts';
import type { Series } from '../schema/site.ts';

/** Issues of one kind (default: the regular ones) grouped by series, each list ordered by year then number. */
export function issuesBySeries(
  issues: IssueRecord[],
  registry: Registry,
  kind: IssueKind = 'regular',
): Map<Series, IssueRecord[]> {
  const groups = new Map<Series, IssueRecord[]>();
  for (const issue of issues) {
    if (issue.data.kind !== kind) continue;
    const series = issueSeries(registry, issue);
    if (!series) continue;
    const list = groups.get(series) ?? [];
    list.push(issue);
    groups.set(series, list);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.data.year - b.data.year || a.data.number - b.data.number || (a.file < b.file ? -1 : 1));
  }
  return groups;
}

export function validateIssueSeries(issue: IssueRecord, registry: Registry): Diagnostic[] {
  const { data, file, positions } = issue;
  if (data.series !== undefined && !registry.seriesById.has(data.series)) {
    const suggestion = didYouMean(data.series, registry.seriesById.keys());
    return [
      diagnostic(
        'issue/unknown-series',
        file,
        positions.at(['series']),
        `刊物「${data.series}」未在 jianbao.yaml 中定义`,
        {
          hint: suggestion ? `是不是「${suggestion}」？` : `可用的刊物：${[...registry.seriesById.keys()].join('、')}`,
          ...(suggestion ? { suggestion } : {}),
        },
      ),
    ];
  }
  if (data.series === undefined && registry.series.length > 1) {
    return [
      diagnostic('issue/series-required', file, positions.at([]), '有多个刊物，期刊需要写明属于哪个刊物', {
        hint: `加一行 刊物: ${registry.series.map((s) => s.id).join(' 或 ')}`,
      }),
    ];
  }
  return [];
}

export function validateNumbering(series: Series, issues: IssueRecord[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const supplement = issues[0]?.data.kind === 'supplement';
  const nth = supplement ? '增刊第' : '第';
  let previous: IssueRecord | undefined;
  for (const issue of issues) {
    const { data, file, positions } = issue;
    const name = issueName(data.year, data.number, supplement);
    if (!data.date.startsWith(`${data.year}-`)) {
      out.push(
        diagnostic(
          'issue/date-out-of-year',
          file,
          positions.at(['date']),
          `印发日期 ${data.date} 不在 ${data.year} 年内（${name}）`,
          { hint: '核对印发日期和年度' },
        ),
      );
    }
    const sameYear = previous && previous.data.year === data.year;
    if (previous && sameYear && previous.data.number === data.number) {
      out.push(
        diagnostic(
          'issue/number-duplicate',
          file,
          positions.at(['number']),
          `${series.name} ${name} 重复：${previous.file} 也是这一期`,
          { hint: '改正其中一个的期号，或用 jianbao new issue 生成下一期' },
        ),
      );
    } else if (previous && sameYear && data.number !== previous.data.number + 1) {
      const missing = data.number - previous.data.number - 1;
      out.push(
        diagnostic(
          'issue/number-gap',
          file,
          positions.at(['number']),
          `${series.name} ${data.year}年${nth}${previous.data.number}期之后是${nth}${data.number}期，缺少${missing === 1 ? `${nth}${previous.data.number + 1}期` : `${nth}${previous.data.number + 1}至${data.number - 1}期`}`,
          {
            hint: '期号应连续：改正期号，或补上缺少的期刊',
          },
        ),
      );
    } else if (!sameYear) {
      const since = supplement ? undefined : series.since;
      const expected = since && since.year === data.year ? since.number : 1;
      if (since && data.year < since.year) {
        out.push(
          diagnostic(
            'issue/number-start',
            file,
            positions.at(['year']),
            `${name}早于刊物的期号起点 ${issueName(since.year, since.number)}`,
            { hint: '核对年度，或修改 jianbao.yaml 中的期号起点（since）' },
          ),
        );
      } else if (data.number !== expected) {
        out.push(
          diagnostic(
            'issue/number-start',
            file,
            positions.at(['number']),
            `${series.name} ${data.year}年的第一期${supplement ? '增刊' : ''}应为${nth}${expected}期，这里是${nth}${data.number}期`,
            {
              hint:
                since && since.year === data.year
                  ? '期号起点见 jianbao.yaml 的 since'
                  : '每年的期号从第1期开始；若续接旧编号，在 jianbao.yaml 中设置 since',
            },
          ),
        );
      }
    }
    if (supplement && data.total !== undefined) {
      out.push(
        diagnostic(
          'issue/supplement-total',
          file,
          positions.at(['total']),
          `${series.name} ${name}写了总期号${data.total}，增刊不计入总期号`,
          {
            hint: '删去这一行 总期号：增刊有自己的编号（增刊第1期、第2期……），正刊的总期号不受影响',
          },
        ),
      );
    }
    if (previous && !(sameYear && previous.data.number === data.number)) {
      // Supplements carry no total (reported above): only the regular issues' totals run on.
      const prevTotal = supplement ? undefined : previous.data.total;
      if (prevTotal !== undefined && data.total === undefined) {
        out.push(
          diagnostic('issue/total-sequence', file, positions.at([]), `${name}缺少总期号，上一期是总第${prevTotal}期`, {
            hint: `加一行 总期号: ${prevTotal + 1}`,
          }),
        );
      } else if (prevTotal !== undefined && data.total !== undefined && data.total !== prevTotal + 1) {
        out.push(
          diagnostic(
            'issue/total-sequence',
            file,
            positions.at(['total']),
            `总期号应为${prevTotal + 1}（上一期 ${issueName(previous.data.year, previous.data.number, previous.data.kind === 'supplement')} 是总第${prevTotal}期），这里是${data.total}`,
            { hint: `改为 总期号: ${prevTotal + 1}` },
          ),
        );
      }
      if (data.date < previous.data.date) {
        out.push(
          diagnostic(
            'issue/date-order',
            file,
            positions.at(['date']),
            `${name}的印发日期 ${data.date} 早于上一期 ${issueName(previous.data.year, previous.data.number, previous.data.kind === 'supplement')} 的 ${previous.data.date}`,
            { hint: '期号越大，印发日期应越晚：核对日期或期号' },
          ),
        );
      }
    }
    previous = issue;
  }
  return out;
}
