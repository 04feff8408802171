/**
 * An issue compiled for rendering: sections in the series' order, entries in
 * the issue's order, Chinese dates and numbering, expanded distribution.
 * Renderers (the Astro site, the print page) only display this.
 */
import { chineseDate, issueNumbering } from '../format.ts';
import type { EntryRecord, IssueRecord, LoadedContent } from '../load/content.ts';
import { findPerson, issueSeries, titleOn, type Registry } from '../registry.ts';
import { LEADER_SECTIONS, sectionName, type SectionId } from '../schema/sections.ts';
import type { Contact, PrintSettings, Series } from '../schema/site.ts';
import type { Unit } from '../schema/units.ts';
import { expandDistribution, type DistributionLine } from './distribution.ts';
import { compileImages, imageOutputs, requireImageBytes, type CompiledImage } from './images.ts';
import { renderMarkdown, type MarkdownRenderer } from './markdown.ts';

export interface CompiledEntry {
  id: string;
  /** Stable anchor inside the issue page (no #). */
  anchor: string;
  file: string;
  section: SectionId;
  sectionName: string;
  title: string | undefined;
  /** One line for lists and feeds: the title, else the body's first sentence (shortened). */
  headline: string;
  date: string;
  dateText: string;
  unit: Pick<Unit, 'id' | 'name' | 'kind'> | undefined;
  /** The unit as written when it is not in units.yaml. */
  unitName: string;
  people: { name: string; title: string | undefined }[];
  /** Safe HTML of the body, leader names in bold. */
  html: string;
  /** Plain text of the body. */
  text: string;
  /** The images the body shows, in order (the site copies them to `output`). */
  images: CompiledImage[];
}

export interface CompiledSection {
  id: SectionId;
  name: string;
  /** 【工作动态】 */
  heading: string;
  entries: CompiledEntry[];
}

export interface CompiledIssue {
  /** `zhuanbao/2023/6` — also the URL path under the site base, without slashes. */
  key: string;
  /** What the CLI takes: `2023-6` or `zhuanbao/2023-6`. */
  ref: string;
  file: string;
  series: Pick<Series, 'id' | 'name' | 'publisher' | 'layout' | 'marking'>;
  year: number;
  number: number;
  total: number | undefined;
  /** `2023年 第6期（总第58期）` */
  numbering: string;
  date: string;
  /** `2023年8月30日` */
  dateText: string;
  /** 按语 as safe HTML, or undefined. */
  noteHtml: string | undefined;
  /** Sections in the series' order, only those with entries. */
  sections: CompiledSection[];
  /** All entries in print order. */
  entries: CompiledEntry[];
  distribution: DistributionLine[];
  contact: Contact | undefined;
  copies: number | undefined;
  editor: string | undefined;
  reviewer: string | undefined;
  signer: string | undefined;
  status: 'draft' | 'published';
  errata: { date: string; dateText: string; note: string }[];
  /** `zhuanbao-2023-6.pdf` */
  pdfName: string;
  /** The series' print settings, defaults applied (red, masthead, rule, page number on page 1). */
  print: PrintSettings;
}

/** How long a headline cut from the body may be, in characters. */
export const HEADLINE_LENGTH = 60;

/** The title, else the first sentence of the text, cut at HEADLINE_LENGTH with an ellipsis. */
export function headlineOf(title: string | undefined, text: string): string {
  if (title) return title;
  const sentence = /^.*?[。！？；]/.exec(text)?.[0] ?? text;
  const chars = [...sentence];
  return chars.length > HEADLINE_LENGTH ? `${chars.slice(0, HEADLINE_LENGTH).join('')}…` : sentence;
}

export interface CompileEntryOptions {
  /** Heading depth the entry sits under on the page (see RenderOptions.headingOffset). */
  headingOffset?: number;
  /** The site base image URLs hang under (`/bulletin/`); default `/`. */
  base?: string;
  /** Renders the Markdown; default `renderMarkdown`. */
  render?: MarkdownRenderer;
}

