/**
 * `publish ISSUE`: freeze an issue. Refuses while `check` finds errors in the
 * issue, its entries or the settings; writes the compiled issue as a
 * snapshot to the archive (published/, archive/records.ts), lists it in the
 * ledger and sets the status to published (archive/compare.ts then guards
 * it). A published issue is published again only after an erratum was
 * added, as a new version; the earlier versions are kept.
 *
 * Only the status line of the issue file changes (and an old in-file digest
 * goes): the `yaml` parser finds where the value is, the text is edited there,
 * so comments, their spacing, key order and the clerk's choice of Chinese or
 * English keys survive byte for byte; the file is replaced atomically.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { archiveKey, comparableRecord, compareWithRecord, currentRecord, inputsDigest } from '../archive/compare.ts';
import { changesText, describeChanges } from '../archive/diff.ts';
import {
  asPublished,
  canonicalJson,
  LEDGER_FILE,
  LEDGER_NOTE,
  RECORD_FORMAT,
  sha256,
  snapshotPath,
  type Ledger,
  type Snapshot,
} from '../archive/records.ts';
import { fileTexts, issueSources } from '../archive/sources.ts';
import { compileIssue } from '../compile/issue.ts';
import type { EntryRecord, IssueRecord, LoadedContent } from '../load/content.ts';
import type { CompiledIssue } from '../model/issue.ts';
import { issueSeries, type Registry } from '../registry.ts';
import { isMap, parseDocument } from 'yaml';
import { checkContent, type CheckResult } from '../check.ts';
import { compareDigest, computeDigest, hasChanges } from '../digest.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { issueName } from '../format.ts';
import { splitFrontMatter } from '../load/frontmatter.ts';
import { ENTRIES_DIR, SETTINGS_FILES } from '../paths.ts';
import { issueSchema, ISSUE_STATUSES } from '../schema/issue.ts';
import { entriesById } from '../validate/index.ts';
import { validateFrozen } from '../validate/frozen.ts';
import { WorkflowError } from './errors.ts';
import { findIssue, issueRefOf } from './issue-ref.ts';
import { findPair, usesChineseKeys } from './front-matter-edit.ts';
import { chineseKey, keySpellingsOf } from './keys.ts';
import { replaceFile } from './write.ts';

export type PublishOutcome =
  /** A draft (or a hand-marked issue without digest) is now published. */
  | 'published'
  /** A published issue with new errata was frozen again. */
  | 'refrozen'
  /** Published with the old digest: now archived, unchanged. */
  | 'archived'
  /** Already published and unchanged: nothing written. */
  | 'unchanged';

export interface PublishResult {
  outcome: PublishOutcome;
  /** `2023-6` or `zhuanbao/2023-6`. */
  ref: string;
  /** `2023年第6期` */
  name: string;
  /** Relative to the content directory. */
  file: string;
  /** The snapshot written (or the newest one, when unchanged), relative to the content directory. */
  snapshot: string;
  /** Its version: 1 第一次印发, 2… after each erratum. */
  version: number;
  /** Number of entries frozen with it. */
  entries: number;
  errata: number;
  /** Earlier issues of the same series still drafts (`2025年第1期`…), oldest first: publishing this one before them is likely a slip. */
  earlierDrafts: { ref: string; name: string }[];
  /**
   * Re-published: how many differences the version before has from its own
   * sources compiled by this jianbao (compare.ts), i.e. where the new version
   * is laid out otherwise than the old one beyond the erratum.
   */
  rendering?: number;
}

export interface WorkflowCheck {
  /** The day recorded, YYYY-MM-DD (default today in UTC). */
  today?: string;
  /** The content as the project checked it (default: checked here). */
  checked?: CheckResult;
}

const PUBLISHED = ISSUE_STATUSES.find((status) => status.id === 'published')!;

/** Rules that describe the frozen state itself; publish handles these instead of refusing. */
const FROZEN_RULES = new Set([
  'issue/frozen-changed',
  'issue/digest-missing',
  'issue/errata-pending',
  'archive/status-changed',
  'archive/not-archived',
  'archive/entry-deleted',
]);

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/** The start of the line `at` is on, and the end of the line `to - 1` is on (past its newline). */
function wholeLines(yaml: string, at: number, to: number): { start: number; end: number } {
  const start = yaml.lastIndexOf('\n', at - 1) + 1;
  const end = yaml.indexOf('\n', Math.max(at, to - 1));
  return { start, end: end === -1 ? yaml.length : end + 1 };
}

