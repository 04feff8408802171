/**
 * The one door into the core, for the CLI and the Astro site alike.
 * Pure TypeScript over Node's fs: no Astro, no console, no process.cwd().
 */
export { checkContent, type CheckResult } from './check.ts';
export { loadContent, type LoadedContent, type EntryRecord, type IssueRecord, type SourceFile } from './load/content.ts';
export { validate, entriesById } from './validate/index.ts';
export { buildRegistry, findPerson, titleOn, issueSeries, entrySeries, type Registry } from './registry.ts';
export { compileIssue, compileEntry } from './compile/issue.ts';
export * as model from './model/index.ts';
export type { CompiledIssue, CompiledEntry, CompiledSection, CompiledImage, Colophon, ColophonItem, Masthead, Erratum, DistributionLine, DistributionItem } from './model/issue.ts';
export type { Block, Inline, Body, Footnote, ListItem, OfficialLevel, ImageRef } from './model/blocks.ts';
export { compileSite, type CompiledSite, type ArchivedEntry, type CompileOptions } from './compile/site.ts';
export { computeStats, type Stats, type StatsRow, type StatsPeriod, type StatsBy, type StatsOptions, type StatsItem } from './compile/stats.ts';
export { expandDistribution, distributionText } from './compile/distribution.ts';
export { STAFF_ROLES } from './compile/colophon.ts';
export { compileBody, officialLevel, isSafeUrl, type BodyCompiler, type CompileBodyOptions } from './compile/markdown.ts';
export { bodyHtml, entryHtml, noteHtml, renderMarkdown, type HtmlOptions } from './render/html.ts';
export { computeDigest, compareDigest, hasChanges } from './digest.ts';
export { applyFixes, type FixReport } from './fix.ts';
export { RULES, sortDiagnostics, didYouMean, type Diagnostic, type RuleId, type Severity, type Position } from './diagnostics.ts';
export { chineseDate, chineseMonthDay, issueName, issueNumbering, padName } from './format.ts';
export { SETTINGS_FILES, ENTRIES_DIR, ISSUES_DIR, resolveContentDir } from './paths.ts';
export { lintEntry, lintContent, lintBody, fixBody, type LintFinding, type FixResult, type TextEdit } from './text/lint.ts';
export { LINT_RULES, type LintRuleId } from './text/rules/index.ts';
export * as schema from './schema/index.ts';
