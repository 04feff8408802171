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
 * An entry file added (the clerk's new entry) or deleted is patched too: it
 * is put into (or taken out of) the listing in its sorted place, its id
 * checked against the files with the same id after NFC (the twin rule), and
 * every piece an entry's coming or going can change is computed again — the
 * issues listing its id (a missing entry found, or one gone missing), the
 * "did you mean" of the missing ids near it (same folder, same file name),
 * its own rules, lint and pending state, and the archive comparison of the
 * published issues whose records list it.
 *
 * So is an entry file now failing to load that loaded or the other way round,
 * and the twin of another entry modified: the same as a file gone or come.
 *
 * Whatever this cannot patch exactly — an issue file added, deleted or no
 * longer loading, a folder, a settings file or published/ changed, an
 * image, an issue whose key changed — returns undefined, and the caller runs the whole check
 * (check.ts). The result is the very same as a fresh check's
 * (test/core/recheck.test.ts).
 */
import type { ArchiveCheck, ArchivePieces } from './archive/compare.ts';
import { archiveKey, compareIssue, flattenArchive, notArchivedRule, sourcesDiffer } from './archive/compare.ts';
import { fileTexts, RecordedSources } from './archive/sources.ts';
import type { CheckResult } from './check.ts';
import { lintInputs, memoisedIds, passMemo, type CheckState } from './check-state.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import {
  duplicateIdDiagnostic,
  loadPart,
  markdownLoad,
  newLoadIndex,
  NOT_LISTED,
  type EntryRecord,
  type IssueRecord,
  type LoadedContent,
  type LoadIndex,
  type LoadPart,
  type MarkdownLoad,
  type SourceFile,
} from './load/content.ts';
import { isRacy, sameStamp } from './load/file-states.ts';
import { findImages, ImageReader } from './load/images.ts';
import { ENTRIES_DIR, entryIdFromPath, isIgnoredName, SETTINGS_FILES } from './paths.ts';
import type { ContentSource } from './source/source.ts';
import { frozenEntryIds, lintEntry } from './text/lint.ts';
import {
  entryOwnRules,
  flattenValidate,
  frozenRules,
  issueOwnRules,
  numberingOf,
  entriesById,
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

/** An entry file's path the listing of entries/ would hold: a Markdown file under entries/ in no ignored folder. */
function isEntryFile(path: string): boolean {
  return path.startsWith(`${ENTRIES_DIR}/`) && path.toLowerCase().endsWith('.md');
}

/** Whether nothing (no file, folder or link) is at `path` now, its folder being there and listed. */
async function isGone(source: ContentSource, path: string): Promise<boolean> {
  const slash = path.lastIndexOf('/');
  const names = await source.list(path.slice(0, slash), { recursive: false });
  // An empty answer may be a folder gone or unreadable: not proof of one file deleted.
  return names.length > 0 && !names.includes(path.slice(slash + 1));
}

/** An entry file added since the last check: its load and what it gives the content. */
interface Added {
  path: string;
  load: MarkdownLoad<unknown>;
  part: LoadPart;
}

/** How the content is assembled from its entry and issue files after some were added or deleted. */
type Layout = Pick<
  LoadIndex,
  'paths' | 'entryCount' | 'loads' | 'parts' | 'twin' | 'diagnostics' | 'fileAt' | 'recordAt'
> & {
  files: SourceFile[];
  entries: EntryRecord[];
  /** The entries whose images are to be looked at (new in the content). */
  looking: { entry: EntryRecord; load: MarkdownLoad<unknown> }[];
};

/**
 * The paths with `added` put in their sorted places and `deleted` taken
 * out, assembled as loadContent assembles them: the twin rule decided again
 * for the paths whose id is one of `affected` (the ids of the files added
 * or deleted: no other path's can change), the rest as they were.
 */
function restructure(
  index: LoadIndex,
  now: Pick<Layout, 'loads' | 'parts' | 'diagnostics'>,
  headFiles: SourceFile[],
  added: Added[],
  deleted: ReadonlySet<number>,
  affected: ReadonlySet<string>,
): Layout {
  // The entry paths, merged in the listing's order (code units); then the issue paths as they were.
  const order: (number | Added)[] = [];
  const adding = [...added].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let next = 0;
  for (let at = 0; at < index.entryCount; at++) {
    while (next < adding.length && adding[next]!.path < index.paths[at]!) order.push(adding[next++]!);
    if (!deleted.has(at)) order.push(at);
  }
  while (next < adding.length) order.push(adding[next++]!);
  const entryCount = order.length;
  for (let at = index.entryCount; at < index.paths.length; at++) order.push(at);

  const paths = order.map((item) => (typeof item === 'number' ? index.paths[item]! : item.path));
  const loads = order.map((item) => (typeof item === 'number' ? now.loads[item]! : item.load));
  const layout: Layout = {
    ...newLoadIndex(paths, entryCount, loads, index.head, index.stampedAt, index.settingsStamps),
    files: headFiles,
    entries: [],
    looking: [],
  };
  const firstOf = new Map<string, string>();
  for (let at = 0; at < order.length; at++) {
    const item = order[at]!;
    const was = typeof item === 'number' ? item : undefined;
    const path = paths[at]!;
    const load = loads[at]!;
    const part = was === undefined ? (item as Added).part : now.parts[was]!;
    layout.parts[at] = part;
    const { read } = load;
    let twin: boolean;
    if (at < entryCount && part.id !== undefined && affected.has(part.id)) {
      // As loadContent decides it: the first readable file with the id is the entry, the others its twins.
      const reported = [...read.diagnostics];
      const earlier = read.source ? firstOf.get(part.id) : undefined;
      twin = earlier !== undefined;
      if (read.source && !twin) firstOf.set(part.id, path);
      if (twin) reported.push(duplicateIdDiagnostic(read.source!.path, earlier!));
      else if (read.source) reported.push(...part.diagnostics);
      layout.diagnostics[at] = reported.length ? reported : undefined;
      if (read.source && !twin && part.record) layout.looking.push({ entry: part.record as EntryRecord, load });
    } else {
      twin = index.twin[was!]!;
      layout.diagnostics[at] = now.diagnostics[was!];
    }
    layout.twin[at] = twin;
    if (!read.source || twin) continue;
    layout.fileAt[at] = layout.files.length;
    layout.files.push(read.source);
    if (!part.record) continue;
    if (at < entryCount) {
      layout.recordAt[at] = layout.entries.length;
      layout.entries.push(part.record as EntryRecord);
    } else layout.recordAt[at] = index.recordAt[was!]!;
  }
  return layout;
}

/** An entry's images, looked at now (an image changes without its entry changing), as loadContent does. */
async function lookAtImages(reader: ImageReader, entry: EntryRecord, load: MarkdownLoad<unknown>): Promise<void> {
  const found = (load.images ??= findImages(entry.body));
  entry.images = found.length ? await reader.references(entry.file, entry.body, entry.bodyLine, found) : [];
}

/** `entries/2025/09/检查` → its folder (`entries/2025/09/`) and file name (`检查`). */
function folderAndName(id: string): [string, string] {
  const slash = id.lastIndexOf('/');
  return [id.slice(0, slash + 1), id.slice(slash + 1)];
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
  const listings = state.recheck.listings;
  const unlisted = result.content.unlistedEntryFolders ?? [];

  // The entry and issue files to look at: those told, and those racy when last stamped; entry files told that are new.
  const look = new Set<number>();
  const adding: string[] = [];
  const positions = (index.at ??= new Map(index.paths.map((path, at) => [path, at])));
  for (const path of changed) {
    const at = positions.get(path);
    if (at !== undefined) look.add(at);
    // Never listed, never an image: a save's temporary file, an editor's backup.
    else if (path.split('/').some(isIgnoredName) && !NOT_LISTED.test(path)) continue;
    // A new entry file, in a folder listed before (the listing is the last one's, this file put in).
    else if (
      isEntryFile(path) &&
      listings?.[0].paths.length === index.entryCount &&
      !unlisted.some((folder) => path.slice(ENTRIES_DIR.length + 1).startsWith(folder))
    )
      adding.push(path);
    else return undefined;
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
  const stamps = await source.stamps([...SETTINGS_PATHS, ...paths, ...adding]);
  // The settings: stamped every time, unchanged (else everything may differ).
  for (let at = 0; at < SETTINGS_PATHS.length; at++) {
    const before = index.settingsStamps[at];
    const now = stamps[at];
    if (!before !== !now) return undefined;
    if (before && (before.outside || !sameStamp(before, now!) || isRacy(before, index.stampedAt))) return undefined;
  }
  const modified: Modified[] = [];
  const reassembled: Modified[] = [];
  const deleted = new Set<number>();
  for (let k = 0; k < paths.length; k++) {
    const at = places[k]!;
    const path = paths[k]!;
    const stamp = stamps[SETTINGS_PATHS.length + k];
    if (!stamp) {
      // An entry file deleted: nothing at all at its path now (not a folder, not a link).
      if (at < index.entryCount && (await isGone(source, path))) {
        deleted.add(at);
        continue;
      }
      return undefined; // a folder now, an issue file deleted
    }
    if (stamp.outside) return undefined; // a link out of the content
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
    // The same files in the content, the same records in its lists: else the lists themselves change
    // (for an entry, assembled again as when files come or go: a twin, a record come or gone).
    if (index.twin[at] || !load.read.source !== !was.read.source || !part.record !== !before.record) {
      if (at >= index.entryCount) return undefined;
      reassembled.push({ at, load, part, before });
    } else modified.push({ at, load, part, before });
  }
  const added: Added[] = [];
  for (let k = 0; k < adding.length; k++) {
    const path = adding[k]!;
    const stamp = stamps[SETTINGS_PATHS.length + paths.length + k];
    // A file (as the listing would find it: not a folder, not a link out of the content).
    const info = stamp && (await source.stat(path));
    if (!stamp || !info || info.outside) return undefined;
    const load = markdownLoad(await source.read(path), true);
    states.keep(path, stamp, stampedAt, load);
    const part = loadPart(load, entryIdFromPath(path.slice(ENTRIES_DIR.length + 1)));
    state.recheck.records.set(load, part);
    added.push({ path, load, part });
  }
  const structural = added.length > 0 || deleted.size > 0 || reassembled.length > 0;
  if (modified.length === 0 && !structural) {
    state.last = last;
    return result;
  }

  // The content with the modified files' records in their places.
  const previous = result.content;
  let files = previous.files.slice();
  let entries = previous.entries.slice();
  const issues = previous.issues.slice();
  let loads = index.loads.slice();
  let parts = index.parts.slice();
  let pathDiagnostics = index.diagnostics.slice();
  const entryChanges: { id: string; before: EntryRecord | undefined; now: EntryRecord | undefined }[] = [];
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
      await lookAtImages(reader, entry, load);
      entries[index.recordAt[at]!] = entry;
      entryChanges.push({ id: entry.id, before: before.record as EntryRecord, now: entry });
    } else {
      issues[index.recordAt[at]!] = part.record as IssueRecord;
      issueChanges.push({ before: before.record as IssueRecord, now: part.record as IssueRecord });
    }
  }

  // Entry files added or deleted: the paths assembled again, the records of their ids compared.
  let layout: Pick<LoadIndex, 'paths' | 'entryCount' | 'twin' | 'fileAt' | 'recordAt'> = index;
  let byId = last.byId;
  if (structural) {
    const affected = new Set<string>();
    for (const { part } of added) affected.add(part.id!);
    for (const at of deleted) affected.add(index.parts[at]!.id!);
    for (const { at, load, part } of reassembled) {
      loads[at] = load;
      parts[at] = part;
      affected.add(part.id!);
    }
    const pathFiles = index.fileAt.reduce((count, at) => (at >= 0 ? count + 1 : count), 0);
    const made = restructure(
      index,
      { loads, parts, diagnostics: pathDiagnostics },
      files.slice(0, files.length - pathFiles),
      added,
      deleted,
      affected,
    );
    for (const { entry, load } of made.looking) await lookAtImages(reader, entry, load);
    ({ files, entries, loads, parts } = made);
    pathDiagnostics = made.diagnostics;
    layout = made;
    // In the content's order: the "did you mean" of a missing id takes the first of equally close ones.
    byId = entriesById(entries);
    for (const id of affected) {
      const before = last.byId.get(id);
      const now = byId.get(id);
      if (before !== now && !entryChanges.some((change) => change.id === id)) entryChanges.push({ id, before, now });
    }
  }
  const diagnostics = previous.diagnostics.slice(0, index.head);
  for (const reported of pathDiagnostics) if (reported) diagnostics.push(...reported);
  const content: LoadedContent = { ...previous, files, entries, issues, diagnostics };
  const { registry, archive } = result;
  const facts = last.archive;

  // What else could differ, found before anything kept is changed.
  const unreadable = unreadableEntries(content, byId);
  const unreadableChanged = new Set<string>();
  for (const id of unreadable) if (!last.validate.unreadable.has(id)) unreadableChanged.add(id);
  for (const id of last.validate.unreadable) if (!unreadable.has(id)) unreadableChanged.add(id);
  // A file that did not load now loading (or the other way round) is a record come or gone: whole again.
  if (unreadableChanged.size && !structural) return undefined;
  for (const { before, now } of issueChanges)
    if (archiveKey(before, registry) !== archiveKey(now, registry)) return undefined;

  if (!structural) for (const { now } of entryChanges) byId.set(now!.id, now!);
  // Every file's text: kept up to date for files modified in place, made again (when needed) after files came or went.
  if (structural) last.texts = undefined;
  else if (last.texts) for (const { load } of modified) last.texts.set(load.read.source!.path, load.read.source!.text);
  if (structural) {
    // What the next load starts from: the listing with the files put in and taken out, the deleted files forgotten.
    const entryPaths = layout.paths.slice(0, layout.entryCount).map((path) => path.slice(ENTRIES_DIR.length + 1));
    state.recheck.listings = [{ ...listings![0], paths: entryPaths }, listings![1]];
    for (const at of deleted) {
      states.forget(index.paths[at]!);
      state.lint.delete(index.paths[at]!);
    }
  }

  // Who is affected: the issues listing a modified entry; a modified issue, and the issues listing what it lists or listed.
  const listersThen = (last.listers ??= listersOf(previous.issues, state));
  const listers = issueChanges.length ? listersOf(issues, state) : listersThen;
  const renewed = new Map<IssueRecord, IssueRecord>(issueChanges.map(({ before, now }) => [before, now]));
  const placing = new Set<IssueRecord>();
  const comparing = new Set<IssueRecord>();
  const ids = new Set<string>();
  for (const { id } of entryChanges) {
    ids.add(id);
    for (const issue of listers.get(id) ?? []) {
      placing.add(issue);
      comparing.add(issue);
    }
  }
  // An entry come or gone: the published issues whose records list it compare it again (their records keep its text),
  // and the missing ids near it may now be thought to mean another.
  const cameOrWent = entryChanges.filter(({ before, now }) => !before !== !now).map(({ id }) => id);
  for (const id of cameOrWent) {
    if (facts.archivedEntries.has(id))
      for (const [key, archived] of archive.issues) {
        const issue = facts.pieces.fileOf.get(key);
        if (issue && archived.entries.includes(id)) comparing.add(renewed.get(issue) ?? issue);
      }
  }
  if (cameOrWent.length) {
    const near = cameOrWent.map(folderAndName);
    for (const [id, listing] of listers) {
      if (byId.has(id)) continue;
      const [folder, name] = folderAndName(id);
      if (near.some(([other, otherName]) => other === folder || otherName === name))
        for (const issue of listing) placing.add(issue);
    }
  }
  // An entry that did not load (or did and now does not): not missing from the issues listing it.
  for (const id of unreadableChanged) for (const issue of listers.get(id) ?? []) placing.add(issue);
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
    unreadable: unreadableChanged.size ? unreadable : was.unreadable,
  };
  const lint = new Map(last.lint);
  for (const { before, now } of entryChanges) {
    // An entry gone (or now another file's): its file's pieces go with it.
    if (before && before.file !== now?.file) {
      pieces.entries.delete(before.file);
      pieces.membership.pending.delete(before.file);
      lint.delete(before.file);
      state.lint.delete(before.file);
    }
    if (now) put(pieces.entries, now.file, entryOwnRules(now, registry));
  }
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
  const linting = new Set(entryChanges.map(({ now }) => now));
  let frozen = last.frozen;
  if (issueChanges.length) {
    const now = frozenEntryIds(content);
    for (const id of now) if (!frozen.has(id)) linting.add(byId.get(id));
    for (const id of frozen) if (!now.has(id)) linting.add(byId.get(id));
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
    load: structural
      ? {
          ...index,
          paths: layout.paths,
          entryCount: layout.entryCount,
          at: undefined,
          loads,
          parts,
          twin: layout.twin,
          diagnostics: pathDiagnostics,
          fileAt: layout.fileAt,
          recordAt: layout.recordAt,
        }
      : { ...index, loads, parts, diagnostics: pathDiagnostics },
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
