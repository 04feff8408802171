/**
 * `check` against the archive: for every published issue in the ledger, the
 * issue file must still exist and say published, and what it compiles to now
 * must equal its newest snapshot. A difference is an error naming what
 * changed (diff.ts), unless an erratum was added since: then it is the
 * pending re-publish. Changes that are not changes — key spelling,
 * encoding, line ends, comments, a moved file — compile to the same record.
 *
 * To stay fast on years of issues, an issue is compiled only when the
 * digest of its inputs (compiled without rendering the Markdown) differs
 * from the one recorded in the snapshot.
 */
import { compileIssue } from '../compile/issue.ts';
import { compileBody, type BodyCompiler } from '../compile/markdown.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { issueName, issueSlug } from '../format.ts';
import type { EntryRecord, IssueRecord, LoadedContent } from '../load/content.ts';
import { compiledIssueSchema, type CompiledIssue } from '../model/issue.ts';
import { issueSeries, type Registry } from '../registry.ts';
import { changesText, describeChanges, type Change } from './diff.ts';
import { loadArchive, type ArchivedIssue, type LoadedArchive } from './load.ts';
import { listedIds, memoisedIds, NO_MEMO, type PassMemo } from '../check-state.ts';
import { entriesById } from '../validate/index.ts';
import { canonicalJson, LEDGER_FILE, recordOf, sha256, type Snapshot } from './records.ts';
import { fileTexts, issueSources, RecordedSources, sameSources } from './sources.ts';

/** A body "compiled" as its Markdown, leaders and images: for the inputs digest, no rendering. */
const rawBody: BodyCompiler = (markdown, options = {}) => ({
  blocks: [],
  footnotes: [],
  text: JSON.stringify([markdown, options.leaders ?? [], [...(options.images ?? new Map<string, string>()).entries()]]),
});

/** The key (`zhuanbao/2024/6`) of an issue file, as the compiled issue has it. */
export function archiveKey(issue: IssueRecord, registry: Registry): string | undefined {
  const series = issueSeries(registry, issue);
  return series
    ? `${series.id}/${issue.data.year}/${issueSlug(issue.data.number, issue.data.kind === 'supplement', 'path')}`
    : undefined;
}

/** Digest of everything an issue is compiled from, without rendering its Markdown. */
export function inputsDigest(
  issue: IssueRecord,
  content: LoadedContent,
  registry: Registry,
  byId: Map<string, EntryRecord>,
): string {
  const compiled = compileIssue(issue, content, registry, byId, { compileBody: rawBody });
  return compiled ? sha256(canonicalJson(recordOf(compiled))) : '';
}

/** The issue compiled now (the record form), or undefined when it cannot be compiled. */
export function currentRecord(
  issue: IssueRecord,
  content: LoadedContent,
  registry: Registry,
  byId: Map<string, EntryRecord>,
  compile: BodyCompiler = compileBody,
): CompiledIssue | undefined {
  const compiled = compileIssue(issue, content, registry, byId, { compileBody: compile });
  // Through the schema, as a snapshot is read back: the same fields on both sides.
  return compiled ? compiledIssueSchema.parse(recordOf(compiled)) : undefined;
}

/**
 * Inputs digests computed by earlier checks of a project, by issue file,
 * with what each was computed from (the parsed files, which a project reuses
 * while they are unchanged: the same objects): a digest is reused only when
 * every one of them is the very same.
 */
export type InputsMemo = Map<string, { from: unknown[]; digest: string }>;

/** What an issue's inputs digest is computed from (compileIssue reads no more). */
function inputsOf(
  issue: IssueRecord,
  content: LoadedContent,
  byId: Map<string, EntryRecord>,
  ids: readonly string[] = listedIds(issue),
): unknown[] {
  const from: unknown[] = [
    issue.data,
    issue.note,
    issue.file,
    content.site,
    content.units,
    content.people,
    content.recipients,
  ];
  for (const id of ids) {
    const entry = byId.get(id);
    if (!entry) from.push(undefined);
    // The parsed data object stands for its file's parse (the body came from the same text): a memo kept on
    // disk then holds no second copy of every body (check-state.ts).
    else if (!entry.images?.length) from.push(entry.data, entry.file, '');
    else
      from.push(
        entry.data,
        entry.file,
        entry.images
          .map((image) =>
            image.target.kind === 'file'
              ? `${image.target.path}\t${image.target.bytes}\t${image.target.format}\t${image.target.sha256}`
              : image.target.kind,
          )
          .join('\n'),
      );
  }
  return from;
}

