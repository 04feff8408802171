/** `check`: load, validate, and return everything found, sorted. */
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { loadContent, type LoadedContent, type LoadIndex } from './load/content.ts';
import type { ContentSource } from './source/source.ts';
import { buildRegistry, type Registry } from './registry.ts';
import { frozenEntryIds, lintEntry } from './text/lint.ts';
import { entriesById, flattenValidate, validatePieces } from './validate/index.ts';
import { patchCheck } from './check-patch.ts';
import { checkArchive } from './archive/compare.ts';
import { lintInputs, passMemo, type CheckState } from './check-state.ts';
import { loadArchive, prefetchArchive, type ArchivePrefetch, type LoadedArchive } from './archive/load.ts';
import { FileSystemSource } from './source/fs.ts';
import { ARCHIVE_DIR } from './archive/records.ts';

export interface CheckResult {
  content: LoadedContent;
  registry: Registry;
  /** The published issues' records (published/). */
  archive: LoadedArchive;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

/**
 * Text hygiene (jianbao lint) of the entries not frozen in published issues, as warnings, by entry file
 * (the files with findings); each entry's findings reused while its inputs are the same.
 */
function lintFindings(
  content: LoadedContent,
  registry: Registry,
  state: CheckState | undefined,
): { pieces: Map<string, Diagnostic[]>; frozen: Set<string> } {
  const frozen = passMemo(state)(
    'lint:frozen',
    content.issues.map((issue) => issue.data),
    () => frozenEntryIds(content),
  );
  const settings = [content.site, content.units, content.people, content.recipients];
  const seen = new Set<string>();
  const pieces = new Map<string, Diagnostic[]>();
  for (const entry of content.entries) {
    if (frozen.has(entry.id)) continue;
    let found: Diagnostic[];
    if (!state) found = lintEntry(entry, registry);
    else {
      seen.add(entry.file);
      const from = lintInputs(entry, settings);
      const known = state.lint.get(entry.file);
      if (known && known.from.every((item, index) => item === from[index])) found = known.found;
      else {
        found = lintEntry(entry, registry);
        state.lint.set(entry.file, { from, found });
      }
    }
    if (found.length)
      pieces.set(
        entry.file,
        found.map((d): Diagnostic => ({ ...d, severity: 'warning' })),
      );
  }
  if (state) for (const file of state.lint.keys()) if (!seen.has(file)) state.lint.delete(file);
  return { pieces, frozen };
}

/** Whether a change of `path` may change what published/ holds (the path, a folder above it or a file in it). */
function underArchive(path: string): boolean {
  return path === ARCHIVE_DIR || path.startsWith(`${ARCHIVE_DIR}/`) || `${ARCHIVE_DIR}/`.startsWith(`${path}/`);
}

/**
 * The last check's records of the published issues, when it was told no file
 * under published/ changed since and every record file it read was settled
 * (not racy, file-states.ts); else undefined, and they are loaded.
 */
function lastArchive(
  state: CheckState | undefined,
  changed: ReadonlySet<string> | undefined,
): LoadedArchive | undefined {
  const last = state?.passes.get('archive')?.value as LoadedArchive | undefined;
  if (!state || !last || !changed || [...changed].some(underArchive)) return undefined;
  for (const path of state.files.racy()) if (path.startsWith(`${ARCHIVE_DIR}/`)) return undefined;
  return last;
}

/** The records loaded (only changed record files read; those `prefetched` read ahead on the reader thread). */
async function archiveFor(
  content: LoadedContent,
  state: CheckState | undefined,
  prefetched: Promise<ArchivePrefetch | undefined> | undefined,
): Promise<LoadedArchive> {
  const archive = await loadArchive(content.source, state?.files, state?.records, await prefetched);
  state?.passes.set('archive', { from: [], value: archive });
  return archive;
}

/**
 * Load a content directory (or another source of its files) and run every
 * rule. Never throws for content problems. `state`: what earlier checks of
 * the same project kept; only what changed since is read and parsed again.
 * `changed` (with a state): the only paths that may have changed since the
 * last check with this state (the caller knows: it wrote them, or a file
 * watcher saw them); the other files are not even stamped again.
 */
export async function checkContent(
  from: string | ContentSource,
  state?: CheckState,
  changed?: ReadonlySet<string>,
): Promise<CheckResult> {
  // A few entry or issue files modified in place: the last check patched (check-patch.ts), when it can be exactly.
  if (state?.last && changed) {
    const patched = await patchCheck(state, changed);
    if (patched) {
      state.patched++;
      return patched;
    }
  }
  if (state) state.last = undefined;
  const source = typeof from === 'string' ? new FileSystemSource(from) : from;
  // The records, when they must be read, are hashed and scanned on the reader thread while the entries load.
  const kept = lastArchive(state, changed);
  const prefetched = kept ? undefined : prefetchArchive(source, state?.files).catch(() => undefined);
  let index: LoadIndex | undefined;
  const content = await loadContent(source, {
    ...(state
      ? { states: state.files, recheck: { changed, kept: state.recheck }, index: (made) => void (index = made) }
      : {}),
  });
  const memo = passMemo(state);
  const registry = memo('registry', [content.site, content.units, content.people, content.recipients], () =>
    buildRegistry(content),
  );
  const archive = kept ?? (await archiveFor(content, state, prefetched));
  content.archive = archive;
  // Published issues are compared with their records (only when the settings load: otherwise everything would differ).
  const byId = entriesById(content.entries);
  const archived = content.site ? await checkArchive(content, registry, archive, byId, state?.inputs, memo) : undefined;
  // Text hygiene (jianbao lint) as warnings; published issues' entries change only through errata.
  const lint = lintFindings(content, registry, state);
  const pieces = validatePieces(content, registry, archived, memo, byId);
  const diagnostics = sortDiagnostics([
    ...content.diagnostics,
    ...flattenValidate(pieces),
    ...(archived?.diagnostics ?? []),
    ...[...lint.pieces.values()].flat(),
  ]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const result: CheckResult = {
    content,
    registry,
    archive,
    diagnostics,
    errors,
    warnings: diagnostics.length - errors,
  };
  // What a recheck patches (in memory only).
  if (state && index && archived) {
    const { diagnostics: _flat, ...facts } = archived;
    state.last = {
      result,
      load: index,
      validate: pieces,
      archive: facts,
      lint: lint.pieces,
      frozen: lint.frozen,
      byId,
    };
  }
  return result;
}
