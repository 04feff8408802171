/**
 * Dates a copy damaged: a lost 月 leaves 123日 or 62日 (a day over 31), a
 * lost 月 and 日 leave a bare 131， opening the sentence, and some dates do
 * not exist (2月30日, 13月5日). Flagged for a person with
 * the likely reading (1月23日？), never fixed: only the original knows.
 * A reading in the entry's own month is preferred when there are several.
 */
import { defineRule, type RuleFinding } from '../rule.ts';

/** A day number of two to four digits not after 月 (nor part of a longer number): 123日, 62日. */
const LOST_MONTH = /(?<![\d.．,月第])(\d{2,4})日/g;
/** A bare number opening a sentence before a comma (131，由镇长带队…): a date that lost both 月 and 日. */
const LOST_BOTH = /(?:^|(?<=[。；！？\n]))(\d{3,4})(?=[，,])/g;
const MONTH_DAY = /(?<![\d.．])(\d{1,2})月(\d{1,2})日/g;
const YEAR_BEFORE = /((?:19|20)\d{2})年$/;

function daysIn(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Every split of the digits into a month and a day that exists. */
function readings(digits: string, year?: number): { month: number; day: number }[] {
  const found: { month: number; day: number }[] = [];
  for (let cut = 1; cut < digits.length; cut++) {
    if (digits[cut] === '0' && cut === digits.length - 1) continue;
    const month = Number(digits.slice(0, cut));
    const day = Number(digits.slice(cut));
    if (digits[0] === '0' || digits[cut] === '0') continue;
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year)) found.push({ month, day });
  }
  return found;
}

/** The readings to show: those in the entry's own month when there are any. */
function likely(digits: string, year: number | undefined, entryMonth: number | undefined): string | undefined {
  const options = readings(digits, year);
  if (options.length === 0) return undefined;
  const preferred = options.filter((option) => option.month === entryMonth);
  return (preferred.length ? preferred : options).map((option) => `${option.month}月${option.day}日`).join('”或“');
}

export default defineRule('lint/date-damaged', {
  ignores: ['decimal', 'version'],
  check(block, context) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    const entryMonth = context.date ? Number(context.date.slice(5, 7)) : undefined;
    const yearAt = (index: number) => {
      const stated = YEAR_BEFORE.exec(text.slice(Math.max(0, index - 5), index))?.[1];
      return stated ? Number(stated) : context.date ? Number(context.date.slice(0, 4)) : undefined;
    };
    LOST_MONTH.lastIndex = 0;
    for (let match = LOST_MONTH.exec(text); match; match = LOST_MONTH.exec(text)) {
      const digits = match[1]!;
      if (Number(digits) <= 31) continue;
      const shown = likely(digits, yearAt(match.index), entryMonth);
      if (!shown) continue;
      findings.push({
        from: match.index,
        to: match.index + match[0].length,
        message: `日期“${match[0]}”不存在，可能丢了“月”：是不是“${shown}”？`,
        hint: '对照原件改正日期',
      });
    }
    LOST_BOTH.lastIndex = 0;
    for (let match = LOST_BOTH.exec(text); match; match = LOST_BOTH.exec(text)) {
      const shown = likely(match[1]!, yearAt(match.index), entryMonth);
      if (shown)
        findings.push({
          from: match.index,
          to: match.index + match[1]!.length,
          message: `日期“${match[1]}”缺了“月”“日”：是不是“${shown}”？`,
          hint: '对照原件改正日期',
        });
    }
    MONTH_DAY.lastIndex = 0;
    for (let match = MONTH_DAY.exec(text); match; match = MONTH_DAY.exec(text)) {
      const month = Number(match[1]);
      const day = Number(match[2]);
      const year = yearAt(match.index);
      if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year)) continue;
      findings.push({
        from: match.index,
        to: match.index + match[0].length,
        message: `日期“${year && YEAR_BEFORE.test(text.slice(0, match.index)) ? `${year}年` : ''}${match[0]}”不存在`,
        hint: '对照原件改正日期',
      });
    }
    return findings;
  },
});
