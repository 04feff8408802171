/**
 * 上一期 / 下一期: each issue's neighbours in its series. Computed here once,
 * for the issue page and for the build's render cache (a page shows its
 * neighbours, so they are part of what it is rendered from).
 */
import type { CompiledIssue } from '../core/index.ts';

export interface IssueNeighbours {
  /** The next issue of the same series, if any. */
  newer: CompiledIssue | undefined;
  /** The previous issue of the same series, if any. */
  older: CompiledIssue | undefined;
}

/** Neighbours of every issue; `issues` newest first, as the compiled site lists them. */
export function issueNeighbours(issues: readonly CompiledIssue[]): Map<CompiledIssue, IssueNeighbours> {
  const neighbours = new Map<CompiledIssue, IssueNeighbours>(
    issues.map((issue) => [issue, { newer: undefined, older: undefined }]),
  );
  const previous = new Map<string, CompiledIssue>();
  for (const issue of issues) {
    const before = previous.get(issue.series.id);
    if (before) {
      neighbours.get(issue)!.newer = before;
      neighbours.get(before)!.older = issue;
    }
    previous.set(issue.series.id, issue);
  }
  return neighbours;
}
