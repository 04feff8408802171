/**
 * Lookups over the settings: units by id/name/alias (and by the names they
 * had before a rename, resolved by date), leaders by name and their title on
 * a date, series by id. Built once per load.
 */
import { issueSlug } from './format.ts';
import type { LoadedContent, EntryRecord, IssueRecord } from './load/content.ts';
import type { Person } from './schema/people.ts';
import type { Series } from './schema/site.ts';
import type { Unit } from './schema/units.ts';

/** One name of a unit and the days it was used (inclusive; open ends undefined). */
export interface UnitNameSpan {
  name: string;
  aliases: readonly string[];
  from: string | undefined;
  to: string | undefined;
}

export interface Registry {
  units: Unit[];
  /** Every spelling (id, name, alias, former name and its aliases) → unit. */
  unitBySpelling: Map<string, Unit>;
  /** Every spelling → the name span it belongs to (index into `unitNameSpans(unit)`; undefined for the id). */
  unitSpanBySpelling: Map<string, number | undefined>;
  unitById: Map<string, Unit>;
  people: Person[];
  personByName: Map<string, Person>;
  series: Series[];
  seriesById: Map<string, Series>;
  /** Group names of recipients.yaml. */
  groupNames: Set<string>;
  /** Other listed recipients. */
  recipientNames: Set<string>;
  /** units.yaml is there but unreadable or invalid (its errors are reported): entries' units go unchecked. */
  unitsUnreadable: boolean;
  /** The same for people.yaml and the entries' leaders. */
  peopleUnreadable: boolean;
}

