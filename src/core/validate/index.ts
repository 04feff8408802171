/** All cross-file rules, run over loaded content. Single-file rules ran at load time. */
import type { Diagnostic } from '../diagnostics.ts';
import type { EntryRecord, IssueRecord, LoadedContent } from '../load/content.ts';
import { ENTRIES_DIR, entryIdFromPath, SETTINGS_FILES } from '../paths.ts';
import { buildRegistry, issueKey, issueSeries, type Registry } from '../registry.ts';
import { validateDistribution } from './distribution.ts';
import { validateEntry } from './entries.ts';
import { validateFrozen } from './frozen.ts';
import { validateImages } from './images.ts';
import { issuesBySeries, validateIssueSeries, validateNumbering } from './issues.ts';
import { membershipPieces, type MembershipPieces } from './membership.ts';
import { validateSettings } from './settings.ts';
import { NO_MEMO, type PassMemo } from '../check-state.ts';

export function entriesById(entries: EntryRecord[]): Map<string, EntryRecord> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

/** What the archive check found out, for the rules it supersedes (see archive/compare.ts). */
export interface ArchiveFacts {
  /** Entry ids listed by archived issues. */
  archivedEntries: ReadonlySet<string>;
  /** Issue files of issues in the ledger. */
  archivedFiles: ReadonlySet<string>;
}

const NO_ARCHIVE: ArchiveFacts = { archivedEntries: new Set(), archivedFiles: new Set() };

/**
 * The cross-file rules' findings, one piece per file they are about (only
 * the files with findings), so that a recheck of a few modified files
 * replaces just their pieces (check-patch.ts). `validate` is their
 * concatenation, in this order.
 */
export interface ValidatePieces {
  /** The settings' own rules and the series' distribution lists. */
  head: Diagnostic[];
  /** By entry file: its own rules and its images. */
  entries: Map<string, Diagnostic[]>;
  /** By issue file: its own rules (series, distribution). */
  issues: Map<string, Diagnostic[]>;
  numbering: Diagnostic[];
  membership: MembershipPieces;
  /** By issue file: the old in-file digest of an issue not in the ledger. */
  frozen: Map<string, Diagnostic[]>;
  /** Entry ids whose file exists but did not load (not missing from the issues listing them). */
  unreadable: ReadonlySet<string>;
}

/** Regular issues and supplements (增刊) are numbered apart: each is checked on its own. */
export function numberingOf(issues: IssueRecord[], registry: Registry): Diagnostic[] {
  return (['regular', 'supplement'] as const).flatMap((kind) =>
    [...issuesBySeries(issues, registry, kind)].flatMap(([series, listed]) => validateNumbering(series, listed)),
  );
}

/** An issue's own cross-file rules: its series and its distribution list. */
export function issueOwnRules(issue: IssueRecord, registry: Registry): Diagnostic[] {
  return [
    ...validateIssueSeries(issue, registry),
    ...validateDistribution(issue.data.distribution, registry, issue.file, issue.positions, ['distribution']),
  ];
}

/** An entry's own cross-file rules (the settings) and its images (looked at afresh: they change on their own). */
export function entryOwnRules(entry: EntryRecord, registry: Registry, passes: PassMemo = NO_MEMO): Diagnostic[] {
  const own =
    passes === NO_MEMO
      ? validateEntry(entry, registry)
      : passes(`entry:${entry.file}`, [entry, registry], () => validateEntry(entry, registry));
  return entry.images?.length ? [...own, ...validateImages(entry)] : own;
}

/** The old in-file digest of a published issue not in the ledger (those are compared with their snapshot: archive/compare.ts). */
export function frozenRules(
  issue: IssueRecord,
  registry: Registry,
  byId: Map<string, EntryRecord>,
  archive: ArchiveFacts,
): Diagnostic[] {
  if (archive.archivedFiles.has(issue.file)) return [];
  const key = issueKey(
    issueSeries(registry, issue),
    issue.data.year,
    issue.data.number,
    registry.series.length > 1,
    issue.data.kind === 'supplement',
  );
  return validateFrozen(issue, byId, key);
}

