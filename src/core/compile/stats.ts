/** 信息采用情况: entries that appeared in issues, counted per unit per period. */
import type { Registry } from '../registry.ts';
import { unitOrder } from '../registry.ts';
import type { ArchivedEntry } from './site.ts';

export type StatsPeriod = 'month' | 'year';

export interface StatsRow {
  unitId: string | undefined;
  unitName: string;
  /** Count per period key (`2024-08` or `2024`). */
  counts: Record<string, number>;
  total: number;
}

export interface Stats {
  period: StatsPeriod;
  /** Period keys in ascending order. */
  periods: string[];
  /** Units in units.yaml order, only those with at least one entry. */
  rows: StatsRow[];
  /** Sum per period over all units. */
  totals: Record<string, number>;
  total: number;
}

export function computeStats(items: ArchivedEntry[], registry: Registry, period: StatsPeriod = 'month'): Stats {
  const keyOf = (date: string) => (period === 'month' ? date.slice(0, 7) : date.slice(0, 4));
  const rows = new Map<string, StatsRow>();
  const periods = new Set<string>();
  const totals: Record<string, number> = {};
  for (const { entry, issue } of items) {
    // An entry counts in the period of the issue that adopted it.
    const key = keyOf(issue.date);
    periods.add(key);
    const rowKey = entry.unit?.id ?? `?${entry.unitName}`;
    const row = rows.get(rowKey) ?? { unitId: entry.unit?.id, unitName: entry.unitName, counts: {}, total: 0 };
    row.counts[key] = (row.counts[key] ?? 0) + 1;
    row.total++;
    rows.set(rowKey, row);
    totals[key] = (totals[key] ?? 0) + 1;
  }
  const sorted = [...rows.values()].sort(
    (a, b) => unitOrder(registry, a.unitId ? registry.unitById.get(a.unitId) : undefined) - unitOrder(registry, b.unitId ? registry.unitById.get(b.unitId) : undefined) || a.unitName.localeCompare(b.unitName, 'zh'),
  );
  return { period, periods: [...periods].sort(), rows: sorted, totals, total: items.length };
}
