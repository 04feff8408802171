/**
 * An issue compiled into the format-neutral model (model/issue.ts): sections
 * in the series' order, entries in the issue's order with their bodies as
 * block trees, Chinese dates and numbering, the masthead and the 版记 worded.
 * Renderers (the site's pages, the print page, an export) only display this.
 */
import { chineseDate, issueNumbering, issueSlug } from '../format.ts';
import type { EntryRecord, IssueRecord, LoadedContent } from '../load/content.ts';
import type { CompiledEntry, CompiledIssue, CompiledSection } from '../model/issue.ts';
import { findPerson, issueSeries, resolveUnit, titleOn, type Registry } from '../registry.ts';
import type { Unit } from '../schema/units.ts';
import { LEADER_SECTIONS, sectionName } from '../schema/sections.ts';
import { compileColophon } from './colophon.ts';
import { expandDistribution } from './distribution.ts';
import { compileImages, imageOutputs, requireImageBytes } from './images.ts';
import { compileBody, type BodyCompiler } from './markdown.ts';
import { plainTitle, titleLines } from './title.ts';

/** How long a headline cut from the body may be, in characters. */
const HEADLINE_LENGTH = 60;

/** The title, else the first sentence of the text, cut at HEADLINE_LENGTH with an ellipsis. */
export function headlineOf(title: string | undefined, text: string): string {
  if (title) return title;
  const sentence = /^.*?[。！？；]/.exec(text)?.[0] ?? text;
  const chars = [...sentence];
  return chars.length > HEADLINE_LENGTH ? `${chars.slice(0, HEADLINE_LENGTH).join('')}…` : sentence;
}

export interface CompileEntryOptions {
  /** Compiles the Markdown; default `compileBody` (the build passes its cache of compiled bodies). */
  compileBody?: BodyCompiler;
}

/** Names a title never breaks inside: units (names and aliases, former ones too) and leaders. */
function keepWhole(registry: Registry): string[] {
  return [
    ...registry.units.flatMap((unit) => [
      unit.name,
      ...unit.aliases,
      ...unit.formerNames.flatMap((former) => [former.name, ...former.aliases]),
    ]),
    ...registry.people.map((person) => person.name),
  ];
}

export function compileEntry(
  entry: EntryRecord,
  registry: Registry,
  anchor: string,
  options: CompileEntryOptions = {},
): CompiledEntry {
  const { data } = entry;
  // Each unit by the name it had on the entry's date; the same unit written twice counts once.
  const units: { id?: string; name: string; kind?: Unit['kind'] }[] = [];
  for (const written of data.unit) {
    const resolved = resolveUnit(registry, written, data.date);
    if (resolved && units.some((other) => other.id === resolved.unit.id)) continue;
    units.push(resolved ? { id: resolved.unit.id, name: resolved.name, kind: resolved.unit.kind } : { name: written });
  }
  const first = units[0]!;
  const people = data.people.map((name) => {
    const person = findPerson(registry, name);
    const title = person ? titleOn(person, data.date) : undefined;
    return { name: person?.name ?? name, ...(title !== undefined ? { title } : {}) };
  });
  const leaders = LEADER_SECTIONS.includes(data.section)
    ? people.map((person) => ({ phrase: `${person.title ?? ''}${person.name}`, name: person.name }))
    : [];
  const references = entry.images ?? [];
  requireImageBytes(references, entry.file);
  const body = (options.compileBody ?? compileBody)(entry.body, { leaders, images: imageOutputs(references) });
  const title = data.title === undefined ? undefined : plainTitle(data.title);
  return {
    id: entry.id,
    anchor,
    file: entry.file,
    section: data.section,
    sectionName: sectionName(data.section),
    ...(data.title !== undefined ? { title, titleLines: titleLines(data.title, keepWhole(registry)) } : {}),
    headline: headlineOf(title, body.text),
    date: data.date,
    dateText: chineseDate(data.date),
    ...(first.id !== undefined ? { unit: { id: first.id, name: first.name, kind: first.kind! } } : {}),
    ...(units.length > 1
      ? { units: units.map((unit) => (unit.id !== undefined ? { id: unit.id, name: unit.name } : { name: unit.name })) }
      : {}),
    unitName: units.map((unit) => unit.name).join('、'),
    people,
    body,
    images: compileImages(references),
  };
}

