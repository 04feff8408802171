/**
 * What a lint rule is: an id from the rule registry (which holds its Chinese
 * title and description and its default severity), and a check over one block
 * of running text that returns findings, each with an exact fix when the fix is safe.
 */
import { RULES, type LintRuleId, type Severity } from '../rules.ts';
import type { Registry } from '../registry.ts';
import type { Block } from './blocks.ts';
import type { ProtectedKind } from './protect.ts';

/** Replace block text [from, to) with `text`. */
export interface BlockEdit {
  from: number;
  to: number;
  text: string;
}

/** A problem a rule found, in block-text coordinates. */
export interface RuleFinding {
  from: number;
  to: number;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it by hand, in Chinese. */
  hint?: string;
  /** The exact fix; all edits apply together or not at all (unless `separable`). */
  edits?: BlockEdit[];
  /** Each edit stands on its own (one finding for many characters of a paragraph). */
  separable?: boolean;
}

/** What a rule may know about the entry besides its text. */
export interface LintContext {
  /** The entry's date, ISO `YYYY-MM-DD`. */
  date?: string;
  registry?: Registry;
  /** Index of the body's first paragraph block (the lead sentence), set by the runner. */
  firstParagraph?: number;
}

export interface LintRule {
  /** Stable id, `lint/…`, from the registry (rules.ts). */
  id: LintRuleId;
  /** Short Chinese name (from the registry). */
  title: string;
  /** One Chinese sentence: what the rule asks for (shown by `lint --rules`; from the registry). */
  description: string;
  severity: Severity;
  /** Edits may cover whole placeholders (links, code) inside their range: debris removal. */
  spansMarkup?: boolean;
  /** Protected spans this rule may edit anyway (dates look like decimals; zero-width characters hide in URLs). */
  ignores?: readonly ProtectedKind[] | 'all';
  check: (block: Block, context: LintContext) => RuleFinding[];
  /** Findings over the whole body, in body offsets (what block text cannot see: spaces at line ends). */
  checkBody?: (body: string, context: LintContext) => BodyFinding[];
}

/** A finding of `checkBody`, in body offsets (UTF-16); `edits` replace body ranges. */
export interface BodyFinding {
  start: number;
  end: number;
  message: string;
  hint?: string;
  edits?: { start: number; end: number; text: string }[];
}

/** Declare a rule: its behaviour here, its title, description and severity from the registry. */
export function defineRule(
  id: LintRuleId,
  behaviour: Omit<LintRule, 'id' | 'title' | 'description' | 'severity'>,
): LintRule {
  const { title, description, severity } = RULES[id];
  return { id, title, description, severity, ...behaviour };
}
