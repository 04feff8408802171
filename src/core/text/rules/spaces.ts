/**
 * Spaces official text does not have: between Chinese characters, between
 * Chinese and digits, around full-width punctuation, and the ideographic
 * space U+3000 or non-breaking space inside a line (indentation belongs to
 * the layout, not the text). Spaces inside Latin text stay. In a heading
 * (or a title-short line without sentence punctuation) a space between two
 * phrases separates them: it becomes one full-width space, never nothing.
 */
import { isChinese, isCjkPunctuation, isDigit, isHan, isInlineSpace } from '../chars.ts';
import type { Block } from '../blocks.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

function describe(run: string): string {
  if (run.includes('\u3000')) return '全角空格';
  if (run.includes('\u00a0')) return '不间断空格';
  return '空格';
}

/** A heading, or a one-line paragraph as short as a title without sentence punctuation (its phrases: three characters or more each side). */
function isHeadingLike(block: Block): boolean {
  if (block.kind === 'heading') return true;
  return (
    block.kind === 'paragraph' &&
    !block.text.includes('\n') &&
    [...block.text.trim()].length <= 40 &&
    !/[，。；！？、,.;!?]/.test(block.text)
  );
}

export default defineRule('lint/spaces', {
  check(block) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    const heading = isHeadingLike(block);
    for (let i = 0; i < text.length; i++) {
      if (!isInlineSpace(text[i])) continue;
      let end = i;
      while (isInlineSpace(text[end])) end++;
      const run = text.slice(i, end);
      const before = text[i - 1];
      const after = text[end];
      const what = describe(run);
      const edge = before === undefined || before === '\n' || after === undefined || after === '\n';
      if (edge) {
        // Leading indentation (　　) or trailing spaces inside the paragraph.
        if (/[\u3000\u00a0]/.test(run))
          findings.push({
            from: i,
            to: end,
            message: `段落${before === undefined || before === '\n' ? '开头' : '末尾'}有${what}`,
            hint: '段首缩进由版式处理，正文中不要用空格缩进',
            edits: [{ from: i, to: end, text: '' }],
          });
      } else if (
        heading &&
        isHan(before) &&
        isHan(after) &&
        isHan(text[i - 2]) &&
        isHan(text[i - 3]) &&
        isHan(text[end + 1]) &&
        isHan(text[end + 2])
      ) {
        // Two phrases of a heading (扎实部署 压实责任) stay apart, with one full-width space.
        if (run !== '\u3000')
          findings.push({
            from: i,
            to: end,
            message: `标题中词组之间的${what}应为一个全角空格`,
            hint: '标题中并列的词组用全角空格隔开',
            edits: [{ from: i, to: end, text: '\u3000' }],
          });
      } else if (
        (isChinese(before) && (isChinese(after) || isDigit(after))) ||
        (isDigit(before) && isHan(after)) ||
        isCjkPunctuation(before) ||
        isCjkPunctuation(after)
      ) {
        findings.push({
          from: i,
          to: end,
          message: `${isHan(before) && isHan(after) ? '汉字之间' : isDigit(before) || isDigit(after) ? '汉字与数字之间' : '标点前后'}有${what}`,
          hint: '公文正文中不加空格',
          edits: [{ from: i, to: end, text: '' }],
        });
      } else if (/[\u3000\u00a0\u2002\u2003\u2009\u202f]/.test(run)) {
        findings.push({
          from: i,
          to: end,
          message: `行内有${what}`,
          hint: '改为普通空格或删去',
          edits: [{ from: i, to: end, text: ' ' }],
        });
      }
      i = end - 1;
    }
    return findings;
  },
});