/**
 * The issue file with status published, the old in-file digest (if any)
 * removed: the ledger records it now. Only those two keys' text changes: the
 * status value in place (or a status line added after the last key), the
 * digest block cut out whole; every other byte (comments and their spacing,
 * blank lines, quoting, key order) stays as written.
 */
export function publishedText(text: string): string {
  const split = splitFrontMatter(text);
  if (split.yaml === undefined || split.unclosed) throw new Error('publish: the issue file lost its front matter');
  const yaml = split.yaml;
  const document = parseDocument(yaml);
  const chinese = usesChineseKeys(document);
  const statusText = chinese ? PUBLISHED.name : PUBLISHED.id;
  const status = findPair(document, keySpellingsOf(issueSchema, 'status'));
  const digest = findPair(document, keySpellingsOf(issueSchema, 'digest'));
  const edits: { start: number; end: number; text: string }[] = [];
  const valueRange = (status?.value as Ranged)?.range;
  const keyRange = (status?.key as Ranged)?.range;
  if (valueRange && valueRange[1] > valueRange[0])
    edits.push({ start: valueRange[0], end: valueRange[1], text: statusText });
  else if (status && keyRange) {
    // `状态:` with nothing after it: the line becomes `状态: 已发布`.
    const line = wholeLines(yaml, keyRange[0], keyRange[1]);
    edits.push({ ...line, text: `${yaml.slice(line.start, keyRange[1])}: ${statusText}\n` });
  } else {
    // No status key: a line of its own after the last key's value.
    const items = isMap(document.contents) ? document.contents.items.filter((pair) => pair !== digest) : [];
    const last = items.at(-1);
    const lastEnd = (last?.value as Ranged)?.range?.[1] ?? (last?.key as Ranged)?.range?.[1];
    const lineEnd = lastEnd === undefined ? -1 : yaml.indexOf('\n', Math.max(0, lastEnd - 1));
    const at = lineEnd === -1 ? yaml.length : lineEnd + 1;
    const key = chinese ? chineseKey(issueSchema, 'status') : 'status';
    edits.push({ start: at, end: at, text: `${at > 0 && yaml[at - 1] !== '\n' ? '\n' : ''}${key}: ${statusText}\n` });
  }
  const digestKey = (digest?.key as Ranged)?.range;
  if (digest && digestKey) {
    // From the start of the key's line to the end of its value's last line (comments after it stay).
    edits.push({ ...wholeLines(yaml, digestKey[0], (digest.value as Ranged)?.range?.[1] ?? digestKey[1]), text: '' });
  }
  let next = yaml;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end))
    next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  const lines = text.split('\n');
  const fence = lines[split.bodyLine - 2]!;
  return `${lines[0]}\n${next === '' || next.endsWith('\n') ? next : `${next}\n`}${fence}\n${lines.slice(split.bodyLine - 1).join('\n')}`;
}

