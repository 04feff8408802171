/**
 * The history of a published issue, from its archived versions: when it was
 * first printed, and for every re-publish after an erratum the day, the
 * errata it added and what it changed against the version before
 * (diff.ts's words). The issue page shows it ("第一次印发 / 勘误后").
 */
import { chineseDate } from '../format.ts';
import type { CompiledIssue, Publication } from '../model/issue.ts';
import { describeChanges } from './diff.ts';
import type { Snapshot } from './records.ts';

/** Versions oldest first, as the archive read them back. */
export function publicationHistory(versions: readonly Snapshot[]): Publication[] {
  return versions.map((snapshot, index) => {
    const previous = versions[index - 1]?.issue;
    const { issue } = snapshot;
    if (!previous) {
      // The first printing is dated as printed: its 印发日期 (an issue archived later was still printed that day).
      return {
        version: snapshot.version,
        label: '第一次印发',
        date: issue.date,
        dateText: issue.dateText,
        errata: issue.errata,
        changes: [],
      };
    }
    const withoutErrata = (value: CompiledIssue): CompiledIssue => ({ ...value, errata: [] });
    return {
      version: snapshot.version,
      label: `勘误后（第${snapshot.version}版）`,
      date: snapshot.publishedOn,
      dateText: chineseDate(snapshot.publishedOn),
      errata: issue.errata.slice(previous.errata.length),
      // Recorded at publish, told by the inputs (compare.ts); older records: the two records compared.
      changes:
        snapshot.changes ?? describeChanges(withoutErrata(previous), withoutErrata(issue)).map((change) => change.what),
    };
  });
}
