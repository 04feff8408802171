/**
 * 信息采用情况: entries adopted in issues, counted per unit (or per section,
 * or per month) per period. An entry counts in the period of the issue that
 * adopted it. The statistics page (`compileSite().stats`) and `jianbao
 * stats` both come from here, so they always show the same numbers.
 *
 * By unit, a row is a unit (its id): under the name it has now, with the
 * names the counted entries used before a rename (区应急管理局（原区安全生产
 * 监督管理局）). A joint submission counts for each of its units; the
 * columns' totals count entries, and `notes` says so.
 */
import type { Registry } from '../registry.ts';
import { unitOrder } from '../registry.ts';
import { SECTIONS, type SectionId } from '../schema/sections.ts';
import type { ArchivedEntry } from './site.ts';

/** What a row counts: a unit, a section, or a month (total per month). */
export type StatsBy = 'unit' | 'section' | 'month';
/** What a column counts: a month (`2024-08`) or a year (`2024`). */
export type StatsPeriod = 'month' | 'year';

export interface StatsOptions {
  /** Rows; default `unit`. */
  by?: StatsBy;
  /** Columns; default `month`. Ignored when `by` is `month` (rows are months, no columns). */
  period?: StatsPeriod;
  /** Only issues dated in this year. */
  year?: number;
  /** Also list units (or sections) with no adopted entry, as rows of zeros. */
  includeEmpty?: boolean;
}

/** The little the statistics need of an adopted entry; `ArchivedEntry` has it. */
export interface StatsItem {
  entry: {
    /** The (reporting) unit; `name` is its name on the entry's date. */
    unit?: { id: string; name?: string } | undefined;
    /** A joint submission's units, the reporting unit first (CompiledEntry.units). */
    units?: readonly { id?: string | undefined; name: string }[] | undefined;
    unitName: string;
    section: SectionId;
  };
  issue: { date: string };
}

export interface StatsRow {
  /** Unit id, section id or month (`2024-08`); `?name` for a unit not in units.yaml. */
  key: string;
  /** What the row is called: 区应急管理局, 工作动态, 2024年8月. */
  label: string;
  /** The unit's id (rows by unit only). */
  unitId: string | undefined;
  /** Same as `label` (kept for the statistics page, which lists units). */
  unitName: string;
  /** Count per column key; a column missing here counts 0. */
  counts: Record<string, number>;
  total: number;
}

export interface Stats {
  by: StatsBy;
  period: StatsPeriod;
  year: number | undefined;
  /** Column keys in ascending order, without gaps between the first and the last; empty when `by` is `month`. */
  periods: string[];
  /** Column key → Chinese label: `2024-08` → 2024年8月 (8月 with a year filter), `2024` → 2024年. */
  periodLabels: Record<string, string>;
  /** Units in units.yaml order, sections in their order, months ascending. */
  rows: StatsRow[];
  /** Sum per column over all rows. */
  totals: Record<string, number>;
  /** Number of adopted entries counted. */
  total: number;
  /** What to say under the table (in Chinese): how joint submissions are counted, when there are any. */
  notes: string[];
}

/** The note under a table by unit that counts joint submissions. */
export const JOINT_NOTE = '联合报送的稿件计入每个报送单位，各单位篇数相加可能大于合计。';

/** `2024-08` → 2024年8月 (8月 when the year is given); `2024` → 2024年. */
export function periodLabel(key: string, withinYear = false): string {
  const [year, month] = key.split('-');
  if (!month) return `${year}年`;
  return withinYear ? `${Number(month)}月` : `${year}年${Number(month)}月`;
}

