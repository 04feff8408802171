/** `check`: load, validate, and return everything found, sorted. */
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { loadContent, type LoadedContent } from './load/content.ts';
import type { ContentSource } from './source/source.ts';
import { buildRegistry, type Registry } from './registry.ts';
import { frozenEntryIds, lintEntry } from './text/lint.ts';
import { entriesById, validate } from './validate/index.ts';
import { checkArchive } from './archive/compare.ts';
import type { CheckState } from './check-state.ts';
import { loadArchive, type LoadedArchive } from './archive/load.ts';

export interface CheckResult {
  content: LoadedContent;
  registry: Registry;
  /** The published issues' records (published/). */
  archive: LoadedArchive;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}


/** Text hygiene (jianbao lint) of the entries not frozen in published issues, each entry's findings reused while its inputs are the same. */
function lintFindings(content: LoadedContent, registry: Registry, state: CheckState | undefined): Diagnostic[] {
  const frozen = frozenEntryIds(content);
  const settings = [content.site, content.units, content.people, content.recipients];
  const seen = new Set<string>();
  const found = content.entries
    .filter((entry) => !frozen.has(entry.id))
    .flatMap((entry) => {
      if (!state) return lintEntry(entry, registry);
      seen.add(entry.file);
      const from = [entry.data, entry.body, entry.bodyLine, ...settings];
      const known = state.lint.get(entry.file);
      if (known && known.from.every((item, index) => item === from[index])) return known.found;
      const result = lintEntry(entry, registry);
      state.lint.set(entry.file, { from, found: result });
      return result;
    });
  if (state) for (const file of state.lint.keys()) if (!seen.has(file)) state.lint.delete(file);
  return found;
}

/**
 * Load a content directory (or another source of its files) and run every
 * rule. Never throws for content problems. `state`: what earlier checks of
 * the same project kept; only what changed since is read and parsed again.
 */
export async function checkContent(from: string | ContentSource, state?: CheckState): Promise<CheckResult> {
  const content = await loadContent(from, { ...(state ? { states: state.files } : {}) });
  const registry = buildRegistry(content);
  const archive = await loadArchive(content.source, state?.files, state?.records);
  content.archive = archive;
  // Published issues are compared with their records (only when the settings load: otherwise everything would differ).
  const archived = content.site ? await checkArchive(content, registry, archive, entriesById(content.entries), state?.inputs) : undefined;
  // Text hygiene (jianbao lint) as warnings; published issues' entries change only through errata.
  const lint = lintFindings(content, registry, state).map((d): Diagnostic => ({ ...d, severity: 'warning' }));
  const diagnostics = sortDiagnostics([...content.diagnostics, ...validate(content, registry, archived), ...(archived?.diagnostics ?? []), ...lint]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { content, registry, archive, diagnostics, errors, warnings: diagnostics.length - errors };
}
