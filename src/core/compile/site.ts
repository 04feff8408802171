/**
 * The whole site compiled: every issue, newest first, with the archives by
 * section and by unit and the statistics the pages show.
 */
import type { LoadedContent } from '../load/content.ts';
import type { Registry } from '../registry.ts';
import { SECTIONS, type SectionId } from '../schema/sections.ts';
import type { Unit } from '../schema/units.ts';
import { entriesById } from '../validate/index.ts';
import { compileIssue, type CompiledEntry, type CompiledIssue } from './issue.ts';
import { computeStats, type Stats } from './stats.ts';

/** An entry as listed in an archive: with the issue it appeared in. */
export interface ArchivedEntry {
  entry: CompiledEntry;
  issue: Pick<CompiledIssue, 'key' | 'ref' | 'numbering' | 'dateText' | 'date' | 'series'>;
}

export interface CompiledSite {
  title: string;
  /** Sub-path, always starting and ending with `/`. */
  base: string;
  series: { id: string; name: string; layout: string }[];
  /** Newest first. */
  issues: CompiledIssue[];
  sections: { id: SectionId; name: string; entries: ArchivedEntry[] }[];
  units: { unit: Pick<Unit, 'id' | 'name' | 'kind'>; entries: ArchivedEntry[] }[];
  stats: Stats;
}

export function compileSite(content: LoadedContent, registry: Registry): CompiledSite {
  const byId = entriesById(content.entries);
  const issues = content.issues
    .map((issue) => compileIssue(issue, content, registry, byId))
    .filter((issue): issue is CompiledIssue => issue !== undefined)
    .sort((a, b) => b.date.localeCompare(a.date) || a.series.id.localeCompare(b.series.id) || b.year - a.year || b.number - a.number);
  const archived: ArchivedEntry[] = issues.flatMap((issue) =>
    issue.entries.map((entry) => ({
      entry,
      issue: { key: issue.key, ref: issue.ref, numbering: issue.numbering, dateText: issue.dateText, date: issue.date, series: issue.series },
    })),
  );
  const sections = SECTIONS.map((section) => ({
    id: section.id,
    name: section.name,
    entries: archived.filter((item) => item.entry.section === section.id),
  })).filter((section) => section.entries.length > 0);
  const units = [...registry.units]
    .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER))
    .map((unit) => ({ unit: { id: unit.id, name: unit.name, kind: unit.kind }, entries: archived.filter((item) => item.entry.unit?.id === unit.id) }))
    .filter((item) => item.entries.length > 0);
  return {
    title: content.site?.site.title ?? '安全生产信息网',
    base: content.site?.site.base ?? '/',
    series: registry.series.map((series) => ({ id: series.id, name: series.name, layout: series.layout })),
    issues,
    sections,
    units,
    stats: computeStats(archived, registry),
  };
}