/** Every period key from `first` to `last`, inclusive. */
function periodRange(first: string, last: string, period: StatsPeriod): string[] {
  const out: string[] = [];
  if (period === 'year') {
    for (let year = Number(first); year <= Number(last); year++) out.push(String(year));
    return out;
  }
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

const keyOf = (date: string, period: StatsPeriod) => (period === 'month' ? date.slice(0, 7) : date.slice(0, 4));

/** Count adopted entries; see StatsOptions. `computeStats(items, registry)` gives units × months. */
export function computeStats(items: readonly StatsItem[], registry: Registry, options: StatsOptions = {}): Stats {
  const by = options.by ?? 'unit';
  const period = options.period ?? 'month';
  const year = options.year;
  const counted = year === undefined ? items : items.filter((item) => item.issue.date.startsWith(`${year}-`));
  const rows = new Map<string, StatsRow>();
  const addRow = (key: string, label: string, unitId?: string) => {
    let row = rows.get(key);
    if (!row) {
      row = { key, label, unitId, unitName: label, counts: {}, total: 0 };
      rows.set(key, row);
    }
    return row;
  };
  const totals: Record<string, number> = {};
  const seen: string[] = [];
  /** Former names the counted entries used, by row key. */
  const formerNames = new Map<string, string[]>();
  let joint = false;
  const unitRow = (unit: { id?: string | undefined; name: string }) => {
    const current = unit.id === undefined ? undefined : registry.unitById.get(unit.id)?.name;
    const row = addRow(unit.id ?? `?${unit.name}`, current ?? unit.name, unit.id);
    if (current !== undefined && unit.name !== current) {
      const names = formerNames.get(row.key) ?? [];
      if (!names.includes(unit.name)) formerNames.set(row.key, [...names, unit.name]);
    }
    return row;
  };
  for (const { entry, issue } of counted) {
    let rowsOfEntry: StatsRow[];
    if (by === 'unit') {
      const units = entry.units ?? [
        entry.unit ? { id: entry.unit.id, name: entry.unit.name ?? entry.unitName } : { name: entry.unitName },
      ];
      joint ||= units.length > 1;
      rowsOfEntry = [...new Set(units.map(unitRow))];
    } else if (by === 'section')
      rowsOfEntry = [
        addRow(entry.section, SECTIONS.find((section) => section.id === entry.section)?.name ?? entry.section),
      ];
    else
      rowsOfEntry = [addRow(keyOf(issue.date, 'month'), periodLabel(keyOf(issue.date, 'month'), year !== undefined))];
    for (const row of rowsOfEntry) row.total++;
    if (by === 'month') continue;
    const key = keyOf(issue.date, period);
    seen.push(key);
    for (const row of rowsOfEntry) row.counts[key] = (row.counts[key] ?? 0) + 1;
    totals[key] = (totals[key] ?? 0) + 1;
  }
  for (const [key, names] of formerNames) {
    const row = rows.get(key)!;
    row.label = row.unitName = `${row.label}（原${names.join('、')}）`;
  }
  if (options.includeEmpty && by === 'unit') for (const unit of registry.units) addRow(unit.id, unit.name, unit.id);
  if (options.includeEmpty && by === 'section') for (const section of SECTIONS) addRow(section.id, section.name);
  seen.sort();
  const periods = seen.length ? periodRange(seen[0]!, seen.at(-1)!, period) : [];
  let sorted = [...rows.values()];
  if (by === 'unit') {
    const order = (row: StatsRow) => unitOrder(registry, row.unitId ? registry.unitById.get(row.unitId) : undefined);
    sorted.sort((a, b) => order(a) - order(b) || a.label.localeCompare(b.label, 'zh'));
  } else if (by === 'section') {
    const order = (row: StatsRow) => SECTIONS.findIndex((section) => section.id === row.key);
    sorted.sort((a, b) => order(a) - order(b));
  } else {
    const months = sorted.map((row) => row.key).sort();
    const range = months.length ? periodRange(months[0]!, months.at(-1)!, 'month') : [];
    sorted = range.map((key) => {
      const label = periodLabel(key, year !== undefined);
      return rows.get(key) ?? { key, label, unitId: undefined, unitName: label, counts: {}, total: 0 };
    });
  }
  return {
    by,
    period,
    year,
    periods,
    periodLabels: Object.fromEntries(periods.map((key) => [key, periodLabel(key, year !== undefined)])),
    rows: sorted,
    totals,
    total: counted.length,
    notes: joint ? [JOINT_NOTE] : [],
  };
}

/** The entries the issues adopted, as the statistics count them. */
export function adoptedEntries(
  issues: readonly { date: string; entries: readonly ArchivedEntry['entry'][] }[],
): StatsItem[] {
  return issues.flatMap((issue) => issue.entries.map((entry) => ({ entry, issue: { date: issue.date } })));
}
