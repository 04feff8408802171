/**
 * Diagnostics: the one shape every problem takes, the registry of rule ids,
 * did-you-mean suggestions, and the only place zod issues become Chinese prose.
 */
import type { z } from 'zod';

export type Severity = 'error' | 'warning';

/** A position in a source file; 1-based. */
export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic extends Position {
  /** Stable rule id, e.g. `issue/number-gap`. */
  rule: string;
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

/** Every rule id with its default severity and a short Chinese description. */
export const RULES = {
  'file/read': { severity: 'error', title: '文件无法读取' },
  'file/empty': { severity: 'error', title: '文件为空' },
  'file/binary': { severity: 'error', title: '不是文本文件' },
  'file/missing': { severity: 'error', title: '缺少必需的设置文件' },
  'encoding/not-utf8': { severity: 'error', title: '文件不是 UTF-8 编码' },
  'encoding/unknown': { severity: 'error', title: '无法识别文件编码' },
  'encoding/bom': { severity: 'warning', title: '文件开头有 BOM' },
  'encoding/crlf': { severity: 'warning', title: 'Windows 换行符（CRLF）' },
  'frontmatter/missing': { severity: 'error', title: '缺少前置信息' },
  'frontmatter/unclosed': { severity: 'error', title: '前置信息没有结束行' },
  'yaml/syntax': { severity: 'error', title: 'YAML 语法错误' },
  'yaml/tab': { severity: 'error', title: 'YAML 中使用了制表符' },
  'yaml/fullwidth-colon': { severity: 'error', title: '键名后使用了全角冒号' },
  'yaml/duplicate-key': { severity: 'error', title: '重复的键' },
  'schema/unknown-key': { severity: 'error', title: '未知的键' },
  'schema/duplicate-key': { severity: 'error', title: '同一个键写了两次（中英文各一次）' },
  'schema/required': { severity: 'error', title: '缺少必填项' },
  'schema/invalid': { severity: 'error', title: '取值无效' },
  'entry/title-required': { severity: 'error', title: '稿件缺少标题' },
  'entry/people-required': { severity: 'error', title: '调研指导稿件缺少领导' },
  'entry/unknown-unit': { severity: 'error', title: '未知的报送单位' },
  'entry/unknown-person': { severity: 'error', title: '未知的领导' },
  'entry/person-no-title': { severity: 'warning', title: '领导在该日期没有职务' },
  'entry/unknown-series': { severity: 'error', title: '未知的刊物' },
  'entry/series-required': { severity: 'error', title: '有多个刊物时稿件需写明刊物' },
  'entry/section-not-in-series': { severity: 'error', title: '栏目不属于该刊物' },
  'entry/pending': { severity: 'warning', title: '待编稿件尚未编入任何一期' },
  'entry/unedited': { severity: 'warning', title: '稿件正文为空或只有模板的开头（不能发布）' },
  'entry/in-several-issues': { severity: 'error', title: '稿件被编入多期' },
  'entry/image-missing': { severity: 'error', title: '图片不存在或不在内容目录中' },
  'entry/image-type': { severity: 'error', title: '图片格式不支持（只支持 PNG、JPEG、GIF、WebP）' },
  'entry/image-remote': { severity: 'warning', title: '外网图片不会显示' },
  'entry/image-large': { severity: 'warning', title: '图片超过 5 MB' },
  'issue/unknown-series': { severity: 'error', title: '未知的刊物' },
  'issue/series-required': { severity: 'error', title: '有多个刊物时期刊需写明刊物' },
  'issue/number-duplicate': { severity: 'error', title: '期号重复' },
  'issue/number-gap': { severity: 'error', title: '期号不连续' },
  'issue/number-start': { severity: 'error', title: '年度首期期号不对' },
  'issue/total-sequence': { severity: 'error', title: '总期号不连续' },
  'issue/date-out-of-year': { severity: 'error', title: '印发日期不在年度内' },
  'issue/date-order': { severity: 'error', title: '印发日期先于上一期' },
  'issue/entry-missing': { severity: 'error', title: '期刊列出的稿件不存在' },
  'issue/entry-not-ready': { severity: 'error', title: '期刊列出了草稿或撤稿' },
  'issue/entry-listed-twice': { severity: 'error', title: '同一期重复列出稿件' },
  'issue/entry-after-issue': { severity: 'error', title: '稿件日期晚于印发日期' },
  'issue/entry-series': { severity: 'error', title: '稿件属于另一个刊物' },
  'issue/entry-title-required': { severity: 'error', title: '文章版式的稿件需要标题' },
  'issue/unknown-recipient': { severity: 'warning', title: '未知的发送对象' },
  'issue/frozen-changed': { severity: 'error', title: '已发布的期刊被修改' },
  'issue/digest-missing': { severity: 'error', title: '已发布的期刊没有摘要' },
  'issue/errata-pending': { severity: 'warning', title: '已按勘误修改，尚未重新冻结' },
  'settings/duplicate-id': { severity: 'error', title: '编号重复' },
  'settings/reserved-id': { severity: 'error', title: '刊物 id 与站点目录重名' },
  'settings/duplicate-name': { severity: 'error', title: '名称或别名重复' },
  'settings/unknown-person': { severity: 'error', title: '分组中有未知的领导' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type RuleId = keyof typeof RULES;

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
    if (hay.includes(needle) || needle.includes(hay)) score = Math.min(score, 1 + Math.abs(hay.length - needle.length) / 10);
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