function memoisedInputsDigest(
  issue: IssueRecord,
  content: LoadedContent,
  registry: Registry,
  byId: Map<string, EntryRecord>,
  memo: InputsMemo | undefined,
): string {
  if (!memo) return inputsDigest(issue, content, registry, byId);
  const from = inputsOf(issue, content, byId);
  const known = memo.get(issue.file);
  if (known && known.from.length === from.length && known.from.every((item, index) => item === from[index]))
    return known.digest;
  const digest = inputsDigest(issue, content, registry, byId);
  memo.set(issue.file, { from, digest });
  return digest;
}

/** How a published issue differs from its newest record. */
export interface RecordComparison {
  /** What changed; told by the inputs when the record has its sources. */
  changes: Change[];
  /** The issue compiled now (record form). */
  now: CompiledIssue;
  /**
   * How many differences the record has from its own sources compiled by
   * this jianbao: it was rendered by an older jianbao (not listed in `changes`).
   */
  rendering: number;
}

/**
 * Compare a published issue with its newest record. With the record's
 * sources (records.ts), the issue is changed only when its inputs are: the
 * recorded sources and today's files are both compiled by this jianbao and
 * compared, so what a newer jianbao renders differently is no change, and
 * the changes listed are the clerk's alone. Without them (records written
 * before sources were kept), the record itself is compared, as before.
 * Undefined: no change (or the issue does not compile now).
 */
export async function compareWithRecord(
  latest: Snapshot,
  issue: IssueRecord,
  context: {
    content: LoadedContent;
    registry: Registry;
    byId: Map<string, EntryRecord>;
    texts: Map<string, string>;
    memo?: InputsMemo;
    /** Recorded sources loaded for many issues, and whether this issue's differ from today's files (known already). */
    recorded?: RecordedSources;
    sourcesDiffer?: boolean;
  },
): Promise<RecordComparison | undefined> {
  const { content, registry, byId, texts, memo } = context;
  if (latest.sources) {
    if (!(context.sourcesDiffer ?? !sameSources(latest.sources, issueSources(issue, byId, texts)))) return undefined;
    const recorded = context.recorded ?? new RecordedSources([[latest.key, latest.sources]]);
    // Both sides without rendering Markdown first: a settings edit this issue does not show (a new unit) costs
    // no full compile. The recorded side's digest is kept between checks while the record read is the very
    // same object (check-state.ts; that cache is per jianbao build).
    const memoKey = `recorded:${latest.key}`;
    const known = memo?.get(memoKey);
    let thenInputs = known && known.from[0] === latest.sources ? known.digest : undefined;
    if (thenInputs === undefined) {
      thenInputs = await recorded.inputsDigest(latest.key, inputsDigest);
      if (thenInputs !== undefined) memo?.set(memoKey, { from: [latest.sources], digest: thenInputs });
    }
    if (thenInputs !== undefined && thenInputs === memoisedInputsDigest(issue, content, registry, byId, memo))
      return undefined;
    const then = await recorded.record(latest.key);
    if (then) {
      const now = currentRecord(issue, content, registry, byId);
      if (!now) return undefined;
      const changes = describeChanges(comparableRecord(then, byId), now);
      if (changes.length === 0) return undefined;
      const rendering = describeChanges(recordOf(latest.issue), then);
      return { changes, now, rendering: rendering.length };
    }
  } else if (memoisedInputsDigest(issue, content, registry, byId, memo) === latest.inputs) return undefined;
  const now = currentRecord(issue, content, registry, byId);
  if (!now) return undefined;
  const changes = describeChanges(comparableRecord(latest.issue, byId), now);
  return changes.length ? { changes, now, rendering: 0 } : undefined;
}

/** Said after the changes when the record was rendered by an older jianbao. */
export function renderingNote(rendering: number): string {
  return rendering > 0
    ? `（存档由较早版本的 jianbao 编排，按现在的 jianbao 编排另有 ${rendering} 处不同，那不是发布后的修改，未列出）`
    : '';
}

