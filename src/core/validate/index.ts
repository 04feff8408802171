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

export function entriesById(entries: EntryRecord[]): Map<string, EntryRecord> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

/** Run every cross-file rule. */
export function validate(content: LoadedContent, registry: Registry = buildRegistry(content)): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!content.site) return out; // jianbao.yaml itself is broken: everything else would be noise
  out.push(...validateSettings(content, registry));
  const settingsPositions = content.settingsPositions.settings;
  if (settingsPositions) {
    registry.series.forEach((series, index) => {
      out.push(...validateDistribution(series.distribution, registry, SETTINGS_FILES.settings, settingsPositions, ['series', index, 'distribution']));
    });
  }
  for (const entry of content.entries) out.push(...validateEntry(entry, registry), ...validateImages(entry));
  for (const issue of content.issues) {
    out.push(...validateIssueSeries(issue, registry));
    out.push(...validateDistribution(issue.data.distribution, registry, issue.file, issue.positions, ['distribution']));
  }
  for (const [series, issues] of issuesBySeries(content.issues, registry)) out.push(...validateNumbering(series, issues));
  const byId = entriesById(content.entries);
  // Entry files that exist but did not load (their own errors say why) are not missing from the issues that list them.
  const unreadable = new Set(
    content.diagnostics
      .filter((d) => d.severity === 'error' && d.file.startsWith(`${ENTRIES_DIR}/`) && d.file.endsWith('.md'))
      .map((d) => entryIdFromPath(d.file.slice(ENTRIES_DIR.length + 1)).normalize('NFC'))
      .filter((id) => !byId.has(id)),
  );
  out.push(...validateMembership(content.issues, byId, registry, unreadable));
  const several = registry.series.length > 1;
  for (const issue of content.issues) {
    const key = issueKey(issueSeries(registry, issue), issue.data.year, issue.data.number, several);
    out.push(...validateFrozen(issue, byId, key));
  }
  return out;
}
