/**
 * A recheck after a few entry or issue files were modified in place (the
 * studio saved one, `jianbao dev` saw one change), patched onto the last
 * check's result instead of computed again over the whole content.
 *
 * Every finding of a check belongs to one file (an entry's own rules, its
 * lint, whether it is pending; an issue's membership, numbering, archive
 * comparison…), and the last check kept them in those pieces (validate/,
 * archive/compare.ts, check.ts). Only the pieces a modified file can
 * change are computed again: the file's own load and rules; for an entry,
 * the membership, old-digest and archive comparison of the issues listing
 * it; for an issue, its own rules, the numbering, and the membership of
 * every issue listing one of the entries it listed or lists now (an entry
 * belongs to the first issue listing it). The rest is the last check's.
 *
 * Whatever this cannot patch exactly — a file added, deleted or renamed, a
 * settings file or published/ changed, an image, a file now failing to
 * load that loaded or the other way round, an issue whose key changed —
 * returns undefined, and the caller runs the whole check (check.ts). The
 * result is the very same as a fresh check's (test/core/recheck.test.ts).
 */
import type { ArchiveCheck, ArchivePieces } from './archive/compare.ts';
import { archiveKey, compareIssue, flattenArchive, notArchivedRule, sourcesDiffer } from './archive/compare.ts';
import { fileTexts, RecordedSources } from './archive/sources.ts';
import type { CheckResult } from './check.ts';
import { lintInputs, memoisedIds, passMemo, type CheckState } from './check-state.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import {
  loadPart,
  markdownLoad,
  NOT_LISTED,
  type EntryRecord,
  type IssueRecord,
  type LoadedContent,
  type LoadIndex,
  type LoadPart,
  type MarkdownLoad,
} from './load/content.ts';
import { isRacy, sameStamp } from './load/file-states.ts';
import { findImages, ImageReader } from './load/images.ts';
import { isIgnoredName, SETTINGS_FILES } from './paths.ts';
import { frozenEntryIds, lintEntry } from './text/lint.ts';
import {
  entryOwnRules,
  flattenValidate,
  frozenRules,
  issueOwnRules,
  numberingOf,
  unreadableEntries,
  type ValidatePieces,
} from './validate/index.ts';
import { issueMembership, pendingRule, placingOrder } from './validate/membership.ts';

/** What the last check of a project was made of (in memory only: check-state.ts `last`). */
export interface LastCheck {
  result: CheckResult;
  load: LoadIndex;
  validate: ValidatePieces;
  archive: Omit<ArchiveCheck, 'diagnostics'>;
  /** Lint findings (as warnings) by entry file, and the entries of published issues (not linted). */
  lint: Map<string, Diagnostic[]>;
  frozen: Set<string>;
  byId: Map<string, EntryRecord>;
  /** The issues listing each entry id, in placing order (made on first use). */
  listers?: Map<string, IssueRecord[]>;
  /** Every file's text, by path (made on first use: the archive comparison's sources). */
  texts?: Map<string, string>;
}

/** The issues listing each entry id (NFC), in the order they place their entries. */
function listersOf(issues: IssueRecord[], state: CheckState): Map<string, IssueRecord[]> {
  const passes = passMemo(state);
  const listers = new Map<string, IssueRecord[]>();
  for (const issue of [...issues].sort(placingOrder)) {
    for (const id of memoisedIds(issue, passes)) {
      const known = listers.get(id);
      if (!known) listers.set(id, [issue]);
      else if (known.at(-1) !== issue) known.push(issue);
    }
  }
  return listers;
}

function put(pieces: Map<string, Diagnostic[]>, key: string, found: Diagnostic[]): void {
  if (found.length) pieces.set(key, found);
  else pieces.delete(key);
}

const SETTINGS_PATHS: readonly string[] = Object.values(SETTINGS_FILES);

/** One modified file: its place in the load, and what it gives now and gave then. */
interface Modified {
  at: number;
  load: MarkdownLoad<unknown>;
  part: LoadPart;
  before: LoadPart;
}

/**
 * The check after `changed` (paths relative to the content directory, the
 * only ones that may differ since the last check), patched onto the last
 * check; undefined when it cannot be patched exactly (then check again whole).
 */