export interface ArchiveCheck {
  diagnostics: Diagnostic[];
  /** The same findings in pieces, for a recheck that replaces a few (check-patch.ts). */
  pieces: ArchivePieces;
  /** Entry ids listed by archived issues: never pending, and a missing file is only a warning. */
  archivedEntries: Set<string>;
  /** Issue files whose issue is in the ledger (their freeze is checked here, not by the old digest). */
  archivedFiles: Set<string>;
}

/** `checkArchive`'s findings in pieces (only the non-empty ones), and what it found them from. */
export interface ArchivePieces {
  /** Reading the ledger and the records. */
  head: Diagnostic[];
  /** By issue key, in the ledger's order. */
  byKey: Map<string, Diagnostic[]>;
  /** By issue file: published with the old in-file digest and not archived. */
  notArchived: Map<string, Diagnostic[]>;
  /** The issue file of each key (the first with it). */
  fileOf: Map<string, IssueRecord>;
  /** The keys whose recorded sources today's files no longer match. */
  differing: Set<string>;
}

/** The pieces in `checkArchive`'s order. */
export function flattenArchive(pieces: ArchivePieces): Diagnostic[] {
  const out = [...pieces.head];
  for (const found of pieces.byKey.values()) out.push(...found);
  for (const found of pieces.notArchived.values()) out.push(...found);
  return out;
}

/** Whether the sources recorded for an issue differ from today's files. */
export function sourcesDiffer(
  sources: NonNullable<Snapshot['sources']>,
  issue: IssueRecord,
  byId: Map<string, EntryRecord>,
  texts: ReadonlyMap<string, string>,
): boolean {
  return !sameSources(sources, issueSources(issue, byId, texts));
}

/** An issue published with the old in-file digest that has no record in the ledger. */
export function notArchivedRule(
  issue: IssueRecord,
  registry: Registry,
  archive: LoadedArchive,
  archivedFiles: ReadonlySet<string>,
): Diagnostic[] {
  if (issue.data.status !== 'published' || !issue.data.digest || archivedFiles.has(issue.file)) return [];
  const key = archiveKey(issue, registry);
  if (key && archive.issues.has(key)) return [];
  return [
    diagnostic(
      'archive/not-archived',
      issue.file,
      issue.positions.at(['digest']),
      `${issueName(issue.data.year, issue.data.number)}是以旧格式（期刊文件中的摘要）发布的，还没有存档`,
      {
        hint: '运行 jianbao archive 为它建立存档（published/），以后按存档检查和生成',
      },
    ),
  ];
}

/** A key in the ledger whose issue file is gone. */
function issueMissing(archived: ArchivedIssue): Diagnostic[] {
  const { record, latest } = archived;
  return [
    diagnostic(
      'archive/issue-missing',
      LEDGER_FILE,
      { line: archived.line, column: 1 },
      `${record.title}已发布，但它的期刊文件不见了`,
      {
        hint: `从版本库恢复期刊文件（${latest?.issue.file ?? `issues/ 下的 ${record.ref}`}）；已发布的期刊不能删除`,
      },
    ),
  ];
}

/**
 * A key in the ledger whose issue file is there, its 刊物, 年份 or 期号 changed since it was published:
 * `was` is the issue as its newest record has it.
 */
function keyChanged(archived: ArchivedIssue, was: CompiledIssue, issue: IssueRecord, registry: Registry): Diagnostic[] {
  const supplement = was.kind === 'supplement';
  const field =
    issueSeries(registry, issue)?.id !== was.series.id
      ? { path: ['series'], back: `series: ${was.series.id}` }
      : issue.data.year !== was.year
        ? { path: ['year'], back: `year: ${was.year}` }
        : supplement !== (issue.data.kind === 'supplement')
          ? { path: ['kind'], back: supplement ? 'kind: supplement' : '去掉 kind' }
          : { path: ['number'], back: `number: ${was.number}` };
  return [
    diagnostic(
      'archive/key-changed',
      issue.file,
      issue.positions.at(field.path),
      `${archived.record.title}已发布，发布后期刊文件中的刊物、年份或期号被改动（现在是${issueName(issue.data.year, issue.data.number, issue.data.kind === 'supplement')}）`,
      {
        hint: `已发布期刊的刊物、年份和期号不能改：改回 ${field.back}；内容有误请在 勘误 中说明更正，再运行 jianbao publish ${archived.record.ref}`,
      },
    ),
  ];
}

