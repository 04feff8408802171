/**
 * Lookups over the settings: units by id/name/alias, leaders by name and
 * their title on a date, series by id. Built once per load.
 */
import { issueSlug } from './format.ts';
import type { LoadedContent, EntryRecord, IssueRecord } from './load/content.ts';
import type { Person } from './schema/people.ts';
import type { Series } from './schema/site.ts';
import type { Unit } from './schema/units.ts';

export interface Registry {
  units: Unit[];
  /** Every spelling (id, name, alias) → unit. */
  unitBySpelling: Map<string, Unit>;
  unitById: Map<string, Unit>;
  people: Person[];
  personByName: Map<string, Person>;
  series: Series[];
  seriesById: Map<string, Series>;
  /** Group names of recipients.yaml. */
  groupNames: Set<string>;
  /** Other listed recipients. */
  recipientNames: Set<string>;
}

export function buildRegistry(content: Pick<LoadedContent, 'units' | 'people' | 'site' | 'recipients'>): Registry {
  const unitBySpelling = new Map<string, Unit>();
  const unitById = new Map<string, Unit>();
  for (const unit of content.units) {
    unitById.set(unit.id, unit);
    for (const spelling of [unit.id, unit.name, ...unit.aliases]) {
      if (!unitBySpelling.has(spelling)) unitBySpelling.set(spelling, unit);
    }
  }
  const personByName = new Map<string, Person>();
  for (const person of content.people) personByName.set(normaliseName(person.name), person);
  const series = content.site?.series ?? [];
  return {
    units: content.units,
    unitBySpelling,
    unitById,
    people: content.people,
    personByName,
    series,
    seriesById: new Map(series.map((item) => [item.id, item])),
    groupNames: new Set(Object.keys(content.recipients.groups)),
    recipientNames: new Set(content.recipients.names),
  };
}

/** Names are compared without the padding spaces used in lists (李　健 = 李健). */
function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]/g, '');
}

export function findPerson(registry: Registry, name: string): Person | undefined {
  return registry.personByName.get(normaliseName(name));
}

/** The title a leader held on an ISO date, or undefined. */
export function titleOn(person: Person, date: string): string | undefined {
  for (const span of person.titles) {
    if ((!span.from || span.from <= date) && (!span.to || date <= span.to)) return span.title;
  }
  return undefined;
}

/** Unit sort key: explicit order first, then file order. */
export function unitOrder(registry: Registry, unit: Unit | undefined): number {
  if (!unit) return Number.MAX_SAFE_INTEGER;
  return unit.order ?? 10_000 + registry.units.indexOf(unit);
}

/** The series an entry belongs to: its own, or the only one. */
export function entrySeries(registry: Registry, entry: EntryRecord): Series | undefined {
  if (entry.data.series) return registry.seriesById.get(entry.data.series);
  return registry.series.length === 1 ? registry.series[0] : undefined;
}

/** The series an issue belongs to: its own, the only one, or the folder it sits in (issues/<series>/…). */
export function issueSeries(registry: Registry, issue: IssueRecord): Series | undefined {
  if (issue.data.series) return registry.seriesById.get(issue.data.series);
  if (registry.series.length === 1) return registry.series[0];
  return undefined;
}

/** `2023-6` or `zhuanbao/2023-6` (a supplement: `2023-增刊1`). */
export function issueKey(series: Series | undefined, year: number, number: number, withSeries: boolean, supplement = false): string {
  const slug = issueSlug(number, supplement, 'ref');
  return withSeries && series ? `${series.id}/${year}-${slug}` : `${year}-${slug}`;
}
