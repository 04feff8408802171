/**
 * Dates in the body in the official form 2023年8月30日 (GB/T 15835):
 * 2023.8.30, 2023-08-30, 2023/8/30 → 2023年8月30日; 23年8月 → 2023年8月;
 * 08月05日 → 8月5日; 30号 → 30日 after a month.
 */
import { isDigit } from '../chars.ts';
import { parseDateText } from '../../schema/fields.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

const NUMERIC = /(?<![\d./-])((?:19|20)\d{2})([.\-/．])(\d{1,2})\2(\d{1,2})(?![\d.]*\d)/g;
const SHORT_YEAR = /(?<![\d０-９])(\d{2})年(?=\d{1,2}月)/g;
const ZERO = /(?<=^|[^\d])0(\d)(?=[月日])/g;
const HAO = /(?<=\d{1,2}月\d{1,2})号/g;

export default defineRule('lint/date-format', {
  ignores: ['decimal', 'version'],
  check(block, context) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    NUMERIC.lastIndex = 0;
    for (let match = NUMERIC.exec(text); match; match = NUMERIC.exec(text)) {
      const [whole, year, , month, day] = match;
      const iso = parseDateText(`${year}-${month}-${day}`);
      if (!iso) continue;
      const fixed = `${Number(year)}年${Number(month)}月${Number(day)}日`;
      findings.push({
        from: match.index,
        to: match.index + whole.length,
        message: `日期“${whole}”应写作“${fixed}”`,
        edits: [{ from: match.index, to: match.index + whole.length, text: fixed }],
      });
    }
    const century = (context.date ?? '2000').slice(0, 2);
    SHORT_YEAR.lastIndex = 0;
    for (let match = SHORT_YEAR.exec(text); match; match = SHORT_YEAR.exec(text)) {
      const fixed = `${century}${match[1]}年`;
      findings.push({
        from: match.index,
        to: match.index + match[0].length,
        message: `年份“${match[0]}”应写全：“${fixed}”`,
        edits: [{ from: match.index, to: match.index + match[0].length, text: fixed }],
      });
    }
    ZERO.lastIndex = 0;
    for (let match = ZERO.exec(text); match; match = ZERO.exec(text)) {
      const unit = text[match.index + 2];
      // Only inside a date: 08月, or 05日 after a month.
      if (unit === '日' && !/月$/.test(text.slice(0, match.index))) continue;
      if (isDigit(text[match.index - 1])) continue;
      findings.push({
        from: match.index,
        to: match.index + 2,
        message: `日期中的“${match[0]}${unit}”不补零，应为“${match[1]}${unit}”`,
        edits: [{ from: match.index, to: match.index + 2, text: match[1]! }],
      });
    }
    HAO.lastIndex = 0;
    for (let match = HAO.exec(text); match; match = HAO.exec(text)) {
      findings.push({
        from: match.index,
        to: match.index + 1,
        message: '日期用“日”，不用“号”',
        edits: [{ from: match.index, to: match.index + 1, text: '日' }],
      });
    }
    return findings;
  },
});