export function buildRegistry(
  content: Pick<LoadedContent, 'units' | 'people' | 'site' | 'recipients' | 'unreadableSettings'>,
): Registry {
  const unitBySpelling = new Map<string, Unit>();
  const unitById = new Map<string, Unit>();
  const unitSpanBySpelling = new Map<string, number | undefined>();
  for (const unit of content.units) {
    unitById.set(unit.id, unit);
    const spans = unitNameSpans(unit);
    // The current name and its aliases first: a spelling shared by an old and a new name means the new one.
    const spellings: [string, number | undefined][] = [[unit.id, undefined]];
    for (let index = spans.length - 1; index >= 0; index--)
      for (const spelling of [spans[index]!.name, ...spans[index]!.aliases]) spellings.push([spelling, index]);
    for (const [spelling, span] of spellings) {
      if (unitBySpelling.has(spelling)) continue;
      unitBySpelling.set(spelling, unit);
      unitSpanBySpelling.set(spelling, span);
    }
  }
  const personByName = new Map<string, Person>();
  for (const person of content.people) personByName.set(normaliseName(person.name), person);
  const series = content.site?.series ?? [];
  return {
    units: content.units,
    unitBySpelling,
    unitSpanBySpelling,
    unitById,
    people: content.people,
    personByName,
    series,
    seriesById: new Map(series.map((item) => [item.id, item])),
    groupNames: new Set(Object.keys(content.recipients.groups)),
    recipientNames: new Set(content.recipients.names),
    unitsUnreadable: content.unreadableSettings?.includes('units') ?? false,
    peopleUnreadable: content.unreadableSettings?.includes('people') ?? false,
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

/** The ISO date `days` days after (or, negative, before) an ISO date. */
function shiftDay(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A unit's names, oldest first, each with the days it was used: the former
 * names up to their 止, then the current name from the day after the last
 * 止 up to the day before 撤销. The first starts at 成立.
 */
export function unitNameSpans(unit: Unit): UnitNameSpan[] {
  const former = [...unit.formerNames].sort((a, b) => a.to.localeCompare(b.to));
  const spans: UnitNameSpan[] = [];
  let from = unit.established;
  for (const item of former) {
    spans.push({ name: item.name, aliases: item.aliases, from, to: item.to });
    from = shiftDay(item.to, 1);
  }
  spans.push({
    name: unit.name,
    aliases: unit.aliases,
    from,
    to: unit.abolished ? shiftDay(unit.abolished, -1) : undefined,
  });
  return spans;
}

/** The span of a unit's names in use on an ISO date: the first one before the unit existed, the last after it was abolished. */
function spanOn(spans: UnitNameSpan[], date: string): number {
  const index = spans.findIndex((span) => !span.to || date <= span.to);
  return index === -1 ? spans.length - 1 : index;
}

/** The name a unit had on an ISO date (its first name before it existed, its last after it was abolished). */
export function unitNameOn(unit: Unit, date: string): string {
  const spans = unitNameSpans(unit);
  return spans[spanOn(spans, date)]!.name;
}

/** The names a unit had before its current one, oldest first. */
export function formerUnitNames(unit: Unit): string[] {
  return unitNameSpans(unit)
    .slice(0, -1)
    .map((span) => span.name);
}

/** Whether a unit exists on an ISO date (established, not yet abolished). */
export function unitExistsOn(unit: Unit, date: string): boolean {
  return (!unit.established || unit.established <= date) && (!unit.abolished || date < unit.abolished);
}

/** Why a spelling cannot name its unit on a date. */
export type UnitProblem =
  /** The spelling is a name the unit stopped using: since `since` it is called `name`. */
  | { kind: 'renamed'; since: string; name: string }
  /** The unit did not exist yet. */
  | { kind: 'not-established'; established: string }
  /** The unit was abolished on `abolished` (merged into `successor`, when it was). */
  | { kind: 'abolished'; abolished: string; successor: Unit | undefined };

export interface UnitResolution {
  unit: Unit;
  /** The unit's name on the date (what is printed). */
  name: string;
  problem?: UnitProblem;
}

/**
 * A unit as an entry dated `date` names it (id, a name of any time, or an
 * alias): the unit, its name on that date, and what is wrong when the
 * spelling is a name it no longer had, or the unit did not exist. An old
 * entry may name the unit by its new name: it prints the old one.
 * Undefined when no unit is spelt so.
 */
export function resolveUnit(registry: Registry, spelling: string, date: string): UnitResolution | undefined {
  const unit = registry.unitBySpelling.get(spelling);
  if (!unit) return undefined;
  const spans = unitNameSpans(unit);
  const now = spanOn(spans, date);
  const name = spans[now]!.name;
  if (unit.established && date < unit.established)
    return { unit, name, problem: { kind: 'not-established', established: unit.established } };
  if (unit.abolished && date >= unit.abolished) {
    return {
      unit,
      name,
      problem: {
        kind: 'abolished',
        abolished: unit.abolished,
        successor: unit.mergedInto === undefined ? undefined : registry.unitBySpelling.get(unit.mergedInto),
      },
    };
  }
  const written = registry.unitSpanBySpelling.get(spelling);
  if (written !== undefined && written < now)
    return { unit, name, problem: { kind: 'renamed', since: spans[now]!.from!, name } };
  return { unit, name };
}

/** The spellings that name a unit without a problem on an ISO date (for suggestions). */
export function unitSpellingsOn(registry: Registry, date: string): string[] {
  return [...registry.unitBySpelling.keys()].filter((spelling) => !resolveUnit(registry, spelling, date)?.problem);
}

/** An entry's units as shown in lists: each by its name on the date (as written when unknown), joined with 、. */
export function unitNamesOn(registry: Registry, written: readonly string[], date: string): string {
  const names: string[] = [];
  for (const spelling of written) {
    const unit = registry.unitBySpelling.get(spelling);
    const name = unit ? unitNameOn(unit, date) : spelling;
    if (!names.includes(name)) names.push(name);
  }
  return names.join('、');
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
export function issueKey(
  series: Series | undefined,
  year: number,
  number: number,
  withSeries: boolean,
  supplement = false,
): string {
  const slug = issueSlug(number, supplement, 'ref');
  return withSeries && series ? `${series.id}/${year}-${slug}` : `${year}-${slug}`;
}
