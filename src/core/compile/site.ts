/**
 * The whole site compiled: every issue, newest first, with the archives by
 * section and by unit and the statistics the pages show.
 */
import type { LoadedContent } from '../load/content.ts';
import { formerUnitNames, type Registry } from '../registry.ts';
import { SECTIONS, type SectionId } from '../schema/sections.ts';
import type { Unit } from '../schema/units.ts';
import { entriesById } from '../validate/index.ts';
import type { CompiledEntry, CompiledIssue } from '../model/issue.ts';
import { archiveKey } from '../archive/compare.ts';
import { publicationHistory } from '../archive/history.ts';
import { compileIssue, type CompileEntryOptions } from './issue.ts';
import { computeStats, type Stats } from './stats.ts';
import { computeStatsByYear, type StatsByYear } from './year-stats.ts';

/** An entry as listed in an archive: with the issue it appeared in. */
export interface ArchivedEntry {
  entry: CompiledEntry;
  issue: Pick<CompiledIssue, 'key' | 'ref' | 'numbering' | 'dateText' | 'date' | 'series'>;
}

/** One year of one series in the archive: its issues, highest number first. */
export interface ArchiveYear {
  year: number;
  issues: CompiledIssue[];
}

export interface CompiledSite {
  title: string;
  /** Sub-path, always starting and ending with `/`. */
  base: string;
  series: { id: string; name: string; layout: string; publisher: string }[];
  /** Newest first. */
  issues: CompiledIssue[];
  /** Per series (in jianbao.yaml order): years, newest first. */
  archive: { series: { id: string; name: string }; years: ArchiveYear[] }[];
  sections: { id: SectionId; name: string; entries: ArchivedEntry[] }[];
  /** Units with adopted entries (a joint submission under each of its units), by their current name, with the names they had before. */
  units: { unit: Pick<Unit, 'id' | 'name' | 'kind'>; formerNames: string[]; entries: ArchivedEntry[] }[];
  stats: Stats;
  /** The statistics pages: units × years, and each year's (published issues only, as `stats`). */
  statsByYear: StatsByYear;
  /**
   * The files the build writes next to each issue page for download (set by
   * the build: `--pdf`, `--docx`); the issue page links them.
   */
  downloads?: { pdf: boolean; docx: boolean };
}

/** `compileBody`: compiles entry Markdown; default the core's (the build passes its cache of compiled bodies). */
export type CompileOptions = CompileEntryOptions & {
  /**
   * Include draft issues (default). `false`, as `jianbao build` without
   * `--drafts`: draft issues, and so the entries only they contain, are left
   * out of the issues, archives, feed, search and statistics.
   */
  drafts?: boolean;
};

export function compileSite(content: LoadedContent, registry: Registry, options: CompileOptions = {}): CompiledSite {
  const byId = entriesById(content.entries);
  const issues = content.issues
    .filter((issue) => options.drafts !== false || issue.data.status !== 'draft')
    .map((issue) => archivedIssue(issue, content, registry) ?? compileIssue(issue, content, registry, byId, options))
    .filter((issue): issue is CompiledIssue => issue !== undefined)
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        a.series.id.localeCompare(b.series.id) ||
        b.year - a.year ||
        b.number - a.number,
    );
  const archived: ArchivedEntry[] = issues.flatMap((issue) =>
    issue.entries.map((entry) => ({
      entry,
      issue: {
        key: issue.key,
        ref: issue.ref,
        numbering: issue.numbering,
        dateText: issue.dateText,
        date: issue.date,
        series: issue.series,
      },
    })),
  );
  const publishedKeys = new Set(issues.filter((issue) => issue.status !== 'draft').map((issue) => issue.key));
  // Group once (archives reach tens of thousands of entries): no filter per section or unit.
  const bySection = groupBy(archived, (item) => item.entry.section);
  const byUnit = new Map<string, ArchivedEntry[]>();
  for (const item of archived) {
    for (const id of new Set((item.entry.units ?? [item.entry.unit]).map((unit) => unit?.id))) {
      if (id === undefined) continue;
      const group = byUnit.get(id);
      if (group) group.push(item);
      else byUnit.set(id, [item]);
    }
  }
  const sections = SECTIONS.map((section) => ({
    id: section.id,
    name: section.name,
    entries: bySection.get(section.id) ?? [],
  })).filter((section) => section.entries.length > 0);
  const units = [...registry.units]
    .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER))
    .map((unit) => ({
      unit: { id: unit.id, name: unit.name, kind: unit.kind },
      formerNames: formerUnitNames(unit),
      entries: byUnit.get(unit.id) ?? [],
    }))
    .filter((item) => item.entries.length > 0);
  const issuesBySeries = groupBy(issues, (issue) => issue.series.id);
  const archive = registry.series
    .map((series) => {
      const byYear = groupBy(issuesBySeries.get(series.id) ?? [], (issue) => issue.year);
      const years = [...byYear.entries()]
        .sort(([a], [b]) => b - a)
        .map(([year, list]) => ({
          year,
          issues: [...list].sort((a, b) => b.date.localeCompare(a.date) || b.number - a.number),
        }));
      return { series: { id: series.id, name: series.name }, years };
    })
    .filter((item) => item.years.length > 0);
  return {
    title: content.site?.site.title ?? '安全生产信息网',
    base: content.site?.site.base ?? '/',
    series: registry.series.map((series) => ({
      id: series.id,
      name: series.name,
      layout: series.layout,
      publisher: series.publisher,
    })),
    issues,
    archive,
    sections,
    units,
    // Only what was issued counts as adopted: draft issues (in `dev`, `build --drafts`) do not.
    stats: computeStats(
      archived.filter((item) => publishedKeys.has(item.issue.key)),
      registry,
    ),
    statsByYear: computeStatsByYear(
      issues.filter((issue) => issue.status !== 'draft'),
      registry,
    ),
  };
}

/**
 * A published issue as its newest snapshot records it: what was printed,
 * whatever happened to its entries' files since (check guards the rest),
 * with its history (every version the archive keeps).
 */
function archivedIssue(
  issue: LoadedContent['issues'][number],
  content: LoadedContent,
  registry: Registry,
): CompiledIssue | undefined {
  if (issue.data.status !== 'published' || !content.archive) return undefined;
  const key = archiveKey(issue, registry);
  const archived = key ? content.archive.issues.get(key) : undefined;
  const snapshot = archived?.latest;
  if (!snapshot) return undefined;
  return {
    ...snapshot.issue,
    sections: sharedEntries(snapshot.issue),
    file: issue.file,
    history: publicationHistory(archived.versions),
  };
}

/**
 * The issue's sections holding the very entry objects of its `entries`, as a
 * compiled issue's do. A snapshot is JSON, so parsed it holds every entry
 * twice; once handed to the pages (structured clone, compile-job.ts) that
 * was a third of ten years' site. An entry is shared only where both copies
 * are equal; a record written otherwise keeps its own copy.
 */
function sharedEntries(issue: CompiledIssue): CompiledIssue['sections'] {
  const byId = new Map(issue.entries.map((entry) => [entry.id, entry]));
  return issue.sections.map((section) => ({
    ...section,
    entries: section.entries.map((entry) => {
      const same = byId.get(entry.id);
      return same && sameJson(same, entry) ? same : entry;
    }),
  }));
}

/** Whether two values parsed from JSON are equal (plain objects, arrays and scalars only). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}

/** Items grouped by key, each group in input order. */
function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
