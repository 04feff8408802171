/** Zero-width and soft-hyphen characters copied from web pages and Word: invisible, but they break search and line breaking. */
import { defineRule, type RuleFinding } from '../rule.ts';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u200e\u200f]+/g;

export default defineRule('lint/invisible-characters', {
  // Everywhere but next to links and addresses, where removing one could join text onto the link.
  ignores: ['latin', 'decimal', 'time', 'version', 'number', 'phone'],
  check(block) {
    const findings: RuleFinding[] = [];
    INVISIBLE.lastIndex = 0;
    for (let match = INVISIBLE.exec(block.text); match; match = INVISIBLE.exec(block.text)) {
      const codes = [...new Set(match[0])]
        .map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
        .join('、');
      findings.push({
        from: match.index,
        to: match.index + match[0].length,
        message: `有不可见字符（${codes}）`,
        hint: '多为从网页或 Word 复制带来，删去即可',
        edits: [{ from: match.index, to: match.index + match[0].length, text: '' }],
      });
    }
    return findings;
  },
});
