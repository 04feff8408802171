/** `check`: load, validate, and return everything found, sorted. */
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { loadContent, type LoadedContent } from './load/content.ts';
import type { ContentSource } from './source/source.ts';
import { buildRegistry, type Registry } from './registry.ts';
import { lintContent } from './text/lint.ts';
import { entriesById, validate } from './validate/index.ts';
import { checkArchive } from './archive/compare.ts';
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

/** Load a content directory (or another source of its files) and run every rule. Never throws for content problems. */
export async function checkContent(from: string | ContentSource): Promise<CheckResult> {
  const content = await loadContent(from);
  const registry = buildRegistry(content);
  const archive = await loadArchive(content.source);
  content.archive = archive;
  // Published issues are compared with their records (only when the settings load: otherwise everything would differ).
  const archived = content.site ? checkArchive(content, registry, archive, entriesById(content.entries)) : undefined;
  // Text hygiene (jianbao lint) as warnings; published issues' entries change only through errata.
  const lint = lintContent(content, registry, { skipFrozen: true }).map((d): Diagnostic => ({ ...d, severity: 'warning' }));
  const diagnostics = sortDiagnostics([...content.diagnostics, ...validate(content, registry, archived), ...(archived?.diagnostics ?? []), ...lint]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { content, registry, archive, diagnostics, errors, warnings: diagnostics.length - errors };
}