export function compileEntry(entry: EntryRecord, registry: Registry, anchor: string, options: CompileEntryOptions = {}): CompiledEntry {
  const { data } = entry;
  const unit = registry.unitBySpelling.get(data.unit);
  const people = data.people.map((name) => {
    const person = findPerson(registry, name);
    return { name: person?.name ?? name, title: person ? titleOn(person, data.date) : undefined };
  });
  const leaders = LEADER_SECTIONS.includes(data.section)
    ? people.map((person) => ({ phrase: `${person.title ?? ''}${person.name}`, name: person.name }))
    : [];
  const references = entry.images ?? [];
  requireImageBytes(references, entry.file);
  const render = options.render ?? renderMarkdown;
  const rendered = render(entry.body, { leaders, idPrefix: anchor, headingOffset: options.headingOffset, images: imageOutputs(references), base: options.base });
  return {
    id: entry.id,
    anchor,
    file: entry.file,
    section: data.section,
    sectionName: sectionName(data.section),
    title: data.title,
    headline: headlineOf(data.title, rendered.text),
    date: data.date,
    dateText: chineseDate(data.date),
    unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : undefined,
    unitName: unit?.name ?? data.unit,
    people,
    html: rendered.html,
    text: rendered.text,
    images: compileImages(references),
  };
}

/**
 * Anchor from the whole entry id (`2024/08/汛期推进会` → `2024-08-汛期推进会`):
 * the same whatever else the issue lists or in which order, so links stay valid.
 */
export function anchorFor(id: string, used: Set<string>): string {
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
  options: Pick<CompileEntryOptions, 'render'> = {},
): CompiledIssue | undefined {
  const render = options.render ?? renderMarkdown;
  const series = issueSeries(registry, issue);
  if (!series) return undefined;
  const { data } = issue;
  const used = new Set<string>();
  // Page outline: h1 masthead, h2 section (sections layout) or article title, h3 entry title.
  const headingOffset = series.layout === 'sections' ? 3 : 2;
  const entries = data.entries
    .map((id) => entriesById.get(id.normalize('NFC')))
    .filter((entry): entry is EntryRecord => entry !== undefined && entry.data.status === 'ready')
    .map((entry) => compileEntry(entry, registry, anchorFor(entry.id, used), { headingOffset, base: content.site?.site.base, render }));
  const sections: CompiledSection[] = series.sections
    .map((id) => ({ id, name: sectionName(id), heading: `【${sectionName(id)}】`, entries: entries.filter((entry) => entry.section === id) }))
    .filter((section) => section.entries.length > 0);
  // Print order: by section for the sections layout, as listed for articles.
  const ordered = series.layout === 'sections' ? sections.flatMap((section) => section.entries) : entries;
  const several = registry.series.length > 1;
  const contact = data.contact || series.contact ? { ...series.contact, ...data.contact } : undefined;
  return {
    key: `${series.id}/${data.year}/${data.number}`,
    ref: several ? `${series.id}/${data.year}-${data.number}` : `${data.year}-${data.number}`,
    file: issue.file,
    series: { id: series.id, name: series.name, publisher: series.publisher, layout: series.layout, marking: series.marking },
    year: data.year,
    number: data.number,
    total: data.total,
    numbering: issueNumbering(data.year, data.number, data.total),
    date: data.date,
    dateText: chineseDate(data.date),
    noteHtml: issue.note ? render(issue.note).html : undefined,
    sections,
    entries: ordered,
    distribution: expandDistribution(data.distribution ?? series.distribution, content.recipients, registry, data.date),
    contact,
    copies: data.copies ?? series.copies,
    editor: data.editor,
    reviewer: data.reviewer,
    signer: data.signer,
    status: data.status,
    errata: data.errata.map((item) => ({ ...item, dateText: chineseDate(item.date) })),
    pdfName: `${series.id}-${data.year}-${data.number}.pdf`,
    print: series.print,
  };
}