/** Publish (or re-publish after an erratum) the issue an ISSUE argument names. */
export async function publishIssue(
  contentDir: string,
  refText: string,
  options: WorkflowCheck = {},
): Promise<PublishResult> {
  const checked = options.checked ?? (await checkContent(contentDir));
  const { content, registry, diagnostics, archive } = checked;
  if (!content.site) {
    throw new WorkflowError('jianbao.yaml 有错误，无法发布', {
      diagnostics: diagnostics.filter((d) => d.severity === 'error' && d.file === SETTINGS_FILES.settings),
    });
  }
  if (archive.diagnostics.some((d) => d.severity === 'error')) {
    throw new WorkflowError('期刊存档（published/）有错误，不能发布', {
      diagnostics: archive.diagnostics.filter((d) => d.severity === 'error'),
      hint: '先从版本库恢复存档文件',
    });
  }
  const issue = findIssue(content, registry, refText);
  const ref = issueRefOf(issue, registry);
  const name = issueName(issue.data.year, issue.data.number, issue.data.kind === 'supplement');
  const byId = entriesById(content.entries);
  const entryFiles = new Set(
    issue.data.entries.map((id) => byId.get(id.normalize('NFC'))?.file ?? `${ENTRIES_DIR}/${id}.md`),
  );
  const settingsFiles = new Set<string>(Object.values(SETTINGS_FILES));
  const concerned = (d: Diagnostic) => d.file === issue.file || entryFiles.has(d.file) || settingsFiles.has(d.file);
  const errors = diagnostics.filter(
    (d) => d.severity === 'error' && concerned(d) && !(d.file === issue.file && FROZEN_RULES.has(d.rule)),
  );
  if (errors.length) {
    throw new WorkflowError(`${name}有错误，不能发布`, {
      diagnostics: errors,
      hint: '改正上面的错误后再运行 jianbao publish',
    });
  }
  // An entry still empty, or only the template's opening, is a warning in check and a refusal here.
  const unedited = diagnostics.filter((d) => d.rule === 'entry/unedited' && entryFiles.has(d.file));
  if (unedited.length) {
    throw new WorkflowError(`${name}有 ${unedited.length} 篇稿件还没有写正文，不能发布`, {
      diagnostics: unedited,
      hint: `写好正文后再运行 jianbao publish；不编入本期的稿件，从 ${issue.file} 的 稿件 中删去`,
    });
  }
  const series = issueSeries(registry, issue);
  const earlierDrafts = content.issues
    .filter((other) => other !== issue && other.data.status === 'draft' && issueSeries(registry, other) === series)
    .filter((other) => (other.data.kind === 'supplement') === (issue.data.kind === 'supplement'))
    .filter(
      (other) =>
        other.data.year < issue.data.year ||
        (other.data.year === issue.data.year && other.data.number < issue.data.number),
    )
    .sort((a, b) => a.data.year - b.data.year || a.data.number - b.data.number)
    .map((other) => ({
      ref: issueRefOf(other, registry),
      name: issueName(other.data.year, other.data.number, other.data.kind === 'supplement'),
    }));

  const { data } = issue;
  const key = archiveKey(issue, registry)!;
  const archived = archive.issues.get(key);
  const compiled = asPublished(compileIssue(issue, content, registry, byId)!);
  const texts = fileTexts(content);
  let outcome: PublishOutcome = 'published';
  let version = 1;
  let changed: string[] | undefined;
  let rendering = 0;
  if (archived?.latest) {
    const latest = archived.latest;
    const missing = latest.issue.entries.filter((entry) => !byId.has(entry.id));
    // Told by the inputs, as check tells it (compare.ts): what a newer jianbao renders differently is no change.
    const compared = await compareWithRecord(latest, issue, { content, registry, byId, texts });
    const changes = compared?.changes ?? [];
    changed = changes.map((change) => change.what);
    rendering = compared?.rendering ?? 0;
    const errataGrew = data.errata.length > latest.issue.errata.length;
    if (changes.length === 0) {
      if (data.status !== 'published')
        await replaceFile(join(contentDir, issue.file), publishedText(fileText(content, issue.file)));
      return {
        outcome: 'unchanged',
        ref,
        name,
        file: issue.file,
        snapshot: archived.record.versions.at(-1)!.file,
        version: latest.version,
        entries: latest.issue.entries.length,
        errata: data.errata.length,
        earlierDrafts,
      };
    }
    if (missing.length > 0) {
      throw new WorkflowError(
        `${name}的稿件文件 ${missing.map((entry) => `entries/${entry.id}.md`).join('、')} 已删除，不能重新发布`,
        { hint: '先从版本库恢复这些稿件文件，再运行 jianbao publish' },
      );
    }
    if (!errataGrew) {
      throw new WorkflowError(`${name}已发布，发布后被修改，不能重新发布：${changesText(changes)}`, {
        hint: '撤销修改，或在 勘误 中加一项 {日期, 说明} 说明更正，再运行 jianbao publish',
      });
    }
    outcome = 'refrozen';
    version = latest.version + 1;
  } else if (data.status === 'published' && data.digest) {
    // Published before the archive existed: archive it as it is, if its old digest still holds.
    const changes = compareDigest(data.digest, computeDigest(issue, byId));
    if (hasChanges(changes) && data.errata.length <= data.digest.errata) {
      throw new WorkflowError(`${name}已发布，发布后被修改，不能重新发布`, {
        diagnostics: validateFrozen(issue, byId, ref),
        hint: '撤销修改，或在 勘误 中加一项 {日期, 说明} 说明更正，再运行 jianbao publish',
      });
    }
    outcome = hasChanges(changes) ? 'refrozen' : 'archived';
  }

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const ledger: Ledger = archive.ledger ?? { format: RECORD_FORMAT, note: LEDGER_NOTE, issues: [] };
  const {
    snapshotFile,
    snapshotText,
    ledger: nextLedger,
  } = prepareVersion({
    key,
    ref,
    version,
    today,
    issue,
    content,
    registry,
    byId,
    compiled,
    ledger,
    texts,
    ...(changed && version > 1 ? { changes: changed } : {}),
  });

  const issuePath = join(contentDir, issue.file);
  const original = fileText(content, issue.file);
  // Snapshot, then ledger, then the issue file: a crash in between leaves a record check reports, never a lost one.
  await writeAtomically(join(contentDir, snapshotFile), snapshotText);
  await writeAtomically(join(contentDir, LEDGER_FILE), canonicalJson(nextLedger));
  await replaceFile(issuePath, publishedText(original));

  // What was written must read back as published and unchanged.
  const again = await checkContent(contentDir);
  const problems = again.diagnostics.filter(
    (d) => d.severity === 'error' && (d.file === issue.file || d.file.startsWith('published/')),
  );
  if (problems.length) {
    throw new WorkflowError(`${name}发布后复核未通过`, {
      diagnostics: problems,
      hint: '请把这个问题报告给 jianbao 的维护者',
    });
  }
  return {
    outcome,
    ref,
    name,
    file: issue.file,
    snapshot: snapshotFile,
    version,
    entries: compiled.entries.length,
    errata: data.errata.length,
    earlierDrafts,
    ...(rendering ? { rendering } : {}),
  };
}

