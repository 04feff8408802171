/**
 * 序号 at the start of a line: 一、 （一） 1. （1）. Flags 一. 一， （一）、
 * 1、 1， 1) and converts them. `1、2月` (January and February) is not a 序号.
 */
import { CHINESE_NUMERALS, isDigit } from '../chars.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

const N = `[${CHINESE_NUMERALS}]+`;
const FORMS: { pattern: RegExp; fix: (match: RegExpExecArray) => string | undefined }[] = [
  { pattern: new RegExp(`^(${N})[.．,，]`), fix: (m) => `${m[1]}、` },
  { pattern: new RegExp(`^（(${N})）[、.．，,]`), fix: (m) => `（${m[1]}）` },
  { pattern: /^(\d{1,2})[、，,．](?=[\u4e00-\u9fff“《（【])/, fix: (m) => `${m[1]}.` },
  { pattern: /^[（(](\d{1,2})[)）][、.．，,]/, fix: (m) => `（${m[1]}）` },
  { pattern: /^(\d{1,2})[)）](?=[\u4e00-\u9fff“《（【])/, fix: (m) => `（${m[1]}）` },
];

export default defineRule('lint/serial-numbers', {
  check(block) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    for (let line = 0; line < text.length; line = text.indexOf('\n', line) + 1) {
      const rest = text.slice(line, line + 12);
      for (const { pattern, fix } of FORMS) {
        const match = pattern.exec(rest);
        if (!match) continue;
        // 1、2月 / 1，2号: numbers in a list, not a 序号.
        if (isDigit(rest[match[0].length])) break;
        const replacement = fix(match);
        if (!replacement || replacement === match[0]) break;
        findings.push({
          from: line,
          to: line + match[0].length,
          message: `序号“${match[0]}”应写作“${replacement}”`,
          edits: [{ from: line, to: line + match[0].length, text: replacement }],
        });
        break;
      }
      if (text.indexOf('\n', line) === -1) break;
    }
    return findings;
  },
});
