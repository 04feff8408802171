/**
 * Diagnostics: the one shape every problem takes (its rule id comes from
 * rules.ts), did-you-mean suggestions, and the only place zod issues become Chinese prose.
 */
import type { z } from 'zod';
import { RULES, type RuleId, type Severity } from './rules.ts';

/** A position in a source file; 1-based. */
export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic extends Position {
  /** Stable rule id, e.g. `issue/number-gap`. */
  rule: RuleId;
  severity: Severity;
  /** Path relative to the content directory, with `/` separators. */
  file: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  hint?: string;
  /** A did-you-mean replacement, when there is one. */
  suggestion?: string;
  /** True when `check --fix` (or `lint --fix`) can repair it safely. */
  fixable?: boolean;
}

/** Build a diagnostic with the rule's default severity. */
export function diagnostic(
  rule: RuleId,
  file: string,
  position: Position,
  message: string,
  extra: Partial<Pick<Diagnostic, 'hint' | 'suggestion' | 'fixable' | 'severity'>> = {},
): Diagnostic {
  return {
    rule,
    severity: extra.severity ?? RULES[rule].severity,
    file,
    line: position.line,
    column: position.column,
    message,
    ...(extra.hint ? { hint: extra.hint } : {}),
    ...(extra.suggestion ? { suggestion: extra.suggestion } : {}),
    ...(extra.fixable ? { fixable: true } : {}),
  };
}

/** Order diagnostics by file, line, column, then rule id. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Levenshtein distance over code points (Chinese is one code point per character). */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[right.length]!;
}

/**
 * The closest candidate to `input`, or undefined when nothing is close.
 * A candidate that contains the input (or is contained in it) counts as close:
 * clerks often write 应急局 for 区应急管理局.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const needle = input.trim().toLowerCase();
  if (!needle) return undefined;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    let score = editDistance(needle, hay);
    if (hay.includes(needle) || needle.includes(hay))
      score = Math.min(score, 1 + Math.abs(hay.length - needle.length) / 10);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  const limit = Math.max(1, Math.floor([...needle].length / 2));
  return bestScore <= limit ? best : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '键值对',
  date: '日期',
  undefined: '空',
  null: '空',
};

/**
 * A value from the content as a message quotes it: text as written, numbers
 * and dates as a clerk writes them, lists and mappings in YAML's flow style.
 * Undefined for a missing value (undefined, null): the message then says
 * 缺少…, never shows a JavaScript value.
 */
export function quotedValue(input: unknown): string | undefined {
  if (input === undefined || input === null) return undefined;
  const text = quoted(input, 0);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function quoted(input: unknown, depth: number): string {
  if (input === undefined || input === null) return '';
  if (typeof input === 'string') return input;
  if (typeof input === 'number') return Number.isFinite(input) ? String(input) : '（不是有效的数字）';
  if (typeof input === 'boolean') return input ? 'true' : 'false';
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? '（无效的日期）' : input.toISOString().slice(0, 10);
  if (depth > 8) return '…';
  if (Array.isArray(input))
    return `[${input
      .slice(0, 20)
      .map((item) => quoted(item, depth + 1))
      .join(', ')}${input.length > 20 ? ', …' : ''}]`;
  if (typeof input === 'object') {
    const entries = Object.entries(input as Record<string, unknown>);
    return `{${entries
      .slice(0, 20)
      .map(([key, value]) => `${key}: ${quoted(value, depth + 1)}`)
      .join(', ')}${entries.length > 20 ? ', …' : ''}}`;
  }
  return describeInput(input);
}

/** A value's kind in Chinese, for 应为X，实际是Y messages. */
export function describeInput(input: unknown): string {
  if (input === undefined || input === null) return '空';
  if (Array.isArray(input)) return '列表';
  return TYPE_NAMES[typeof input] ?? typeof input;
}

/**
 * Turn a zod issue into Chinese. Our schemas carry Chinese messages for the
 * cases clerks meet; this covers the generic ones.
 */
export function zodIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return '缺少必填项';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际是${describeInput(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `至少需要 ${issue.minimum} 项`;
      if (issue.origin === 'string') return '不能为空';
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `取值无效，应为：${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return '格式无效';
    case 'not_multiple_of':
      return '数值无效';
    case 'unrecognized_keys':
      return `未知的键：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '取值无效';
    default:
      return '取值无效';
  }
}
