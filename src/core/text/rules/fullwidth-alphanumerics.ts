/** Full-width digits and Latin letters → half-width (GB/T 15835: 阿拉伯数字用半角). */
import { defineRule, type RuleFinding } from '../rule.ts';

const FULLWIDTH = /[０-９Ａ-Ｚａ-ｚ]+(?:[．.][０-９]+)?[％]?/g;

function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ．％]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

export default defineRule('lint/fullwidth-alphanumerics', {
  check(block) {
    const findings: RuleFinding[] = [];
    FULLWIDTH.lastIndex = 0;
    for (let match = FULLWIDTH.exec(block.text); match; match = FULLWIDTH.exec(block.text)) {
      const from = match.index;
      const to = from + match[0].length;
      const fixed = toHalfWidth(match[0]);
      findings.push({
        from,
        to,
        message: `全角数字或字母“${match[0]}”应为半角“${fixed}”`,
        edits: [{ from, to, text: fixed }],
      });
    }
    return findings;
  },
});