/**
 * Anchor from the whole entry id (`2024/08/汛期推进会` → `2024-08-汛期推进会`):
 * the same whatever else the issue lists or in which order, so links stay valid.
 */
function anchorFor(id: string, used: Set<string>): string {
  const base = id.replace(/[\s/\\#?&%"'<>]+/g, '-') || 'entry';
  let anchor = base;
  for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
  used.add(anchor);
  return anchor;
}

export function compileIssue(
  issue: IssueRecord,
  content: Pick<LoadedContent, 'recipients'> & Partial<Pick<LoadedContent, 'site'>>,
  registry: Registry,
  entriesById: Map<string, EntryRecord>,
  options: CompileEntryOptions = {},
): CompiledIssue | undefined {
  const compile = options.compileBody ?? compileBody;
  const series = issueSeries(registry, issue);
  if (!series) return undefined;
  const { data } = issue;
  const used = new Set<string>();
  const entries = data.entries
    .map((id) => entriesById.get(id.normalize('NFC')))
    .filter((entry): entry is EntryRecord => entry !== undefined && entry.data.status === 'ready')
    .map((entry) => compileEntry(entry, registry, anchorFor(entry.id, used), { compileBody: compile }));
  const sections: CompiledSection[] = series.sections
    .map((id) => ({
      id,
      name: sectionName(id),
      heading: `【${sectionName(id)}】`,
      entries: entries.filter((entry) => entry.section === id),
    }))
    .filter((section) => section.entries.length > 0);
  // Print order: by section for the sections layout, as listed for articles.
  const ordered = series.layout === 'sections' ? sections.flatMap((section) => section.entries) : entries;
  const several = registry.series.length > 1;
  const contact = data.contact || series.contact ? { ...series.contact, ...data.contact } : undefined;
  const supplement = data.kind === 'supplement';
  const numbering = issueNumbering(data.year, data.number, data.total, supplement);
  const dateText = chineseDate(data.date);
  const slug = issueSlug(data.number, supplement, 'path');
  const refSlug = issueSlug(data.number, supplement, 'ref');
  return {
    key: `${series.id}/${data.year}/${slug}`,
    ref: several ? `${series.id}/${data.year}-${refSlug}` : `${data.year}-${refSlug}`,
    file: issue.file,
    series: {
      id: series.id,
      name: series.name,
      publisher: series.publisher,
      layout: series.layout,
      ...(series.marking !== undefined ? { marking: series.marking } : {}),
    },
    year: data.year,
    number: data.number,
    kind: data.kind,
    ...(data.total !== undefined ? { total: data.total } : {}),
    numbering,
    date: data.date,
    dateText,
    masthead: {
      ...(series.marking !== undefined ? { marking: series.marking } : {}),
      name: series.name,
      lines: series.print.masthead ?? [series.name],
      numbering,
      publisher: series.publisher,
      date: data.date,
      dateText,
    },
    ...(issue.note ? { note: compile(issue.note) } : {}),
    sections,
    entries: ordered,
    colophon: compileColophon({
      distribution: expandDistribution(
        data.distribution ?? series.distribution,
        content.recipients,
        registry,
        data.date,
      ),
      contact,
      copies: data.copies ?? series.copies,
      staff: { editor: data.editor, reviewer: data.reviewer, signer: data.signer },
    }),
    status: data.status,
    errata: data.errata.map((item) => ({ ...item, dateText: chineseDate(item.date) })),
    pdfName: `${series.id}-${data.year}-${slug}.pdf`,
    // A draft's print page and PDF carry its mark (草稿, or the series' 草稿标记) on every page.
    ...(data.status === 'draft' ? { draftMark: series.print.draftMark } : {}),
    print: series.print,
  };
}
