/**
 * Spans of Chinese text that no rule may edit: URLs and domain names that
 * GFM did not turn into links, e-mail addresses, phone numbers, decimals,
 * times, version strings, numbers with thousands separators and runs of
 * Latin text (a comma in "Hello, world" stays a comma).
 */

export type ProtectedKind = 'url' | 'email' | 'phone' | 'decimal' | 'time' | 'version' | 'number' | 'latin';

export interface ProtectedSpan {
  start: number;
  end: number;
  kind: ProtectedKind;
}

// Order matters only for readability: overlapping spans are all kept.
const PATTERNS: { kind: ProtectedKind; pattern: RegExp }[] = [
  {
    kind: 'url',
    pattern: /\b(?:https?|ftp):\/\/[!#-;=?-~]+|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[!#-'*-;=?-~]*)?/g,
  },
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g },
  // Bare domain names: example.gov.cn, a.b.com/path
  {
    kind: 'url',
    pattern: /\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|info|io)\b(?:\/[!#-'*-;=?-~]*)?/g,
  },
  // 0734-0000000, (0734)1234567, 13800138000, 12345-678
  {
    kind: 'phone',
    pattern:
      /(?:[(（]\d{3,4}[)）]|\d{3,4}-)?\d{7,8}(?:-\d{1,6})?|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{3,4}-\d{3,4}-\d{4}(?!\d)/g,
  },
  { kind: 'time', pattern: /(?<!\d)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?!\d)/g },
  { kind: 'version', pattern: /\b[vV]?\d+(?:\.\d+){2,}\b|\b[vV]\d+(?:\.\d+)*\b/g },
  { kind: 'decimal', pattern: /\d+\.\d+/g },
  { kind: 'number', pattern: /\d{1,3}(?:,\d{3})+(?!\d)/g },
  // Latin words joined by spaces and ASCII punctuation: the joiners stay as typed.
  { kind: 'latin', pattern: /[A-Za-z][A-Za-z0-9'’_-]*(?:[ ,.;:!?'"()&/-]+[A-Za-z0-9][A-Za-z0-9'’_-]*)*/g },
];

/** Every protected span of a block's text, sorted by start. */
export function protectedSpans(text: string): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  for (const { kind, pattern } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      // A single Latin word has no joiners to protect; a Latin run is only kept
      // when it holds a joiner (space or punctuation) between words.
      if (kind === 'latin' && !/[ ,.;:!?'"()&/-]/.test(match[0])) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, kind });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Does [start, end) touch a protected span? An insertion (start = end) must lie strictly inside one to count. */
export function overlapsProtected(
  spans: readonly ProtectedSpan[],
  start: number,
  end: number,
): ProtectedSpan | undefined {
  for (const span of spans) {
    if (span.start >= Math.max(end, start + 1)) break;
    if (start < span.end && Math.max(end, start + 1) > span.start) return span;
  }
  return undefined;
}