/**
 * `passes` (a project's recheck): whether an issue's sources differ from
 * today's files, and an unchanged issue's whole comparison, are kept while
 * the record, the issue and what it is compiled from are the very same
 * objects (the parsed files: the same text); an issue whose sources differ
 * is compared again every time.
 */
export async function checkArchive(
  content: LoadedContent,
  registry: Registry,
  archive: LoadedArchive,
  byId: Map<string, EntryRecord>,
  memo?: InputsMemo,
  passes: PassMemo = NO_MEMO,
): Promise<ArchiveCheck> {
  let texts: Map<string, string> | undefined;
  const textsNow = () => (texts ??= fileTexts(content));
  // The records whose sources today's files no longer match, compiled again together (sources.ts).
  const fileOf = new Map<string, IssueRecord>();
  for (const issue of content.issues) {
    const key = archiveKey(issue, registry);
    if (key && !fileOf.has(key)) fileOf.set(key, issue);
  }
  const differing = new Set<string>();
  /** What an issue's comparison reads of today's content (inputsOf: the parsed files, so their texts, and the images). */
  const inputs = new Map<string, unknown[]>();
  for (const [key, archived] of archive.issues) {
    const sources = archived.latest?.sources;
    const issue = fileOf.get(key);
    if (!sources || !issue) continue;
    const differ = () => sourcesDiffer(sources, issue, byId, textsNow());
    if (passes === NO_MEMO) {
      if (differ()) differing.add(key);
      continue;
    }
    const from = inputsOf(issue, content, byId, memoisedIds(issue, passes));
    inputs.set(key, from);
    if (passes(`sources:${key}`, [sources, ...from], differ)) differing.add(key);
  }
  const recorded = new RecordedSources([...differing].map((key) => [key, archive.issues.get(key)!.latest!.sources!]));
  // Kept while the archive is the same (a project's recheck reuses it while published/ is unchanged).
  const archivedEntries = passes(
    'archive:entries',
    [archive],
    () => new Set([...archive.issues.values()].flatMap((archived) => archived.entries)),
  );
  const archivedFiles = new Set<string>();
  const pieces: ArchivePieces = {
    head: archive.diagnostics,
    byKey: new Map(),
    notArchived: new Map(),
    fileOf,
    differing,
  };
  let byFile: Map<string, IssueRecord> | undefined;
  let present: Set<string> | undefined;
  for (const [key, archived] of archive.issues) {
    const issue = fileOf.get(key);
    if (!issue) {
      // The issue file published under this key may still be there, its 刊物, 年份 or 期号 changed since
      // (or made invalid: then its own error says so). It is not missing; and it is not a new published issue.
      const was = archived.latest?.issue;
      byFile ??= new Map(content.issues.map((other) => [other.file, other]));
      present ??= new Set(content.files.map((file) => file.path));
      const moved = was ? byFile.get(was.file) : undefined;
      if (moved && !archive.issues.has(archiveKey(moved, registry) ?? '')) {
        archivedFiles.add(moved.file);
        pieces.byKey.set(key, keyChanged(archived, was!, moved, registry));
      } else if (was && !moved && present.has(was.file)) {
        // The file is there but does not load as an issue: its own error is reported, not this one.
      } else {
        pieces.byKey.set(key, issueMissing(archived));
      }
      continue;
    }
    archivedFiles.add(issue.file);
    const compare = () =>
      compareIssue(archived, issue, {
        content,
        registry,
        byId,
        texts: textsNow(),
        recorded,
        sourcesDiffer: differing.has(key),
        ...(memo ? { memo } : {}),
      });
    // An issue the same as when last compared (and not differing from its sources): the same findings;
    // the snapshot's own entries too (a file of one the issue no longer lists may come or go).
    const found =
      passes === NO_MEMO || differing.has(key)
        ? await compare()
        : await passes(
            `archive:${key}`,
            [
              archived,
              registry,
              ...(inputs.get(key) ?? inputsOf(issue, content, byId, memoisedIds(issue, passes))),
              ...archived.entries.map((id) => byId.get(id)),
            ],
            compare,
          );
    if (found.length) pieces.byKey.set(key, found);
  }
  for (const issue of content.issues) {
    const found = notArchivedRule(issue, registry, archive, archivedFiles);
    if (found.length) pieces.notArchived.set(issue.file, found);
  }
  return { diagnostics: flattenArchive(pieces), pieces, archivedEntries, archivedFiles };
}

