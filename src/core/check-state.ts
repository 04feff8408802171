/**
 * What a project keeps between its checks (project.ts), and its plain form
 * for a cache on disk (the CLI's and the build's: src/build/check-cache.ts).
 *
 * In memory: the files read and parsed (load/file-states.ts), the published
 * issues' inputs digests and the lint findings, the last two reused while
 * what they were computed from are the very same parsed objects.
 *
 * On disk: the same, serialised in one piece (V8's structured clone keeps
 * shared objects shared, so the digests' and findings' inputs are still the
 * very objects of the files they came from). Two things do not travel: the
 * position indexes (rebuilt from the file's text when a message needs a
 * position, as the fast YAML path does anyway) and the snapshots' issues
 * (only their summary: the issue is read back from its file when the site
 * is compiled, archive/load.ts).
 */
import type { InputsMemo } from './archive/compare.ts';
import type { LastCheck } from './check-patch.ts';
import type { LedgerRead, RecordIssues, SnapshotRead } from './archive/load.ts';
import type { Diagnostic } from './diagnostics.ts';
import type {
  EntryRecord,
  IssueRecord,
  MarkdownLoad,
  MarkdownParse,
  ReadResult,
  RecheckMemory,
  SettingsLoad,
} from './load/content.ts';
import { FileStates, type StampedValue } from './load/file-states.ts';
import { splitFrontMatter } from './load/frontmatter.ts';
import { parseYamlPrecisely, PositionIndex } from './load/yaml.ts';
import { ARCHIVE_DIR, LEDGER_FILE, type Snapshot, type Sources } from './archive/records.ts';
import { ENTRIES_DIR, SETTINGS_FILES, type SettingsKind } from './paths.ts';
import { entrySchema } from './schema/entry.ts';
import { issueSchema } from './schema/issue.ts';
import { peopleSchema } from './schema/people.ts';
import { recipientsSchema } from './schema/recipients.ts';
import { siteSchema } from './schema/site.ts';
import { unitsSchema } from './schema/units.ts';
import type { z } from 'zod';
import type { FileInfo } from './source/source.ts';

export interface CheckState {
  files: FileStates;
  inputs: InputsMemo;
  /** Lint findings by entry file, with what they were found from (the same parsed objects: reused). */
  lint: Map<string, { from: unknown[]; found: Diagnostic[] }>;
  /** In memory only: the listings and records a recheck told what changed starts from (load/content.ts). */
  recheck: RecheckMemory;
  /** In memory only: results of the cross-file passes, each with what it was computed from (check.ts, `memo`). */
  passes: Map<string, { from: readonly unknown[]; value: unknown }>;
  /** Record issues validated by earlier runs (a cache on disk may offer them: archive/load.ts). */
  records?: RecordIssues;
  /** In memory only: the last check in pieces, for a recheck of a few modified files to patch (check-patch.ts). */
  last?: LastCheck;
  /** How many checks were patched onto the last one (check-patch.ts), for tests and the bench. */
  patched: number;
}

export function newCheckState(files = new FileStates()): CheckState {
  return {
    files,
    inputs: new Map(),
    lint: new Map(),
    recheck: { records: new WeakMap() },
    passes: new Map(),
    patched: 0,
  };
}

/**
 * A cross-file pass's result (or one issue's or entry's part of it), reused
 * while what it is computed from is the very same (the same parsed objects,
 * the same earlier results): `from` lists every input the computation reads.
 */
export type PassMemo = <T>(name: string, from: readonly unknown[], compute: () => T) => T;

/** Compute every time (no state kept). */
export const NO_MEMO: PassMemo = (_name, _from, compute) => compute();

/** The memo of a project's checks (in memory only, never in the plain form). */
export function passMemo(state: CheckState | undefined): PassMemo {
  if (!state) return NO_MEMO;
  return (name, from, compute) => {
    const known = state.passes.get(name);
    if (known && known.from.length === from.length && known.from.every((item, index) => item === from[index]))
      return known.value as ReturnType<typeof compute>;
    const value = compute();
    state.passes.set(name, { from: [...from], value });
    return value;
  };
}

/**
 * What an entry's lint findings are found from: its parse (the data object
 * stands for it: the body and its line come from the same text, so a memo
 * kept on disk holds no second copy of every body) and the settings.
 */
export function lintInputs(entry: EntryRecord, settings: unknown[]): unknown[] {
  return [entry.data, ...settings];
}

