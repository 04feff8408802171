/** `check`: load, validate, and return everything found, sorted. */
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { loadContent, type LoadedContent } from './load/content.ts';
import type { ContentSource } from './source/source.ts';
import { buildRegistry, type Registry } from './registry.ts';
import { lintContent } from './text/lint.ts';
import { validate } from './validate/index.ts';

export interface CheckResult {
  content: LoadedContent;
  registry: Registry;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

/** Load a content directory (or another source of its files) and run every rule. Never throws for content problems. */
export async function checkContent(from: string | ContentSource): Promise<CheckResult> {
  const content = await loadContent(from);
  const registry = buildRegistry(content);
  // Text hygiene (jianbao lint) as warnings; published issues' entries change only through errata.
  const lint = lintContent(content, registry, { skipFrozen: true }).map((d): Diagnostic => ({ ...d, severity: 'warning' }));
  const diagnostics = sortDiagnostics([...content.diagnostics, ...validate(content, registry), ...lint]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { content, registry, diagnostics, errors, warnings: diagnostics.length - errors };
}
