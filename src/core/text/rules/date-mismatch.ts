/**
 * The body's first sentence usually opens with the day of the event
 * (8月22日，…). When it names dates and none of them (or of the ranges
 * 8月21日至22日) is the entry's `date`, one of the two is wrong.
 */
import { chineseDate } from '../../format.ts';
import { defineRule } from '../rule.ts';

const DATE =
  /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:(?:至|到|-|－|—{1,2}|～|~)(?:(?:(\d{4})年)?(\d{1,2})月)?(\d{1,2})日)?/y;

function iso(year: string, month: string, day: string): string {
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export default defineRule('lint/date-mismatch', {
  check(block, context) {
    if (block.index !== context.firstParagraph || !context.date) return [];
    const end = block.text.search(/[。；！？\n]/);
    const sentence = end === -1 ? block.text : block.text.slice(0, end);
    const year = context.date.slice(0, 4);
    const found: { from: number; to: number; text: string }[] = [];
    // Only the date the sentence opens with (8月22日，… / 8月22日上午，…) is the event's day;
    // a later one is often a deadline (于9月10日前).
    const lead = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)?\s*/.exec(sentence)![0].length;
    DATE.lastIndex = lead;
    const match = DATE.exec(sentence);
    if (match) {
      const startYear = match[1] ?? year;
      const first = iso(startYear, match[2]!, match[3]!);
      const last = match[6] ? iso(match[4] ?? startYear, match[5] ?? match[2]!, match[6]) : first;
      if (first <= context.date && context.date <= last) return [];
      found.push({ from: match.index, to: match.index + match[0].length, text: match[0] });
    }
    const first = found[0];
    if (!first) return [];
    return [
      {
        from: first.from,
        to: first.to,
        message: `正文第一句的日期“${first.text}”与稿件日期 ${chineseDate(context.date)} 不一致`,
        hint: '核对事件发生的日期，改正前置信息中的 日期 或正文',
      },
    ];
  },
});
