/** All cross-file rules, run over loaded content. Single-file rules ran at load time. */
import type { Diagnostic } from '../diagnostics.ts';
import type { EntryRecord, LoadedContent } from '../load/content.ts';
import { ENTRIES_DIR, entryIdFromPath, SETTINGS_FILES } from '../paths.ts';
import { buildRegistry, issueKey, issueSeries, type Registry } from '../registry.ts';
import { validateDistribution } from './distribution.ts';
import { validateEntry } from './entries.ts';
import { validateFrozen } from './frozen.ts';
import { validateImages } from './images.ts';
import { issuesBySeries, validateIssueSeries, validateNumbering } from './issues.ts';
import { validateMembership } from './membership.ts';
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
 * Run every cross-file rule. `passes`: a project's recheck reuses each
 * entry's and each issue's findings while what they are found from is the
 * same (check-state.ts); `byId`: the entries by id, when the caller has them.
 */
export function validate(
  content: LoadedContent,
  registry: Registry = buildRegistry(content),
  archive: ArchiveFacts = NO_ARCHIVE,
  passes: PassMemo = NO_MEMO,
  byId: Map<string, EntryRecord> = entriesById(content.entries),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!content.site) return out; // jianbao.yaml itself is broken: everything else would be noise
  out.push(...validateSettings(content, registry));
  const settingsPositions = content.settingsPositions.settings;
  if (settingsPositions) {
    registry.series.forEach((series, index) => {
      out.push(
        ...validateDistribution(series.distribution, registry, SETTINGS_FILES.settings, settingsPositions, [
          'series',
          index,
          'distribution',
        ]),
      );
    });
  }
  for (const entry of content.entries) {
    // An entry's own rules read the entry and the settings; its images are looked at afresh (they change on their own).
    const own =
      passes === NO_MEMO
        ? validateEntry(entry, registry)
        : passes(`entry:${entry.file}`, [entry, registry], () => validateEntry(entry, registry));
    if (own.length) out.push(...own);
    if (entry.images?.length) out.push(...validateImages(entry));
  }
  for (const issue of content.issues) {
    const own = () => [
      ...validateIssueSeries(issue, registry),
      ...validateDistribution(issue.data.distribution, registry, issue.file, issue.positions, ['distribution']),
    ];
    const found =
      passes === NO_MEMO ? own() : passes(`issue:${issue.file}`, [issue, registry, content.recipients], own);
    if (found.length) out.push(...found);
  }
  // Regular issues and supplements (增刊) are numbered apart: each is checked on its own.
  const numbering = () =>
    (['regular', 'supplement'] as const).flatMap((kind) =>
      [...issuesBySeries(content.issues, registry, kind)].flatMap(([series, issues]) =>
        validateNumbering(series, issues),
      ),
    );
  out.push(...(passes === NO_MEMO ? numbering() : passes('numbering', [registry, ...content.issues], numbering)));
  // Entry files that exist but did not load (their own errors say why) are not missing from the issues that list them.
  const unreadable = new Set(
    content.diagnostics
      .filter((d) => d.severity === 'error' && d.file.startsWith(`${ENTRIES_DIR}/`) && d.file.endsWith('.md'))
      .map((d) => entryIdFromPath(d.file.slice(ENTRIES_DIR.length + 1)).normalize('NFC'))
      .filter((id) => !byId.has(id)),
  );
  out.push(
    ...validateMembership(content.issues, byId, registry, archive, content.unlistedEntryFolders, unreadable, passes),
  );
  const several = registry.series.length > 1;
  for (const issue of content.issues) {
    const key = issueKey(
      issueSeries(registry, issue),
      issue.data.year,
      issue.data.number,
      several,
      issue.data.kind === 'supplement',
    );
    // Issues in the ledger are compared with their snapshot instead (archive/compare.ts).
    if (!archive.archivedFiles.has(issue.file)) out.push(...validateFrozen(issue, byId, key));
  }
  return out;
}
