/**
 * The one door into the core, for the CLI and the Astro site alike.
 * Pure TypeScript over Node's fs: no Astro, no console, no process.cwd().
 */
export { checkContent, type CheckResult } from './check.ts';
export {
  openProject,
  ContentErrors,
  type Project,
  type ProjectOptions,
  type BodyCache,
  type CheckCache,
  type RenderSettings,
} from './project.ts';
export {
  newCheckState,
  parsedRecords,
  plainCheckState,
  restoreCheckState,
  type CheckState,
  type PlainCheckState,
} from './check-state.ts';
export { FileSystemSource } from './source/fs.ts';
export { MemorySource } from './source/memory.ts';
export type { ContentSource, FileRead, FileInfo } from './source/source.ts';
export { writeAtomic, copyAtomic, replaceDirectory } from './atomic.ts';
export { PACKAGE_ROOT } from './package-root.ts';
export {
  loadContent,
  type LoadedContent,
  type EntryRecord,
  type IssueRecord,
  type SourceFile,
} from './load/content.ts';
export { validate, entriesById } from './validate/index.ts';
export {
  buildRegistry,
  findPerson,
  titleOn,
  issueSeries,
  entrySeries,
  unitNamesOn,
  type Registry,
} from './registry.ts';
export { compileIssue, compileEntry } from './compile/issue.ts';
export * as model from './model/index.ts';
export type {
  CompiledIssue,
  CompiledEntry,
  CompiledSection,
  CompiledImage,
  Colophon,
  ColophonItem,
  Masthead,
  Erratum,
  DistributionLine,
  DistributionItem,
} from './model/issue.ts';
export type {
  Block,
  BlockOf,
  Inline,
  InlineOf,
  Body,
  Footnote,
  ListItem,
  OfficialLevel,
  ImageRef,
} from './model/blocks.ts';
export { compileSite, type CompiledSite, type ArchivedEntry, type CompileOptions } from './compile/site.ts';
export {
  computeStats,
  adoptedEntries,
  type Stats,
  type StatsRow,
  type StatsPeriod,
  type StatsBy,
  type StatsOptions,
  type StatsItem,
} from './compile/stats.ts';
export type { StatsByYear, YearStats, YearIssueCount } from './compile/year-stats.ts';
export { expandDistribution, distributionText } from './compile/distribution.ts';
export { STAFF_ROLES } from './compile/colophon.ts';
export {
  compileBody,
  officialLevel,
  isSafeUrl,
  type BodyCompiler,
  type CompileBodyOptions,
} from './compile/markdown.ts';
export { bodyHtml, entryHtml, noteHtml, renderMarkdown, type HtmlOptions } from './render/html.ts';
export { entryTitleHtml, printPageStyles, printSheetHtml, type PrintPageStyles } from './render/print.ts';
export { computeDigest, compareDigest, hasChanges } from './digest.ts';
export { applyFixes, type FixReport } from './fix.ts';
export { sortDiagnostics, didYouMean, type Diagnostic, type Position } from './diagnostics.ts';
export { chineseDate, chineseMonthDay, issueName, issueNumbering, padName } from './format.ts';
export { SETTINGS_FILES, ENTRIES_DIR, ISSUES_DIR, MEDIA_DIR, resolveContentDir } from './paths.ts';
export { ENCODING_NAMES } from './load/decode.ts';
export { controlCharProblem, dateProblem, isMonthDay, parseDateText } from './schema/fields.ts';
export { SECTIONS, sectionName, sectionSchema, type SectionId } from './schema/sections.ts';
export type { Series } from './schema/site.ts';
export {
  createEntry,
  defaultSeries,
  leadersOn,
  loadForWorkflow,
  matchUnits,
  missingFields,
  resolveEntryFields,
  peopleRequired,
  sectionFromText,
  titleRequired,
  unitsInOrder,
  type EntryRequest,
  type EntryField,
  type FieldProblem,
} from './workflow/new-entry.ts';
export { createIssue, planIssue, entriesBySection, type IssuePlan, type IssueRequest } from './workflow/new-issue.ts';
export {
  openEntry,
  saveEntry,
  entryForm,
  fieldOfLine,
  fileVersion,
  isFrozen,
  EntryConflict,
  type EntryForm,
  type OpenedEntry,
} from './workflow/edit-entry.ts';
export { addErratum, type ErratumRequest } from './workflow/erratum.ts';
export { publishIssue, archiveLegacyIssues } from './workflow/publish.ts';
export { parseIssueRef, issueRefOf } from './workflow/issue-ref.ts';
export { LEDGER_FILE } from './archive/records.ts';
export { WorkflowError } from './workflow/errors.ts';
export { fixEntryFiles } from './text/fix-files.ts';
export {
  lintEntry,
  lintContent,
  lintBody,
  fixBody,
  frozenEntryIds,
  type LintFinding,
  type FixResult,
  type TextEdit,
} from './text/lint.ts';
export { LINT_RULES } from './text/rules/index.ts';
export { EXIT, UserError, UsageError } from './errors.ts';
export { errnoReason, isSystemError, systemErrorMessage } from './errno.ts';
export { compileImages, imageOutputs, ImageVanishedError } from './compile/images.ts';
export { ImageReader } from './load/images.ts';
export { RULES, type RuleId } from './rules.ts';
export * as schema from './schema/index.ts';

type ImportModule = typeof import('./text/import/index.ts');

/** Import Word, web pages and text as entries: loaded on first use (mammoth and the HTML tools are large). */
export async function importFiles(
  ...args: Parameters<ImportModule['importFiles']>
): Promise<Awaited<ReturnType<ImportModule['importFiles']>>> {
  const { importFiles: run } = await import('./text/import/index.ts');
  return run(...args);
}

type DocxModule = typeof import('./render/docx/index.ts');

/** An issue as a Word document: loaded on first use (the docx library is large). */
export async function renderIssueDocx(
  ...args: Parameters<DocxModule['renderIssueDocx']>
): Promise<Awaited<ReturnType<DocxModule['renderIssueDocx']>>> {
  const { renderIssueDocx: run } = await import('./render/docx/index.ts');
  return run(...args);
}
