/**
 * The ISSUE argument of `publish` (and of other commands that take one):
 * `2023-6`, `zhuanbao/2023-6`, or the issue file's path.
 */
import { didYouMean } from '../diagnostics.ts';
import { issueName } from '../format.ts';
import type { IssueRecord, LoadedContent } from '../load/content.ts';
import { issueKey, issueSeries, type Registry } from '../registry.ts';
import { WorkflowError } from './errors.ts';

export interface IssueRef {
  series: string | undefined;
  year: number;
  number: number;
  /** `2023-增刊1` (or `2023-zk1`, as in the supplement's path) names a supplement. */
  supplement: boolean;
}

const REF = /^(?:([a-z0-9][a-z0-9-]*)\/)?(\d{4})[-/](增刊|zk)?0*(\d{1,4})$/;

/** `zhuanbao/2023-6` → { series: 'zhuanbao', year: 2023, number: 6 }; undefined when malformed. */
export function parseIssueRef(text: string): IssueRef | undefined {
  const match = REF.exec(text.trim());
  if (!match) return undefined;
  return { series: match[1], year: Number(match[2]), number: Number(match[4]), supplement: match[3] !== undefined };
}

/** How the CLI names an issue: `2023-6`, or `zhuanbao/2023-6` when there are several series; `2023-增刊1` for a supplement. */
export function issueRefOf(issue: IssueRecord, registry: Registry): string {
  return issueKey(
    issueSeries(registry, issue),
    issue.data.year,
    issue.data.number,
    registry.series.length > 1,
    issue.data.kind === 'supplement',
  );
}

/**
 * Find the issue an ISSUE argument names. `text` may also be the issue
 * file's path relative to the content directory (`issues/2023-06.md`).
 * Throws a usage WorkflowError when it names none or several.
 */
export function findIssue(content: Pick<LoadedContent, 'issues'>, registry: Registry, text: string): IssueRecord {
  // Oldest first, so that the last ones are the latest.
  const byDate = [...content.issues].sort(
    (a, b) => a.data.date.localeCompare(b.data.date) || a.data.year - b.data.year || a.data.number - b.data.number,
  );
  const known = byDate.map((issue) => issueRefOf(issue, registry));
  if (/\.md$/i.test(text)) {
    const path = text.replace(/\\/g, '/').replace(/^\.\//, '').normalize('NFC');
    const found = content.issues.find((issue) => issue.file === path);
    if (found) return found;
    throw new WorkflowError(`内容目录中没有期刊文件 ${text}`, { usage: true, hint: listHint(known) });
  }
  const ref = parseIssueRef(text);
  if (!ref) {
    throw new WorkflowError(`「${text}」不是期刊的写法`, {
      usage: true,
      hint: `写作 年-期号，如 2023-6（增刊写作 2023-增刊1）；有多个刊物时写作 刊物/年-期号，如 ${registry.series[0]?.id ?? 'zhuanbao'}/2023-6`,
    });
  }
  if (ref.series !== undefined && !registry.seriesById.has(ref.series)) {
    const suggestion = didYouMean(ref.series, registry.seriesById.keys());
    throw new WorkflowError(`刊物「${ref.series}」未在 jianbao.yaml 中定义`, {
      usage: true,
      hint: suggestion ? `是不是「${suggestion}」？` : `可用的刊物：${[...registry.seriesById.keys()].join('、')}`,
    });
  }
  const seriesIndex = (issue: IssueRecord) => registry.series.indexOf(issueSeries(registry, issue)!);
  const matches = content.issues
    .filter((issue) => {
      const series = issueSeries(registry, issue);
      return (
        issue.data.year === ref.year &&
        issue.data.number === ref.number &&
        (issue.data.kind === 'supplement') === ref.supplement &&
        (ref.series === undefined || series?.id === ref.series)
      );
    })
    .sort((a, b) => seriesIndex(a) - seriesIndex(b));
  if (matches.length === 1) return matches[0]!;
  const name = issueName(ref.year, ref.number, ref.supplement);
  if (matches.length > 1) {
    const refs = matches.map((issue) => issueRefOf(issue, registry));
    throw new WorkflowError(`有多期是${name}：${matches.map((issue) => issue.file).join('、')}`, {
      usage: true,
      hint: `写明刊物，如 ${refs.join(' 或 ')}`,
    });
  }
  // The clerk most likely meant the latest issue (of the series named, if any), not whichever ref is spelt alike.
  const inSeries = byDate.filter(
    (issue) => ref.series === undefined || issueSeries(registry, issue)?.id === ref.series,
  );
  const latest = inSeries.at(-1);
  throw new WorkflowError(`找不到${ref.series ? `刊物「${ref.series}」的` : ''}${name}`, {
    usage: true,
    hint: latest
      ? `最新一期是 ${issueRefOf(latest, registry)}（${issueName(latest.data.year, latest.data.number)}，${latest.file}）；${listHint(known)}`
      : listHint(known),
  });
}

function listHint(known: string[]): string {
  if (known.length === 0) return '内容目录中还没有期刊：先用 jianbao new issue 生成一期';
  const latest = known.slice(-8);
  return `已有的期刊：${latest.join('、')}${known.length > latest.length ? ' 等' : ''}`;
}
