/**
 * `import`: files → cleaned `draft` entries. Read and convert each file,
 * split it into items, run the lint fixes, infer the front matter, check the
 * result against the entry schema, and write it (unless dry-run) into
 * entries/<yyyy>/<mm>/ without overwriting anything. Returns a report of
 * what was detected, removed, fixed and written.
 */
import { basename, join } from 'node:path';
import type { Root } from 'mdast';
import type { Diagnostic } from '../../diagnostics.ts';
import { parseMarkdownFile, type EntryRecord } from '../../load/content.ts';
import type { Encoding } from '../../load/decode.ts';
import type { Registry } from '../../registry.ts';
import { entrySchema } from '../../schema/entry.ts';
import { countByRule } from '../fix-files.ts';
import { fixBody } from '../lint.ts';
import type { Removed } from './html.ts';
import { inferFrontMatter, type InferOptions } from './infer.ts';
import { stringifyMarkdown } from './markdown.ts';
import { ImportError, type ImportInput, readImportSource, SOURCE_KIND_NAMES, type SourceImage } from './source.ts';
import { bulletinAsOne, type Item, splitBulletin, splitItems } from './split.ts';
import { entryFileText, entryName, freeEntryPath, writeNewFile } from './write.ts';
import { EntryIndex, type Duplicate } from '../../workflow/duplicates.ts';
import { sectionName } from '../../schema/sections.ts';

export interface ImportOptions extends Omit<InferOptions, 'today'> {
  contentDir: string;
  /** Absolute paths of the files to import, or text given directly (a paste from standard input). */
  files: ImportInput[];
  split: boolean;
  dryRun: boolean;
  registry?: Registry;
  /** Today, ISO; defaults to the system date. */
  today?: string;
  /** The entries already in the content directory: an entry repeating one of them is not written (unless `force`). */
  existing?: readonly EntryRecord[];
  /** Write entries that repeat an existing one (same title, date and unit, or same body) too. */
  force?: boolean;
}

export interface ImportedEntry {
  /** Content-relative path of the new entry. */
  path: string;
  title: string | undefined;
  date: string;
  /** The full file text written (or that would be written). */
  text: string;
  /** Lint fixes applied, per rule. */
  fixes: { rule: string; title: string; count: number }[];
  /** Lint findings left for a person. */
  remaining: { rule: string; message: string }[];
  /** Images saved beside the entry (content-relative paths). */
  images: string[];
  /** Problems of the written entry (schema), as check would report them. */
  diagnostics: Diagnostic[];
  notes: string[];
  /** Not written: it repeats this entry (content-relative path) — what is the same, in Chinese. */
  duplicateOf?: Duplicate;
}

export interface ImportReport {
  /** The file as given. */
  file: string;
  /** Kind of source, in Chinese. */
  kind?: string;
  encoding?: Encoding;
  removed: Removed[];
  notes: string[];
  entries: ImportedEntry[];
  /** Why the file could not be imported, in Chinese. */
  error?: string;
}

/**
 * A 调研指导 entry's lead (区委书记周正宇, bold or before the date) names its leaders: when
 * people.yaml knows them, the lead leaves the text (the site prints it from
 * 领导) and the names go to 领导; otherwise it stays, for a person to read.
 */
function leadLeaders(item: Item, registry: Registry | undefined): string[] | undefined {
  if (!item.lead || !registry) return undefined;
  const lead = item.lead.replace(/[\s\u3000]/g, '');
  const named = registry.people
    .filter((person) => lead.includes(person.name.replace(/[\s\u3000]/g, '')))
    .sort((a, b) => a.rank - b.rank);
  const first = item.nodes[0];
  if (!named.length || first?.type !== 'paragraph') return undefined;
  const opening = first.children[0];
  if (opening?.type === 'strong') first.children.shift();
  else if (opening?.type === 'text' && opening.value.startsWith(item.lead))
    opening.value = opening.value.slice(item.lead.length);
  else return undefined;
  const next = first.children[0];
  if (next?.type === 'text') next.value = next.value.replace(/^[\s\u3000]+/, '');
  return named.map((person) => person.name);
}

function usedImages(tree: Root, images: SourceImage[]): SourceImage[] {
  const text = JSON.stringify(tree);
  return images.filter((image) => text.includes(image.placeholder));
}