/** Entry files that exist but did not load (their own errors say why): not missing from the issues that list them. */
export function unreadableEntries(content: LoadedContent, byId: Map<string, EntryRecord>): Set<string> {
  return new Set(
    content.diagnostics
      .filter((d) => d.severity === 'error' && d.file.startsWith(`${ENTRIES_DIR}/`) && d.file.endsWith('.md'))
      .map((d) => entryIdFromPath(d.file.slice(ENTRIES_DIR.length + 1)).normalize('NFC'))
      .filter((id) => !byId.has(id)),
  );
}

function put(pieces: Map<string, Diagnostic[]>, file: string, found: Diagnostic[]): void {
  if (found.length) pieces.set(file, found);
}

/** The pieces in `validate`'s order. */
export function flattenValidate(pieces: ValidatePieces): Diagnostic[] {
  const out = [...pieces.head];
  for (const found of pieces.entries.values()) out.push(...found);
  for (const found of pieces.issues.values()) out.push(...found);
  out.push(...pieces.numbering);
  for (const found of pieces.membership.issues.values()) out.push(...found);
  for (const found of pieces.membership.pending.values()) out.push(...found);
  for (const found of pieces.frozen.values()) out.push(...found);
  return out;
}

/**
 * Run every cross-file rule. `passes`: a project's recheck reuses each
 * entry's and each issue's findings while what they are found from is the
 * same (check-state.ts); `byId`: the entries by id, when the caller has them.
 */
export function validate(...args: Parameters<typeof validatePieces>): Diagnostic[] {
  return flattenValidate(validatePieces(...args));
}

/** `validate`'s findings, in pieces. */
export function validatePieces(
  content: LoadedContent,
  registry: Registry = buildRegistry(content),
  archive: ArchiveFacts = NO_ARCHIVE,
  passes: PassMemo = NO_MEMO,
  byId: Map<string, EntryRecord> = entriesById(content.entries),
): ValidatePieces {
  const pieces: ValidatePieces = {
    head: [],
    entries: new Map(),
    issues: new Map(),
    numbering: [],
    membership: { issues: new Map(), pending: new Map() },
    frozen: new Map(),
    unreadable: new Set(),
  };
  if (!content.site) return pieces; // jianbao.yaml itself is broken: everything else would be noise
  const head = pieces.head;
  head.push(...validateSettings(content, registry));
  const settingsPositions = content.settingsPositions.settings;
  if (settingsPositions) {
    registry.series.forEach((series, index) => {
      head.push(
        ...validateDistribution(series.distribution, registry, SETTINGS_FILES.settings, settingsPositions, [
          'series',
          index,
          'distribution',
        ]),
      );
    });
  }
  for (const entry of content.entries) put(pieces.entries, entry.file, entryOwnRules(entry, registry, passes));
  for (const issue of content.issues) {
    const found =
      passes === NO_MEMO
        ? issueOwnRules(issue, registry)
        : passes(`issue:${issue.file}`, [issue, registry, content.recipients], () => issueOwnRules(issue, registry));
    put(pieces.issues, issue.file, found);
  }
  const numbering = () => numberingOf(content.issues, registry);
  pieces.numbering = passes === NO_MEMO ? numbering() : passes('numbering', [registry, ...content.issues], numbering);
  const unreadable = unreadableEntries(content, byId);
  pieces.unreadable = unreadable;
  pieces.membership = membershipPieces(
    content.issues,
    byId,
    registry,
    archive,
    content.unlistedEntryFolders,
    unreadable,
    passes,
  );
  for (const issue of content.issues) put(pieces.frozen, issue.file, frozenRules(issue, registry, byId, archive));
  return pieces;
}
