/**
 * The lint runner: parse an entry body, run every rule over every block of
 * running text, map findings back to the body, and — for `--fix` — apply
 * the non-overlapping safe fixes, re-running until nothing more changes.
 * A round of fixes that would change the Markdown structure is undone and
 * retried fix by fix, so a fix can never turn text into markup.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Severity } from '../rules.ts';
import type { EntryRecord, LoadedContent } from '../load/content.ts';
import type { Registry } from '../registry.ts';
import { bodyBlocks, parseBody, toBodyRange, treeShape, type Block } from './blocks.ts';
import { overlapsProtected } from './protect.ts';
import type { LintContext, LintRule } from './rule.ts';
import { LINT_RULES } from './rules/index.ts';

/** Replace body text [start, end) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A finding in body coordinates. */
export interface LintFinding {
  rule: LintRule['id'];
  severity: Severity;
  /** Body offsets (UTF-16). */
  start: number;
  end: number;
  message: string;
  hint?: string;
  /** The exact fix, when it is safe; absent otherwise. */
  edits?: TextEdit[];
}

export interface LintOptions {
  /** Only these rules (ids); all when absent. */
  rules?: readonly string[];
}

function bodyOffset(block: Block, index: number): number {
  for (const piece of block.pieces) {
    if (index < piece.to || piece === block.pieces.at(-1)) {
      return piece.editable
        ? piece.start + Math.min(Math.max(0, index - piece.from), piece.end - piece.start)
        : piece.start;
    }
  }
  return 0;
}

/** Every finding of every rule in a body, in document order. */
export function lintBody(body: string, context: LintContext = {}, options: LintOptions = {}): LintFinding[] {
  const blocks = bodyBlocks(body);
  const ruleContext: LintContext = {
    ...context,
    firstParagraph: blocks.find((block) => block.kind === 'paragraph')?.index,
  };
  const rules = options.rules ? LINT_RULES.filter((rule) => options.rules!.includes(rule.id)) : LINT_RULES;
  const findings: LintFinding[] = [];
  for (const block of blocks) {
    if (!block.text.trim()) continue;
    for (const rule of rules) {
      const spans = (
        rule.ignores === 'all'
          ? []
          : rule.ignores
            ? block.protected.filter((span) => !rule.ignores!.includes(span.kind))
            : block.protected
      ).map((span) =>
        // The characters on either side of a URL or address are guarded too: an edit there could glue text onto the link.
        span.kind === 'url' || span.kind === 'email'
          ? { ...span, start: Math.max(0, span.start - 1), end: span.end + 1 }
          : span,
      );
      for (const found of rule.check(block, ruleContext)) {
        // A finding entirely inside protected text (a URL, Latin prose) is not ours to report.
        if (found.from < found.to && spans.some((span) => span.start <= found.from && found.to <= span.end)) continue;
        let edits: TextEdit[] | undefined;
        if (found.edits?.length) {
          const mapped = found.edits.map((edit) => {
            if (overlapsProtected(spans, edit.from, edit.to)) return undefined;
            const range = toBodyRange(block, edit.from, edit.to, rule.spansMarkup);
            return range ? { ...range, text: edit.text } : undefined;
          });
          const safe = mapped.filter((edit): edit is TextEdit => edit !== undefined);
          if (found.separable ? safe.length > 0 : safe.length === mapped.length) edits = safe;
          // A finding whose only edits touch protected text is a false alarm there.
          if (
            !found.separable &&
            mapped.every(
              (edit, i) => edit === undefined && overlapsProtected(spans, found.edits![i]!.from, found.edits![i]!.to),
            )
          )
            continue;
        }
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          start: bodyOffset(block, found.from),
          end: bodyOffset(block, found.to),
          message: found.message,
          ...(found.hint ? { hint: found.hint } : {}),
          ...(edits ? { edits } : {}),
        });
      }
    }
  }
  for (const rule of rules) {
    for (const found of rule.checkBody?.(body, ruleContext) ?? [])
      findings.push({ rule: rule.id, severity: rule.severity, ...found });
  }
  return findings.sort((a, b) => a.start - b.start);
}

function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start === b.start || (a.start < b.end && b.start < a.end);
  return a.start < b.end && b.start < a.end;
}

const PRIORITY = new Map(LINT_RULES.map((rule, index) => [rule.id, index]));