/** The entry ids an issue lists, as entries are known by (NFC). */
export function listedIds(issue: IssueRecord): string[] {
  return issue.data.entries.map((id) => id.normalize('NFC'));
}

/** The same, kept while the issue's list is the very same (the membership rules and the archive comparison share it). */
export function memoisedIds(issue: IssueRecord, passes: PassMemo): string[] {
  return passes(`ids:${issue.file}`, [issue.data.entries], () => listedIds(issue));
}

/** The check state as plain data (for `v8.serialize`), in one piece. */
export interface PlainCheckState {
  /** The kept files not in `markdown`. */
  files: [string, StampedValue][];
  markdown: PlainMarkdown;
  inputs: InputsMemo;
  lint: CheckState['lint'];
}

/**
 * The entry and issue files of the common case (plainly UTF-8, nothing
 * reported, no images), column by column: V8 serialises and restores an
 * object field by field, and twenty thousand entries of some fifty small
 * values each cost a cold check a quarter of a second to keep and a warm
 * one half a second to restore; the same in columns cost a fifth of that.
 * The data objects stay whole (the lint findings' and digests' inputs are
 * the very same objects).
 */
interface PlainMarkdown {
  /** Where each stands among all the kept files (their order is kept). */
  at: number[];
  paths: string[];
  texts: string[];
  data: unknown[];
  /** MARKDOWN_NUMBERS per file, in the order of NUMBER_FIELDS. */
  numbers: Float64Array;
}

/** A file's numbers in the columns: its stamp (NaN: a time or inode the source does not give), its body, its images. */
const NUMBER_FIELDS = ['size', 'mtimeMs', 'ctimeMs', 'ino', 'stampedAt', 'bodyLine', 'bodyFrom', 'images'] as const;
const MARKDOWN_NUMBERS = NUMBER_FIELDS.length;
const FIELD = Object.fromEntries(NUMBER_FIELDS.map((name, index) => [name, index])) as Record<
  (typeof NUMBER_FIELDS)[number],
  number
>;
/** `images` in the columns: not looked for yet (undefined), or none found. */
const IMAGES_UNKNOWN = 0;
const IMAGES_NONE = 1;

const hasKeys = (value: object, allowed: readonly string[]) => Object.keys(value).every((key) => allowed.includes(key));

/** A kept entry or issue file as the columns' fields, when it is of the common case the columns hold. */
function columnsOf(path: string, kept: StampedValue): { text: string; data: unknown; numbers: number[] } | undefined {
  const { stamp, stampedAt, value } = kept;
  if (path.startsWith(`${ARCHIVE_DIR}/`) || settingsKindOf.has(path)) return undefined;
  if (stamp.outside !== undefined || !hasKeys(stamp, ['size', 'mtimeMs', 'ctimeMs', 'ino'])) return undefined;
  const load = value as Partial<MarkdownLoad<unknown>>;
  const { read, parsed, bounded, images } = load;
  if (!read || !parsed || !bounded || !hasKeys(load, ['read', 'parsed', 'bounded', 'images'])) return undefined;
  const source = read.source;
  if (!source || read.diagnostics.length || !hasKeys(read, ['source', 'diagnostics'])) return undefined;
  if (source.path !== path || source.encoding !== 'utf-8' || source.bom || source.crlf) return undefined;
  if (source.fullWidthColons.length || !hasKeys(source, ['path', 'encoding', 'bom', 'crlf', 'text', 'fullWidthColons']))
    return undefined;
  if (parsed.data === undefined || parsed.diagnostics.length) return undefined;
  if (!hasKeys(parsed, ['data', 'body', 'bodyLine', 'positions', 'diagnostics'])) return undefined;
  if (!source.text.endsWith(parsed.body) || bounded.body !== parsed.body || bounded.diagnostics.length)
    return undefined;
  if (!hasKeys(bounded, ['body', 'diagnostics']) || (images && images.length)) return undefined;
  return {
    text: source.text,
    data: parsed.data,
    numbers: [
      stamp.size,
      stamp.mtimeMs,
      stamp.ctimeMs ?? Number.NaN,
      stamp.ino ?? Number.NaN,
      stampedAt,
      parsed.bodyLine,
      source.text.length - parsed.body.length,
      images ? IMAGES_NONE : IMAGES_UNKNOWN,
    ],
  };
}

