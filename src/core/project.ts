/**
 * One content directory opened as a project: the place where the CLI, the
 * build, the dev server and (later) an editor check, compile and run the
 * workflow steps, instead of each writing out "check → compile → save the
 * Markdown cache" again.
 *
 * A project owns its content source (the files), the checked content and
 * settings (loaded once, until `invalidate`), the cache of compiled bodies
 * and the render options the settings give (the site base). Nothing is
 * shared between two projects, so two content directories can be open in
 * one process.
 */
import { resolve } from 'node:path';
import { checkContent, type CheckResult } from './check.ts';
import { newCheckState, type CheckState } from './check-state.ts';
import type { BodyCompiler } from './compile/markdown.ts';
import { compileSite, type CompiledSite } from './compile/site.ts';
import type { Diagnostic } from './diagnostics.ts';
import { UserError } from './errors.ts';
import type { ContentSource } from './source/source.ts';
import { createEntry, type EntryRequest, type NewEntryResult, type WorkflowOptions } from './workflow/new-entry.ts';
import {
  createIssue,
  draftIssue,
  planIssue,
  type IssueDraft,
  type IssuePlan,
  type IssueRequest,
  type NewIssueResult,
} from './workflow/new-issue.ts';
import { compileIssue } from './compile/issue.ts';
import type { CompiledIssue } from './model/issue.ts';
import { entriesById } from './validate/index.ts';
import { openEntry, saveEntry, type EntryForm, type OpenedEntry } from './workflow/edit-entry.ts';
import { addErratum, type ErratumRequest } from './workflow/erratum.ts';
import { WorkflowError } from './workflow/errors.ts';
import type { EntryRecord } from './load/content.ts';
import { archiveLegacyIssues, publishIssue, type MigrationResult, type PublishResult } from './workflow/publish.ts';

/** Compiled bodies kept between runs (the build's Markdown cache): compile through it, then save it. */
export interface BodyCache {
  compile: BodyCompiler;
  save(): Promise<void>;
}

export interface ProjectOptions {
  /** Where the files come from; default the file system under `dir`. */
  source?: ContentSource;
  /** Compiled bodies from earlier runs; opened on the first compile. */
  bodyCache?: () => Promise<BodyCache | undefined>;
  /** Compile draft issues too (default, as `dev`); `false` leaves them out of the site (`build` without `--drafts`). */
  drafts?: boolean;
  /**
   * What earlier runs' checks read, kept on disk (the CLI's and the build's:
   * src/build/check-cache.ts): loaded for the first check, written by
   * `saveCheck`. Later checks of this project reuse what it read itself.
   */
  checkCache?: CheckCache;
}

/** Where a project's check state is kept between runs. */
export interface CheckCache {
  /** The state kept by an earlier run, if any (and usable). */
  load(): Promise<CheckState | undefined>;
  save(state: CheckState): Promise<void>;
}

/** The content has errors: nothing was compiled. */
export class ContentErrors extends UserError {
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    super(
      `内容有 ${errors.length} 个错误${first ? `（${first.file}:${first.line}:${first.column} ${first.message}）` : ''}，先运行 jianbao check`,
      { diagnostics },
    );
  }
}

export interface RenderSettings {
  /** The site base, starting and ending with `/`. */
  base: string;
}

export interface Project {
  /** The content directory, absolute. */
  readonly dir: string;
  readonly source: ContentSource | undefined;
  /**
   * Load and check the content (once until `invalidate`). Never throws for
   * content problems. After `invalidate`, only the files changed since the
   * last check (by size, times and inode, with the racy-timestamp guard of
   * load/file-states.ts) are read and parsed again: a long-lived process
   * (dev, the studio) checks again after a save in a fraction of the first check.
   */
  check(): Promise<CheckResult>;
  /** What the checks of this project keep (for a cache on disk, and the bench). */
  checkState(): Promise<CheckState>;
  /** Write the check state to the check cache, when the last check read anything new. */
  saveCheck(): Promise<void>;
  /** Check, then compile the site through the body cache and save the cache; rejects with ContentErrors when the check found errors. */
  compile(): Promise<CompiledSite>;
  /** Both, for callers that report the check's findings themselves: `site` is undefined when there are errors. */
  checkAndCompile(): Promise<{ checked: CheckResult; site: CompiledSite | undefined }>;
  /** What the pages render with, from the settings (after `check`). */
  renderSettings(): Promise<RenderSettings>;
  /**
   * The files changed: check and compile again next time. `paths` (relative
   * to the content directory): only these changed (the studio saved them, a
   * file watcher saw them); the next check stamps only them instead of every
   * file. Without paths, anything may have changed.
   */
  invalidate(paths?: readonly string[]): void;
  newEntry(request: EntryRequest, options: WorkflowOptions): Promise<NewEntryResult>;
  newIssue(request: IssueRequest, options: WorkflowOptions): Promise<NewIssueResult>;
  /** Publish (or re-publish after an erratum) one issue; `today` is the day recorded (default today in UTC). */
  publish(ref: string, options?: { today?: string }): Promise<PublishResult>;
  /** Archive every issue published with the old in-file digest (`jianbao archive`). */
  archiveLegacy(options?: { today?: string }): Promise<MigrationResult>;
  /** What `newIssue` would write for this request now (nothing is written). */
  planIssue(request: IssueRequest, options: WorkflowOptions): Promise<IssuePlan>;
  /**
   * The issue `newIssue` would write for this request now, compiled in memory
   * as the site compiles a draft issue (`issue`: what its print page shows;
   * undefined when the template gives no valid issue, `draft.problems`).
   * Nothing is written.
   */
  previewIssue(
    request: IssueRequest,
    options: WorkflowOptions,
  ): Promise<{ draft: IssueDraft; issue: CompiledIssue | undefined; base: string }>;
  /** A checked entry by id (`2025/11/燃气检查`); throws a WorkflowError when there is none. */
  entry(id: string): Promise<EntryRecord>;
  /** An entry's file as it is on disk now, with its version, for editing. */
  openEntry(id: string): Promise<OpenedEntry>;
  /** Save an edited entry over the version that was opened (EntryConflict when it changed on disk). */
  saveEntry(
    id: string,
    form: EntryForm,
    openedVersion: string,
  ): Promise<{ version: string; text: string; changed: boolean }>;
  /** Add an erratum to a published issue. */
  addErratum(ref: string, request: ErratumRequest, options: WorkflowOptions): Promise<{ file: string; errata: number }>;
}

