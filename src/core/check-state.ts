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
  files: [string, StampedValue][];
  inputs: InputsMemo;
  lint: CheckState['lint'];
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
  const texts = keptTexts(state.files.entries());
  for (const [path, kept] of state.files.entries()) {
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
  return { files, inputs: state.inputs, lint: state.lint };
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
  const texts = keptTexts(plain.files);
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
  return { ...newCheckState(new FileStates(plain.files)), inputs: plain.inputs, lint: plain.lint };
}