export interface MigrationResult {
  archived: PublishResult[];
  /** Archived issues whose newest record now keeps its sources (records.ts), the files reproducing it exactly. */
  sourced: { ref: string; name: string; snapshot: string }[];
  /** Issues whose old digest no longer holds: not archived, with check's account of the change. */
  refused: { ref: string; name: string; diagnostics: Diagnostic[] }[];
}

/**
 * The one-time migration: every issue published with the old in-file digest
 * and not yet in the ledger is archived as it is now, if its digest still
 * holds (or an erratum explains the change). One check before, one after,
 * one ledger write, however many issues.
 */
export async function archiveLegacyIssues(contentDir: string, options: WorkflowCheck = {}): Promise<MigrationResult> {
  const { content, registry, archive } = options.checked ?? (await checkContent(contentDir));
  if (!content.site) throw new WorkflowError('jianbao.yaml 有错误，无法建立存档');
  if (archive.diagnostics.some((d) => d.severity === 'error')) {
    throw new WorkflowError('期刊存档（published/）有错误，不能建立存档', {
      diagnostics: archive.diagnostics.filter((d) => d.severity === 'error'),
      hint: '先从版本库恢复存档文件',
    });
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const byId = entriesById(content.entries);
  const texts = fileTexts(content);
  let ledger: Ledger = archive.ledger ?? { format: RECORD_FORMAT, note: LEDGER_NOTE, issues: [] };
  const result: MigrationResult = { archived: [], refused: [], sourced: [] };
  const writes: { path: string; text: string }[] = [];
  for (const issue of content.issues) {
    const key = archiveKey(issue, registry);
    if (issue.data.status !== 'published' || !issue.data.digest || !key || archive.issues.has(key)) continue;
    const ref = issueRefOf(issue, registry);
    const name = issueName(issue.data.year, issue.data.number);
    const changed = hasChanges(compareDigest(issue.data.digest, computeDigest(issue, byId)));
    if (changed && issue.data.errata.length <= issue.data.digest.errata) {
      result.refused.push({ ref, name, diagnostics: validateFrozen(issue, byId, ref) });
      continue;
    }
    const compiled = asPublished(compileIssue(issue, content, registry, byId)!);
    const prepared = prepareVersion({
      key,
      ref,
      version: 1,
      today,
      issue,
      content,
      registry,
      byId,
      compiled,
      ledger,
      texts,
    });
    ledger = prepared.ledger;
    writes.push({ path: prepared.snapshotFile, text: prepared.snapshotText });
    writes.push({ path: issue.file, text: publishedText(fileText(content, issue.file)) });
    result.archived.push({
      outcome: 'archived',
      ref,
      name,
      file: issue.file,
      snapshot: prepared.snapshotFile,
      version: 1,
      entries: compiled.entries.length,
      errata: issue.data.errata.length,
      earlierDrafts: [],
    });
  }
  // Records written before sources were kept: the newest gets them when today's files compile to it exactly.
  for (const [key, item] of archive.issues) {
    const latest = item.latest;
    const issue = content.issues.find((candidate) => archiveKey(candidate, registry) === key);
    if (!latest || latest.sources || !issue || issue.data.status !== 'published') continue;
    if (latest.issue.entries.some((entry) => !byId.has(entry.id))) continue;
    const now = currentRecord(issue, content, registry, byId);
    if (!now || describeChanges(comparableRecord(latest.issue, byId), now).length > 0) continue;
    const { issue: printed, ...fields } = latest;
    const text = canonicalJson({ ...fields, sources: issueSources(issue, byId, texts), issue: printed });
    const file = item.record.versions.at(-1)!.file;
    writes.push({ path: file, text });
    ledger = {
      ...ledger,
      issues: ledger.issues.map((entry) =>
        entry.key === key
          ? { ...entry, versions: entry.versions.map((v) => (v.file === file ? { ...v, digest: sha256(text) } : v)) }
          : entry,
      ),
    };
    result.sourced.push({ ref: item.record.ref, name: issueName(issue.data.year, issue.data.number), snapshot: file });
  }
  if (writes.length === 0) return result;
  for (const write of writes.filter((item) => item.path.startsWith('published/')))
    await writeAtomically(join(contentDir, write.path), write.text);
  await writeAtomically(join(contentDir, LEDGER_FILE), canonicalJson(ledger));
  for (const write of writes.filter((item) => !item.path.startsWith('published/')))
    await replaceFile(join(contentDir, write.path), write.text);
  const again = await checkContent(contentDir);
  const problems = again.diagnostics.filter(
    (d) =>
      d.severity === 'error' &&
      (d.rule.startsWith('archive/') || d.rule.startsWith('issue/frozen') || d.rule === 'issue/digest-missing'),
  );
  if (problems.length)
    throw new WorkflowError('建立存档后复核未通过', {
      diagnostics: problems,
      hint: '请把这个问题报告给 jianbao 的维护者',
    });
  return result;
}

/** A new version of an issue's record: the snapshot's path and text, and the ledger listing it. */
function prepareVersion(input: {
  key: string;
  ref: string;
  version: number;
  today: string;
  issue: IssueRecord;
  content: LoadedContent;
  registry: Registry;
  byId: Map<string, EntryRecord>;
  compiled: CompiledIssue;
  ledger: Ledger;
  texts: Map<string, string>;
  /** What the clerk changed against the version before (compare.ts), for the history. */
  changes?: string[];
}): { snapshotFile: string; snapshotText: string; ledger: Ledger } {
  const { key, ref, version, today, issue, compiled, ledger } = input;
  const sources = issueSources(issue, input.byId, input.texts, publishedText(fileText(input.content, issue.file)));
  const snapshot: Snapshot = {
    format: RECORD_FORMAT,
    key,
    version,
    publishedOn: today,
    inputs: inputsDigest(issue, input.content, input.registry, input.byId),
    sources,
    ...(input.changes ? { changes: input.changes } : {}),
    issue: compiled,
  };
  const snapshotFile = snapshotPath(key, version);
  const snapshotText = canonicalJson(snapshot);
  const versionRecord = {
    version,
    file: snapshotFile,
    digest: sha256(snapshotText),
    publishedOn: today,
    errata: issue.data.errata.length,
  };
  const title = `${compiled.series.name} ${issueName(issue.data.year, issue.data.number)}`;
  const existing = ledger.issues.find((item) => item.key === key);
  return {
    snapshotFile,
    snapshotText,
    ledger: {
      ...ledger,
      issues: existing
        ? ledger.issues.map((item) =>
            item === existing ? { ...item, ref, title, versions: [...item.versions, versionRecord] } : item,
          )
        : sortLedger([...ledger.issues, { key, ref, title, versions: [versionRecord] }]),
    },
  };
}

/** The text of a content file as check read it: decoded, LF line ends. */
function fileText(content: { files: { path: string; text: string }[] }, path: string): string {
  return content.files.find((file) => file.path === path)!.text;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await replaceFile(path, text);
}

/** Ledger issues by series, year, number. */
function sortLedger(issues: Ledger['issues']): Ledger['issues'] {
  const parts = (key: string) => key.split('/');
  return [...issues].sort((a, b) => {
    const [sa, ya, na] = parts(a.key);
    const [sb, yb, nb] = parts(b.key);
    return sa!.localeCompare(sb!) || Number(ya) - Number(yb) || Number(na) - Number(nb);
  });
}
