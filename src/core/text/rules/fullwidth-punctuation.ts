/**
 * Half-width `, . ; : ? ! ( )` inside Chinese text → full-width (GB/T 15834).
 * Left alone: Latin text, decimals, times, URLs (protected spans), a `.`
 * after a digit (序号 1.) and dot runs (the ellipsis rule).
 */
import { atLineStart, charAfter, CHINESE_NUMERALS, hasHan, isChinese, isDigit, isHan } from '../chars.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

const FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '.': '。',
  '(': '（',
  ')': '）',
};
const CLOSING = new Set('”’）》】」』');

export default defineRule('lint/fullwidth-punctuation', {
  check(block) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    const finding = (from: number, char: string): RuleFinding => ({
      from,
      to: from + 1,
      message: `中文中使用了半角标点“${char}”，应为“${FULL[char]}”`,
      edits: [{ from, to: from + 1, text: FULL[char]! }],
    });
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (!(char in FULL) || char === '(' || char === ')') continue;
      const before = text[i - 1];
      const after = charAfter(text, i + 1);
      const chineseBefore = isChinese(before) || CLOSING.has(before ?? '');
      if (char === '.') {
        // Not in "..." (ellipsis rule), not after a digit (1. is a 序号), not 一. (序号 rule).
        if (text[i + 1] === '.' || before === '.') continue;
        const line = text.lastIndexOf('\n', i - 1) + 1;
        // 0734-0000000.邮箱: a full stop after a number, unless the number opens the line (序号 1.).
        const afterNumber = isDigit(before) && isHan(after) && !/^\d+$/.test(text.slice(line, i));
        if (!isHan(before) && !CLOSING.has(before ?? '') && !afterNumber) continue;
        if (after !== undefined && !isChinese(after) && after !== '\n') continue;
        if (i - line <= 3 && [...text.slice(line, i)].every((c) => CHINESE_NUMERALS.includes(c))) continue;
        findings.push(finding(i, char));
        continue;
      }
      if (char === '?') {
        // A run of ? before Chinese text is conversion debris (lost spaces).
        let end = i;
        while (text[end] === '?') end++;
        if ((end - i >= 2 || atLineStart(text, i)) && isHan(text[end])) {
          i = end - 1;
          continue;
        }
      }
      if (char === ':' && isDigit(before) && isDigit(text[i + 1])) continue;
      if (char === ',' && isDigit(before) && isDigit(text[i + 1])) continue;
      if (chineseBefore || (isChinese(after) && after !== undefined)) findings.push(finding(i, char));
    }
    // Parentheses, as pairs: converted when the pair sits in Chinese text.
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '(') stack.push(i);
      else if (text[i] === ')' && stack.length) {
        const open = stack.pop()!;
        const inner = text.slice(open + 1, i);
        if (
          hasHan(inner) ||
          isChinese(text[open - 1]) ||
          isChinese(text[i + 1]) ||
          (atLineStart(text, open) && /^\d{1,2}$/.test(inner))
        ) {
          findings.push({
            from: open,
            to: i + 1,
            message: '中文中使用了半角括号“()”，应为“（）”',
            edits: [
              { from: open, to: open + 1, text: '（' },
              { from: i, to: i + 1, text: '）' },
            ],
          });
        }
      }
    }
    return findings;
  },
});