export async function patchCheck(state: CheckState, changed: ReadonlySet<string>): Promise<CheckResult | undefined> {
  const last = state.last;
  // Consumed: put back (renewed) only when patched, so that a failure midway leaves no stale pieces.
  state.last = undefined;
  if (!last) return undefined;
  const { result, load: index } = last;
  const source = result.content.source;
  if (!source.stamps) return undefined;
  const states = state.files;

  // The entry and issue files to look at: those told, and those racy when last stamped.
  const look = new Set<number>();
  const positions = (index.at ??= new Map(index.paths.map((path, at) => [path, at])));
  for (const path of changed) {
    const at = positions.get(path);
    if (at !== undefined) look.add(at);
    // Never listed, never an image: a save's temporary file, an editor's backup.
    else if (!(path.split('/').some(isIgnoredName) && !NOT_LISTED.test(path))) return undefined;
  }
  for (const path of states.racy()) {
    const at = positions.get(path);
    if (at !== undefined) look.add(at);
    else if (!SETTINGS_PATHS.includes(path)) return undefined; // an archive record, the ledger
  }
  const places = [...look];
  const paths = places.map((at) => index.paths[at]!);
  states.startLoad();
  const stampedAt = Date.now();
  const stamps = await source.stamps([...SETTINGS_PATHS, ...paths]);
  // The settings: stamped every time, unchanged (else everything may differ).
  for (let at = 0; at < SETTINGS_PATHS.length; at++) {
    const before = index.settingsStamps[at];
    const now = stamps[at];
    if (!before !== !now) return undefined;
    if (before && (before.outside || !sameStamp(before, now!) || isRacy(before, index.stampedAt))) return undefined;
  }
  const modified: Modified[] = [];
  for (let k = 0; k < paths.length; k++) {
    const at = places[k]!;
    const path = paths[k]!;
    const stamp = stamps[SETTINGS_PATHS.length + k];
    if (!stamp || stamp.outside) return undefined; // deleted, a folder now, a link out of the content
    const was = index.loads[at]!;
    let load = states.take<MarkdownLoad<unknown>>(path, stamp);
    if (load === was) continue;
    if (!load) {
      load = markdownLoad(await source.read(path), at < index.entryCount);
      states.keep(path, stamp, stampedAt, load);
    }
    const before = index.parts[at]!;
    const part = loadPart(load, before.id);
    state.recheck.records.set(load, part);
    // The same files in the content, the same records in its lists: else the lists themselves change.
    if (index.twin[at] || !load.read.source !== !was.read.source || !part.record !== !before.record) return undefined;
    modified.push({ at, load, part, before });
  }
  if (modified.length === 0) {
    state.last = last;
    return result;
  }

  // The content with the modified files' records in their places.
  const previous = result.content;
  const files = previous.files.slice();
  const entries = previous.entries.slice();
  const issues = previous.issues.slice();
  const loads = index.loads.slice();
  const parts = index.parts.slice();
  const pathDiagnostics = index.diagnostics.slice();
  const entryChanges: { before: EntryRecord; now: EntryRecord }[] = [];
  const issueChanges: { before: IssueRecord; now: IssueRecord }[] = [];
  const reader = new ImageReader(source);
  for (const { at, load, part, before } of modified) {
    files[index.fileAt[at]!] = load.read.source!;
    loads[at] = load;
    parts[at] = part;
    const reported = [...load.read.diagnostics, ...part.diagnostics];
    pathDiagnostics[at] = reported.length ? reported : undefined;
    if (!part.record) continue;
    if (at < index.entryCount) {
      const entry = part.record as EntryRecord;
      const found = (load.images ??= findImages(entry.body));
      entry.images = found.length ? await reader.references(entry.file, entry.body, entry.bodyLine, found) : [];
      entries[index.recordAt[at]!] = entry;
      entryChanges.push({ before: before.record as EntryRecord, now: entry });
    } else {
      issues[index.recordAt[at]!] = part.record as IssueRecord;
      issueChanges.push({ before: before.record as IssueRecord, now: part.record as IssueRecord });
    }
  }
  const diagnostics = previous.diagnostics.slice(0, index.head);
  for (const reported of pathDiagnostics) if (reported) diagnostics.push(...reported);
  const content: LoadedContent = { ...previous, files, entries, issues, diagnostics };
  const { registry, archive } = result;
  const facts = last.archive;

  // What else could differ, found before anything kept is changed.
  const unreadable = unreadableEntries(content, last.byId);
  if (
    unreadable.size !== last.validate.unreadable.size ||
    [...unreadable].some((id) => !last.validate.unreadable.has(id))
  )
    return undefined;
  for (const { before, now } of issueChanges)
    if (archiveKey(before, registry) !== archiveKey(now, registry)) return undefined;

  const byId = last.byId;
  for (const { now } of entryChanges) byId.set(now.id, now);
  if (last.texts) for (const { load } of modified) last.texts.set(load.read.source!.path, load.read.source!.text);

  // Who is affected: the issues listing a modified entry; a modified issue, and the issues listing what it lists or listed.
  const listersThen = (last.listers ??= listersOf(previous.issues, state));
  const listers = issueChanges.length ? listersOf(issues, state) : listersThen;
  const renewed = new Map<IssueRecord, IssueRecord>(issueChanges.map(({ before, now }) => [before, now]));
  const placing = new Set<IssueRecord>();
  const comparing = new Set<IssueRecord>();
  const ids = new Set<string>();
  for (const { now } of entryChanges) {
    ids.add(now.id);
    for (const issue of listers.get(now.id) ?? []) {
      placing.add(issue);
      comparing.add(issue);
    }
  }
  const passes = passMemo(state);
  for (const { before, now } of issueChanges) {
    placing.add(now);
    comparing.add(now);
    for (const id of [...memoisedIds(before, passes), ...memoisedIds(now, passes)]) {
      ids.add(id);
      for (const issue of listersThen.get(id) ?? []) placing.add(renewed.get(issue) ?? issue);
      for (const issue of listers.get(id) ?? []) placing.add(issue);
    }
  }

  // The cross-file rules (validate/): the affected pieces only.
  const was = last.validate;
  const pieces: ValidatePieces = {
    head: was.head,
    entries: new Map(was.entries),
    issues: new Map(was.issues),
    numbering: issueChanges.length ? numberingOf(issues, registry) : was.numbering,
    membership: { issues: new Map(was.membership.issues), pending: new Map(was.membership.pending) },
    frozen: new Map(was.frozen),
    unreadable: was.unreadable,
  };
  for (const { now } of entryChanges) put(pieces.entries, now.file, entryOwnRules(now, registry));
  for (const { now } of issueChanges) put(pieces.issues, now.file, issueOwnRules(now, registry));
  for (const issue of placing) {
    // Where each entry was placed before this issue: by the first issue listing it, when that is not this one.
    const placed = {
      get(id: string) {
        const first = listers.get(id)?.[0];
        return first !== issue ? first : undefined;
      },
    };
    const listed = memoisedIds(issue, passes).map((id) => byId.get(id));
    put(
      pieces.membership.issues,
      issue.file,
      issueMembership(issue, listed, byId, registry, facts, content.unlistedEntryFolders ?? [], unreadable, placed),
    );
    put(pieces.frozen, issue.file, frozenRules(issue, registry, byId, facts));
  }
  for (const id of ids) {
    const entry = byId.get(id);
    if (entry)
      put(pieces.membership.pending, entry.file, [
        ...pendingRule(entry, listers.has(id) || facts.archivedEntries.has(id)),
      ]);
  }

  // The archive comparison (archive/compare.ts): the affected issues in the ledger.
  const then = facts.pieces;
  const archivePieces: ArchivePieces = {
    head: then.head,
    byKey: new Map(then.byKey),
    notArchived: new Map(then.notArchived),
    fileOf: new Map(then.fileOf),
    differing: new Set(then.differing),
  };
  for (const { before, now } of issueChanges) {
    const key = archiveKey(now, registry);
    if (key && archivePieces.fileOf.get(key) === before) archivePieces.fileOf.set(key, now);
    put(archivePieces.notArchived, now.file, notArchivedRule(now, registry, archive, facts.archivedFiles));
  }
  const keys: string[] = [];
  for (const issue of comparing) {
    const key = archiveKey(issue, registry);
    if (key && archive.issues.has(key) && archivePieces.fileOf.get(key) === issue) keys.push(key);
  }
  if (keys.length) {
    const texts = (last.texts ??= fileTexts(content));
    for (const key of keys) {
      const sources = archive.issues.get(key)!.latest?.sources;
      const issue = archivePieces.fileOf.get(key)!;
      if (sources && sourcesDiffer(sources, issue, byId, texts)) archivePieces.differing.add(key);
      else archivePieces.differing.delete(key);
    }
    const differing = [...archivePieces.differing];
    const recorded = new RecordedSources(differing.map((key) => [key, archive.issues.get(key)!.latest!.sources!]));
    for (const key of keys) {
      const found = await compareIssue(archive.issues.get(key)!, archivePieces.fileOf.get(key)!, {
        content,
        registry,
        byId,
        texts,
        recorded,
        sourcesDiffer: archivePieces.differing.has(key),
        memo: state.inputs,
      });
      put(archivePieces.byKey, key, found);
    }
  }

  // Lint (check.ts lintFindings): the modified entries, and those an issue's publishing froze or thawed.
  const lint = new Map(last.lint);
  const linting = new Set(entryChanges.map(({ now }) => now));
  let frozen = last.frozen;
  if (issueChanges.length) {
    const now = frozenEntryIds(content);
    for (const id of now) if (!frozen.has(id)) linting.add(byId.get(id)!);
    for (const id of frozen) if (!now.has(id)) linting.add(byId.get(id)!);
    frozen = now;
  }
  for (const entry of linting) {
    if (!entry) continue;
    if (frozen.has(entry.id)) {
      lint.delete(entry.file);
      continue;
    }
    const found = lintEntry(entry, registry);
    const settings = [content.site, content.units, content.people, content.recipients];
    state.lint.set(entry.file, { from: lintInputs(entry, settings), found });
    put(
      lint,
      entry.file,
      found.map((d): Diagnostic => ({ ...d, severity: 'warning' })),
    );
  }

  const all = sortDiagnostics([
    ...content.diagnostics,
    ...flattenValidate(pieces),
    ...flattenArchive(archivePieces),
    ...[...lint.values()].flat(),
  ]);
  const errors = all.filter((d) => d.severity === 'error').length;
  const patched: CheckResult = { content, registry, archive, diagnostics: all, errors, warnings: all.length - errors };
  state.last = {
    result: patched,
    load: { ...index, loads, parts, diagnostics: pathDiagnostics },
    validate: pieces,
    archive: { ...facts, pieces: archivePieces },
    lint,
    frozen,
    byId,
    listers,
    ...(last.texts ? { texts: last.texts } : {}),
  };
  return patched;
}