export interface FixResult {
  text: string;
  /** The fixes applied, in the order applied (positions in the text of their round). */
  applied: LintFinding[];
  /** What is left after fixing. */
  remaining: LintFinding[];
}

/** Apply every safe fix until stable. Idempotent: fixing the result changes nothing. */
export function fixBody(body: string, context: LintContext = {}, options: LintOptions = {}): FixResult {
  let text = body;
  let shape: string | undefined;
  const shapeOf = (value: string) => treeShape(parseBody(value));
  const applied: LintFinding[] = [];
  const blocked = new Set<string>();
  const key = (finding: LintFinding) =>
    `${finding.rule}@${finding.start}:${finding.edits!.map((edit) => `${edit.start}-${edit.end}=${edit.text}`).join(',')}`;
  let findings = lintBody(text, context, options);
  for (let round = 0; round < 12; round++) {
    const fixable = findings
      .filter((finding) => finding.edits && !blocked.has(key(finding)))
      .sort((a, b) => PRIORITY.get(a.rule)! - PRIORITY.get(b.rule)! || a.start - b.start);
    const accepted: LintFinding[] = [];
    const taken: TextEdit[] = [];
    for (const finding of fixable) {
      if (finding.edits!.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
      accepted.push(finding);
      taken.push(...finding.edits!);
    }
    if (accepted.length === 0) break;
    shape ??= shapeOf(body);
    let next = applyEdits(text, taken);
    if (shapeOf(next) !== shape) {
      // Retry one fix at a time from the end, keeping those that leave the structure alone.
      next = text;
      const kept: LintFinding[] = [];
      for (const finding of [...accepted].sort((a, b) => b.start - a.start)) {
        const candidate = applyEdits(next, finding.edits!);
        if (shapeOf(candidate) === shape) {
          next = candidate;
          kept.push(finding);
        } else blocked.add(key(finding));
      }
      if (kept.length === 0) continue;
      accepted.splice(0, accepted.length, ...kept.reverse());
    }
    applied.push(...accepted);
    text = next;
    findings = lintBody(text, context, options);
  }
  return { text, applied, remaining: findings };
}

/** Body offset → file line and column (1-based, columns in characters). */
function bodyPosition(body: string, bodyLine: number, offset: number): { line: number; column: number } {
  let line = bodyLine;
  let lineStart = 0;
  for (let i = body.indexOf('\n'); i !== -1 && i < offset; i = body.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: [...body.slice(lineStart, offset)].length + 1 };
}

/** The context a rule may use for one entry. */
export function entryContext(entry: EntryRecord, registry: Registry | undefined): LintContext {
  return { date: entry.data.date, ...(registry ? { registry } : {}) };
}

/** A lint finding as a diagnostic of the entry's file. */
function findingDiagnostic(entry: Pick<EntryRecord, 'file' | 'body' | 'bodyLine'>, finding: LintFinding): Diagnostic {
  return {
    rule: finding.rule,
    severity: finding.severity,
    file: entry.file,
    ...bodyPosition(entry.body, entry.bodyLine, finding.start),
    message: finding.message,
    ...(finding.hint ? { hint: finding.hint } : {}),
    ...(finding.edits ? { fixable: true } : {}),
  };
}

/** Lint one entry's body. */
export function lintEntry(entry: EntryRecord, registry?: Registry, options: LintOptions = {}): Diagnostic[] {
  return lintBody(entry.body, entryContext(entry, registry), options).map((finding) =>
    findingDiagnostic(entry, finding),
  );
}

/** Ids of entries in published (frozen) issues: their text changes only through errata. */
export function frozenEntryIds(content: Pick<LoadedContent, 'issues'>): Set<string> {
  const ids = new Set<string>();
  for (const issue of content.issues)
    if (issue.data.status === 'published') for (const id of issue.data.entries) ids.add(id);
  return ids;
}

/** Lint every entry of a loaded content directory. */
export function lintContent(
  content: Pick<LoadedContent, 'entries' | 'issues'>,
  registry?: Registry,
  options: LintOptions & { skipFrozen?: boolean } = {},
): Diagnostic[] {
  const frozen = options.skipFrozen ? frozenEntryIds(content) : new Set<string>();
  return content.entries
    .filter((entry) => !frozen.has(entry.id))
    .flatMap((entry) => lintEntry(entry, registry, options));
}
