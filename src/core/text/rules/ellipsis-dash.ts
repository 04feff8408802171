/**
 * Ellipsis and dash in Chinese text: …… (two U+2026) and —— (two U+2014).
 * Dot runs, 。。。, a lone … or —, -- and box-drawing ── are converted when
 * they sit next to Chinese text. Ranges such as 8-9月 are left alone, and
 * a one-em dash between two numbers or dates (12月12日—18日) is the range
 * mark of GB/T 15834-2011, not a broken dash: it stays.
 */
import { isChinese } from '../chars.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

const FORMS: { pattern: RegExp; replacement: string; name: string }[] = [
  { pattern: /\.{3,}|。{3,}|·{3,}|(?<!…)…(?!…)|…{3,}/g, replacement: '……', name: '省略号' },
  { pattern: /-{2,}|(?<!—)—(?!—)|—{3,}|─{1,}|－{2,}|―{1,}/g, replacement: '——', name: '破折号' },
];

/** What a range's first half ends with: a number, or a date or time unit after one. */
const RANGE_BEFORE = /\d(?:年|月|日|号|时|点|分|秒|时\d+分)?$/;

export default defineRule('lint/ellipsis-dash', {
  check(block) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    for (const { pattern, replacement, name } of FORMS) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const from = match.index;
        const to = from + match[0].length;
        if (match[0] === replacement) continue;
        // A range of times or numbers keeps its one-em dash (GB/T 15834: 12月12日—18日, 2024—2025年).
        if (match[0] === '—' && RANGE_BEFORE.test(text.slice(0, from)) && /^\d/.test(text.slice(to))) continue;
        if (!isChinese(text[from - 1]) && !isChinese(text[to])) continue;
        // 12 dots (……………… ) mark a whole omitted paragraph; leave long runs of … alone.
        if (/^…+$/.test(match[0]) && match[0].length >= 6) continue;
        findings.push({
          from,
          to,
          message: `${name}应写作“${replacement}”，不是“${match[0]}”`,
          edits: [{ from, to, text: replacement }],
        });
      }
    }
    return findings;
  },
});