/** Import files as draft entries; never throws for a bad file (it is reported). */
export async function importFiles(options: ImportOptions): Promise<ImportReport[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const taken = new Set<string>();
  const reports: ImportReport[] = [];
  // Entries already there and those imported in this run: the same file twice is one entry.
  const known = EntryIndex.of(options.existing ?? [], options.registry);
  for (const file of options.files) {
    const report: ImportReport = {
      file: typeof file === 'string' ? file : file.label,
      removed: [],
      notes: [],
      entries: [],
    };
    reports.push(report);
    let source;
    try {
      source = await readImportSource(file);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      report.error = error.message;
      continue;
    }
    report.kind = SOURCE_KIND_NAMES[source.kind];
    if (source.encoding) report.encoding = source.encoding;
    report.removed = source.removed;
    report.notes = source.notes;
    let items: Item[];
    if (source.bulletin) {
      const entries = splitBulletin(source.tree.children);
      items = options.split ? entries : [bulletinAsOne(source.tree.children)];
      if (!options.split && entries.length > 1)
        report.notes.push(`这是一期简报，约有 ${entries.length} 篇稿件；加 --split 可按栏目和标题分成一篇一稿导入`);
      // An `articles` bulletin prints no 栏目 headings: nothing in it says which 栏目 an entry belongs to.
      if (options.split && entries.length > 0 && entries.every((entry) => entry.section === undefined))
        report.notes.push(
          `这期简报没有【栏目】标题（文章版式），${entries.length} 篇稿件的栏目都写作“${sectionName(options.section)}”（没有栏目标题时取 --section，默认工作动态），请逐篇核对栏目`,
        );
    } else items = splitItems(source.tree, options.split, source.title);
    for (const item of items) {
      const leaders = leadLeaders(item, options.registry);
      const tree: Root = { type: 'root', children: item.nodes };
      const images = usedImages(tree, source.images);
      const draft = stringifyMarkdown(tree);
      if (!draft.trim() && !item.title) continue;
      const registry = options.registry ? { registry: options.registry } : {};
      const fixed = fixBody(draft, { date: options.date ?? source.pageDate ?? today, ...registry });
      // The title is text too: the same fixes (punctuation, spaces between its phrases).
      const titleFix = item.title ? fixBody(item.title, { ...registry }) : undefined;
      const title = titleFix?.text.trim() || item.title;
      const inferred = inferFrontMatter(
        title,
        fixed.text,
        { ...options, today, section: item.section ?? options.section, ...(leaders ? { leaders } : {}) },
        options.registry,
        source.pageDate,
      );
      // Date-dependent rules (leader titles, first-sentence date) run again with the real date.
      const final = fixBody(fixed.text, { date: inferred.date, ...registry });
      const name = entryName(title, final.text);
      const path = await freeEntryPath(options.contentDir, inferred.date, name, taken);
      const folder = path.slice(0, path.lastIndexOf('/'));
      const entryBase = basename(path, '.md');
      const rename = new Map(
        images.map((image, index) => [image.placeholder, `./${entryBase}-图${index + 1}.${image.extension}`]),
      );
      // Lint never edits image destinations, so the placeholders are still there to rename.
      let body = final.text;
      for (const [placeholder, target] of rename) body = body.split(placeholder).join(target);
      const text = entryFileText(inferred.data, body);
      const parsed = parseMarkdownFile(
        { path, encoding: 'utf-8', bom: false, crlf: false, text, fullWidthColons: [] },
        entrySchema,
        '稿件',
      );
      const entry: ImportedEntry = {
        path,
        title,
        date: inferred.date,
        text,
        fixes: countByRule([...(titleFix?.applied ?? []), ...fixed.applied, ...final.applied]),
        remaining: [
          ...(titleFix?.remaining ?? []).map((finding) => ({
            rule: finding.rule,
            message: `标题：${finding.message}`,
          })),
          ...final.remaining.map((finding) => ({ rule: finding.rule, message: finding.message })),
        ],
        images: images.map((image) => `${folder}/${rename.get(image.placeholder)!.slice(2)}`),
        diagnostics: parsed.diagnostics,
        notes: inferred.notes,
      };
      report.entries.push(entry);
      const facts = {
        date: inferred.date,
        unit: inferred.data.单位 as string | undefined,
        title,
        // The bulletin's 栏目 heading over the item, not only --section: a 工作提示 item is no 工作动态 one.
        section: item.section ?? options.section,
        body,
      };
      const duplicate = options.force ? undefined : known.find(facts);
      if (duplicate) {
        entry.duplicateOf = duplicate;
        continue;
      }
      known.add(path, facts, { untitledByFacts: false });
      if (options.dryRun) continue;
      await writeNewFile(join(options.contentDir, path), text);
      for (const [index, image] of images.entries())
        await writeNewFile(join(options.contentDir, entry.images[index]!), image.data);
    }
    if (report.entries.length === 0) report.error = '文件中没有可导入的正文';
  }
  return reports;
}