export function openProject(dir: string, options: ProjectOptions = {}): Project {
  const root = resolve(dir);
  let checked: Promise<CheckResult> | undefined;
  let compiled: Promise<{ checked: CheckResult; site: CompiledSite | undefined }> | undefined;
  let bodyCache: Promise<BodyCache | undefined> | undefined;
  let state: Promise<CheckState> | undefined;
  const checkState = () =>
    (state ??= (options.checkCache?.load() ?? Promise.resolve(undefined)).then(
      (kept) => kept ?? newCheckState(),
      () => newCheckState(),
    ));

  // What may have changed since the last check: everything (the first check, `invalidate()`), or these paths.
  let pending: Set<string> | 'all' = 'all';
  const check = () =>
    (checked ??= checkState().then((kept) => {
      const changed = pending === 'all' ? undefined : pending;
      pending = new Set();
      return checkContent(options.source ?? root, kept, changed);
    }));
  const checkAndCompile = () =>
    (compiled ??= (async () => {
      const result = await check();
      if (result.errors > 0) return { checked: result, site: undefined };
      const cache = await (bodyCache ??= options.bodyCache?.() ?? Promise.resolve(undefined));
      const site = compileSite(result.content, result.registry, {
        ...(cache ? { compileBody: cache.compile } : {}),
        drafts: options.drafts !== false,
      });
      await cache?.save();
      return { checked: result, site };
    })());
  const changed = <T>(step: Promise<T>) => step.finally(() => project.invalidate());
  // A step that wrote only the files it names: the next check stamps just those (anything, when it failed).
  const wrote = async <T>(step: Promise<T>, files: (result: T) => string[]): Promise<T> => {
    try {
      const result = await step;
      project.invalidate(files(result));
      return result;
    } catch (error) {
      project.invalidate();
      throw error;
    }
  };

  const project: Project = {
    dir: root,
    source: options.source,
    check,
    checkState,
    async saveCheck() {
      if (!options.checkCache || !checked) return;
      await checked;
      const kept = await checkState();
      if (kept.files.read > 0) await options.checkCache.save(kept);
    },
    checkAndCompile,
    async compile() {
      const { checked: result, site } = await checkAndCompile();
      if (!site) throw new ContentErrors(result.diagnostics);
      return site;
    },
    async renderSettings() {
      const { content } = await check();
      return { base: content.site?.site.base ?? '/' };
    },
    invalidate(paths) {
      checked = undefined;
      compiled = undefined;
      if (!paths || pending === 'all') pending = 'all';
      else for (const path of paths) pending.add(path.replace(/\\/g, '/').replace(/^\.\//, ''));
    },
    newEntry: (request, workflow) => wrote(createEntry(root, request, workflow), (made) => [made.file]),
    newIssue: (request, workflow) => wrote(createIssue(root, request, workflow), (made) => [made.file]),
    // The workflow steps start from the project's check (the same answers as `check`), and write to the files.
    publish: (ref, publishing = {}) =>
      changed(check().then((result) => publishIssue(root, ref, { ...publishing, checked: result }))),
    archiveLegacy: (archiving = {}) =>
      changed(check().then((result) => archiveLegacyIssues(root, { ...archiving, checked: result }))),
    planIssue: (request, workflow) => planIssue(root, request, workflow),
    async previewIssue(request, workflow) {
      const result = await check();
      const draft = await draftIssue(root, request, workflow, result);
      const issue = draft.record
        ? compileIssue(draft.record, result.content, result.registry, entriesById(result.content.entries))
        : undefined;
      return { draft, issue, base: result.content.site?.site.base ?? '/' };
    },
    async entry(id) {
      const { content } = await check();
      const found = content.entries.find((entry) => entry.id === id.normalize('NFC'));
      if (!found)
        throw new WorkflowError(`没有编号为「${id}」的稿件`, {
          usage: true,
          hint: '稿件编号是它在 entries/ 下的路径去掉 .md，如 2025/11/燃气检查',
        });
      return found;
    },
    openEntry: async (id) => openEntry(root, await project.entry(id)),
    saveEntry: async (id, form, openedVersion) => {
      const entry = await project.entry(id);
      const checkedNow = await check();
      return wrote(saveEntry(root, checkedNow, entry, form, openedVersion), () => [entry.file]);
    },
    addErratum: async (ref, request, workflow) =>
      wrote(addErratum(root, await check(), ref, request, workflow), (added) => [added.file]),
  };
  return project;
}