/** The kept files of the columns, as they were kept (position indexes rebuilt on first use). */
function fromColumns(markdown: PlainMarkdown): [string, StampedValue][] {
  const files: [string, StampedValue][] = [];
  for (let index = 0; index < markdown.paths.length; index++) {
    const path = markdown.paths[index]!;
    const text = markdown.texts[index]!;
    const at = index * MARKDOWN_NUMBERS;
    const number = (field: (typeof NUMBER_FIELDS)[number]) => markdown.numbers[at + FIELD[field]]!;
    const stamp: FileInfo = { size: number('size'), mtimeMs: number('mtimeMs') };
    if (!Number.isNaN(number('ctimeMs'))) stamp.ctimeMs = number('ctimeMs');
    if (!Number.isNaN(number('ino'))) stamp.ino = number('ino');
    const body = text.slice(number('bodyFrom'));
    const read: ReadResult = {
      source: { path, encoding: 'utf-8', bom: false, crlf: false, text, fullWidthColons: [] },
      diagnostics: [],
    };
    const load: MarkdownLoad<unknown> = {
      read,
      parsed: {
        data: markdown.data[index],
        body,
        bodyLine: number('bodyLine'),
        positions: lazyPositions(path, { read, parsed: undefined }),
        diagnostics: [],
      },
      bounded: { body, diagnostics: [] },
      ...(number('images') === IMAGES_NONE ? { images: [] } : {}),
    };
    files.push([path, { stamp, stampedAt: number('stampedAt'), value: load }]);
  }
  return files;
}

const SETTINGS_SCHEMAS: Record<SettingsKind, z.ZodType> = {
  settings: siteSchema,
  units: unitsSchema,
  people: peopleSchema,
  recipients: recipientsSchema,
};
const settingsKindOf = new Map(
  Object.entries(SETTINGS_FILES).map(([kind, path]): [string, SettingsKind] => [path, kind as SettingsKind]),
);

/** The texts of the kept files that are read as text (entries, issues, settings), by path. */
function keptTexts(files: Iterable<[string, StampedValue]>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [path, kept] of files) {
    const text = (kept.value as Partial<SettingsLoad>).read?.source?.text;
    if (text !== undefined && !path.startsWith(`${ARCHIVE_DIR}/`)) texts.set(path, text);
  }
  return texts;
}

/**
 * A record's sources for the plain form: a recorded text that is the kept
 * file's text now (most of them: published files do not change) as null,
 * restored as that very string (restoreCheckState), so the plain form holds
 * every entry's text once, not again in the record of its issue.
 */
function plainSources(sources: Sources, texts: ReadonlyMap<string, string>): Sources {
  const files: Record<string, string | null> = {};
  for (const [path, text] of Object.entries(sources.files)) files[path] = texts.get(path) === text ? null : text;
  return { ...sources, files: files as Record<string, string> };
}

function restoreSources(sources: Sources, texts: ReadonlyMap<string, string>): void {
  for (const [path, text] of Object.entries(sources.files))
    if ((text as string | null) === null) sources.files[path] = texts.get(path)!;
}

export function plainCheckState(state: CheckState): PlainCheckState {
  const files: [string, StampedValue][] = [];
  const markdown: Omit<PlainMarkdown, 'numbers'> & { numbers: number[] } = {
    at: [],
    paths: [],
    texts: [],
    data: [],
    numbers: [],
  };
  const texts = keptTexts(state.files.entries());
  let position = 0;
  for (const [path, kept] of state.files.entries()) {
    const columns = columnsOf(path, kept);
    if (columns) {
      markdown.at.push(position++);
      markdown.paths.push(path);
      markdown.texts.push(columns.text);
      markdown.data.push(columns.data);
      markdown.numbers.push(...columns.numbers);
      continue;
    }
    position++;
    const value = kept.value as Partial<MarkdownLoad<unknown> & SettingsLoad & SnapshotRead>;
    let plain: unknown = value;
    if (path.startsWith(`${ARCHIVE_DIR}/`) && path !== LEDGER_FILE) {
      const { snapshot: _issue, ...summary } = value as SnapshotRead;
      plain =
        summary.summary?.sources && texts.size
          ? { ...summary, summary: { ...summary.summary, sources: plainSources(summary.summary.sources, texts) } }
          : summary;
    } else if (value.parsed) {
      plain = { ...value, parsed: { ...value.parsed, positions: undefined } };
      // A Markdown file's body is the end of its text (and mostly its bounded body too): kept once, as the text.
      const text = value.read?.source?.text;
      const body = (value.parsed as Partial<MarkdownParse<unknown>>).body;
      if (text !== undefined && body !== undefined && text.endsWith(body)) {
        const { bounded } = value;
        plain = {
          ...value,
          parsed: { ...value.parsed, positions: undefined, body: undefined, bodyFrom: text.length - body.length },
          ...(bounded && bounded.body === body ? { bounded: { ...bounded, body: undefined, bodyIsParsed: true } } : {}),
        };
      }
    }
    files.push([path, { ...kept, value: plain }]);
  }
  return {
    files,
    markdown: { ...markdown, numbers: Float64Array.from(markdown.numbers) },
    inputs: state.inputs,
    lint: state.lint,
  };
}

