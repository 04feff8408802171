/**
 * Doubled or clashing punctuation: 。。 ，， ，。 、、 ,， … A doubled mark
 * collapses to one; a comma just before another mark (，、 ，。 ，；) is what
 * converters leave, and the later mark wins; any other clash needs a
 * person to choose. ？？？ ！！！
 * ？！ are allowed; 。。。 is an ellipsis (the ellipsis rule).
 */
import { defineRule, type RuleFinding } from '../rule.ts';

const MARKS = '，。、；：？！,';
const RUN = new RegExp(`[${MARKS}]{2,}`, 'g');
/** Marks that win over a comma just before them. */
const LATER_WINS = '、。；：？！';

export default defineRule('lint/repeated-punctuation', {
  check(block) {
    const findings: RuleFinding[] = [];
    RUN.lastIndex = 0;
    for (let match = RUN.exec(block.text); match; match = RUN.exec(block.text)) {
      const run = match[0];
      if (/^[？！]+$/.test(run)) continue;
      if (/^。{3,}$/.test(run)) continue;
      // Half-width commas between digits are thousands separators, not our business.
      if (!/[^,]/.test(run)) continue;
      const from = match.index;
      const to = from + run.length;
      const normalised = run.replace(/,/g, '，');
      const same = [...normalised].every((char) => char === normalised[0]);
      // A converter's comma before the real mark (全省，、全市 / 会议，。): the later, stronger mark wins.
      const converted = normalised.length === 2 && normalised[0] === '，' && LATER_WINS.includes(normalised[1]!);
      findings.push(
        same
          ? {
              from,
              to,
              message: `标点重复“${run}”，应只保留一个“${normalised[0]}”`,
              edits: [{ from, to, text: normalised[0]! }],
            }
          : converted
            ? {
                from,
                to,
                message: `标点冲突“${run}”（转换残留），保留后一个“${normalised[1]}”`,
                edits: [{ from, to, text: normalised[1]! }],
              }
            : { from, to, message: `标点冲突“${run}”`, hint: '同一位置只保留一个最合适的标点' },
      );
    }
    return findings;
  },
});
