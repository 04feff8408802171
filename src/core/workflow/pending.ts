/**
 * Pending entries (待编稿件): ready, in no issue yet. The order an issue
 * lists them in: the series' section order, then the unit order of
 * units.yaml, then date, then the entry's own 排序, then its id.
 */
import type { EntryRecord, LoadedContent } from '../load/content.ts';
import { entrySeries, unitOrder, type Registry } from '../registry.ts';
import type { Series } from '../schema/site.ts';

/** Ids of entries that some issue already lists. */
function placedEntryIds(content: Pick<LoadedContent, 'issues'>): Set<string> {
  return new Set(content.issues.flatMap((issue) => issue.data.entries.map((id) => id.normalize('NFC'))));
}

/** Compare two entries of one series for their place in an issue. */
function issueOrder(series: Series, registry: Registry): (a: EntryRecord, b: EntryRecord) => number {
  const sectionIndex = (entry: EntryRecord) => {
    const index = series.sections.indexOf(entry.data.section);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const unitIndex = (entry: EntryRecord) => unitOrder(registry, registry.unitBySpelling.get(entry.data.unit[0]!));
  return (a, b) =>
    sectionIndex(a) - sectionIndex(b) ||
    unitIndex(a) - unitIndex(b) ||
    a.data.date.localeCompare(b.data.date) ||
    (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface PendingEntries {
  /** Ready, unplaced entries of the series dated on or before the date, in issue order. */
  due: EntryRecord[];
  /** Ready, unplaced entries of the series dated after the date: they wait for a later issue. */
  later: EntryRecord[];
}

/**
 * The pending entries of a series as of `date` (ISO). Entries whose section
 * the series does not print are left out: `check` reports them as errors.
 */
export function pendingEntries(
  content: Pick<LoadedContent, 'entries' | 'issues'>,
  registry: Registry,
  series: Series,
  date: string,
): PendingEntries {
  const placed = placedEntryIds(content);
  const candidates = content.entries.filter(
    (entry) =>
      entry.data.status === 'ready' &&
      !placed.has(entry.id) &&
      entrySeries(registry, entry) === series &&
      series.sections.includes(entry.data.section),
  );
  const order = issueOrder(series, registry);
  return {
    due: candidates.filter((entry) => entry.data.date <= date).sort(order),
    later: candidates.filter((entry) => entry.data.date > date).sort(order),
  };
}