/** What one issue in the ledger has against its newest record: its status, deleted entry files, changes since. */
export async function compareIssue(
  archived: ArchivedIssue,
  issue: IssueRecord,
  context: Parameters<typeof compareWithRecord>[2],
): Promise<Diagnostic[]> {
  const { record, latest } = archived;
  const { byId } = context;
  const diagnostics: Diagnostic[] = [];
  const name = issueName(issue.data.year, issue.data.number);
  if (issue.data.status !== 'published') {
    diagnostics.push(
      diagnostic(
        'archive/status-changed',
        issue.file,
        issue.positions.at(['status']),
        `${name}已发布（见 ${LEDGER_FILE}），期刊文件却标为草稿`,
        {
          hint: `把 状态 改回 已发布；已发布的期刊要更正，请在 勘误 中加一项，再运行 jianbao publish ${record.ref}`,
        },
      ),
    );
    return diagnostics;
  }
  if (!latest) return diagnostics; // reported by loadArchive
  for (const id of issue.data.entries) {
    if (!byId.has(id.normalize('NFC')) && archived.entries.includes(id.normalize('NFC'))) {
      const index = issue.data.entries.indexOf(id);
      diagnostics.push(
        diagnostic(
          'archive/entry-deleted',
          issue.file,
          issue.positions.at(['entries', index]),
          `${name}的稿件文件 entries/${id}.md 已删除，存档中保留着印发时的原文`,
          {
            hint: '网页、打印版和 PDF 按存档生成，不受影响；要恢复这个文件，可从版本库取回',
          },
        ),
      );
    }
  }
  const compared = await compareWithRecord(latest, issue, context);
  if (!compared) return diagnostics;
  const { changes, now } = compared;
  const note = renderingNote(compared.rendering);
  const errataGrew = issue.data.errata.length > latest.issue.errata.length;
  const oldErrataKept = latest.issue.errata.every(
    (erratum, index) => JSON.stringify(erratum) === JSON.stringify(now.errata[index]),
  );
  if (errataGrew && oldErrataKept) {
    diagnostics.push(
      diagnostic(
        'issue/errata-pending',
        issue.file,
        issue.positions.at(['errata']),
        `${name}已按勘误修改：${changesText(changes)}${note}`,
        {
          hint: `核对无误后运行 jianbao publish ${record.ref}，存档为勘误后的新版本（原版本保留）${compared.rendering ? '；新版本按现在的 jianbao 编排' : ''}`,
        },
      ),
    );
    return diagnostics;
  }
  diagnostics.push(
    diagnostic(
      'issue/frozen-changed',
      issue.file,
      issue.positions.at(['status']),
      `${name}已发布，发布后被修改：${changesText(changes)}${note}`,
      {
        hint: `已发布的期刊不能直接修改：撤销修改，或在 勘误 中加一项 {日期, 说明} 说明更正，再运行 jianbao publish ${record.ref}`,
      },
    ),
  );
  return diagnostics;
}

/**
 * The record of a snapshot as the issue compiled now can be compared with:
 * a deleted entry file is no change (the archive keeps its text), so the
 * entries whose files are gone are left out of the record too.
 */
export function comparableRecord(snapshot: CompiledIssue, byId: Map<string, EntryRecord>): CompiledIssue {
  const recorded = recordOf(snapshot);
  const deleted = new Set(snapshot.entries.filter((entry) => !byId.has(entry.id)).map((entry) => entry.id));
  return deleted.size ? withoutEntries(recorded, deleted) : recorded;
}

function withoutEntries(issue: CompiledIssue, ids: Set<string>): CompiledIssue {
  return {
    ...issue,
    entries: issue.entries.filter((entry) => !ids.has(entry.id)),
    sections: issue.sections
      .map((section) => ({ ...section, entries: section.entries.filter((entry) => !ids.has(entry.id)) }))
      .filter((section) => section.entries.length > 0),
  };
}

/** The archive read and compared for a workflow step that runs the cross-file rules itself (new issue). */
export async function archiveFacts(content: LoadedContent, registry: Registry): Promise<ArchiveCheck> {
  const archive = content.archive ?? (await loadArchive(content.source));
  content.archive = archive;
  return await checkArchive(content, registry, archive, entriesById(content.entries));
}