/**
 * The record files the state knows, by the sha256 of their bytes: the issue
 * when it was parsed and validated in this run (a cache may keep it, by
 * that digest: archive/load.ts `RecordIssues`), else undefined.
 */
export function parsedRecords(state: CheckState): Map<string, Snapshot['issue'] | undefined> {
  const records = new Map<string, Snapshot['issue'] | undefined>();
  for (const [path, kept] of state.files.entries()) {
    if (!path.startsWith(`${ARCHIVE_DIR}/`) || path === LEDGER_FILE) continue;
    const read = kept.value as SnapshotRead;
    if (read.missing || !read.summary) continue;
    records.set(read.sha256, read.snapshot?.issue ?? records.get(read.sha256));
  }
  return records;
}

/** Position indexes rebuilt on first use from the file's text (the precise YAML parse). */
function lazyPositions(path: string, load: MarkdownLoad<unknown> | SettingsLoad): PositionIndex {
  const text = load.read.source?.text ?? '';
  const kind = settingsKindOf.get(path);
  if (kind)
    return PositionIndex.lazy(
      { line: 1, column: 1 },
      () => parseYamlPrecisely({ text, file: path, firstLine: 1 }, SETTINGS_SCHEMAS[kind]).positions,
    );
  const schema = path.startsWith(`${ENTRIES_DIR}/`) ? entrySchema : issueSchema;
  // The front matter starts on line 2 (after its ---) whenever there are positions to find.
  return PositionIndex.lazy({ line: 2, column: 1 }, () => {
    const split = splitFrontMatter(text);
    if (split.yaml === undefined || split.unclosed) return new PositionIndex({ line: 1, column: 1 });
    return parseYamlPrecisely({ text: split.yaml, file: path, firstLine: split.yamlLine }, schema).positions;
  });
}

/** A body kept as where it starts in the file's text (plainCheckState). */
type PlainBody = { body?: string; bodyFrom?: number; bodyIsParsed?: true };

export function restoreCheckState(plain: PlainCheckState): CheckState {
  // Every kept file in its place: the columns' at theirs, the others in order around them.
  const columns = fromColumns(plain.markdown);
  const all: [string, StampedValue][] = [];
  let other = 0;
  for (let index = 0; index < columns.length; index++) {
    while (all.length < plain.markdown.at[index]!) all.push(plain.files[other++]!);
    all.push(columns[index]!);
  }
  while (other < plain.files.length) all.push(plain.files[other++]!);
  const texts = keptTexts(all);
  for (const [path, kept] of plain.files) {
    if (path.startsWith(`${ARCHIVE_DIR}/`)) {
      const sources = (kept.value as Partial<SnapshotRead>).summary?.sources;
      if (sources) restoreSources(sources, texts);
      continue;
    }
    const value = kept.value as Partial<MarkdownLoad<unknown> & SettingsLoad> | LedgerRead;
    if (!('parsed' in value) || !value.parsed) continue;
    const parsed = value.parsed as PlainBody;
    if (parsed.bodyFrom !== undefined) {
      parsed.body = value.read!.source!.text.slice(parsed.bodyFrom);
      delete parsed.bodyFrom;
      const bounded = (value as Partial<MarkdownLoad<unknown>>).bounded as PlainBody | undefined;
      if (bounded?.bodyIsParsed) {
        bounded.body = parsed.body;
        delete bounded.bodyIsParsed;
      }
    }
    value.parsed.positions = lazyPositions(path, value as MarkdownLoad<unknown>);
  }
  return { ...newCheckState(new FileStates(all)), inputs: plain.inputs, lint: plain.lint };
}
