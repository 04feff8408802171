/**
 * What converters leave behind: `[bookmark: _Toc…]` and `[hyperlink: …]`
 * markers, `?` runs where spaces or indentation were lost in a GBK
 * round-trip, and U+FFFD replacement characters (text that was lost).
 */
import { atLineStart, isChinese, isHan } from '../chars.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

/** Converter markers: [bookmark: _Hlk…], [hyperlink: …] (also removed by import before a text file becomes Markdown). */
export const MARKER = /\[(?:bookmark|hyperlink|link|书签|超链接)\s*[:：][^\]\n]*\]/gi;

export default defineRule('lint/conversion-debris', {
  spansMarkup: true,
  ignores: 'all',
  check(block) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    MARKER.lastIndex = 0;
    for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
      findings.push({
        from: match.index,
        to: match.index + match[0].length,
        message: `转换残留标记“${match[0].length > 30 ? `${match[0].slice(0, 30)}…` : match[0]}”`,
        edits: [{ from: match.index, to: match.index + match[0].length, text: '' }],
      });
    }
    for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) {
      let end = i;
      while (text[end] === '?') end++;
      const lineStart = atLineStart(text, i);
      // ?? between Chinese characters, or ? at the start of a line (lost indentation), before Chinese text.
      if (isHan(text[end]) && (lineStart || (end - i >= 2 && isChinese(text[i - 1])))) {
        findings.push({
          from: i,
          to: end,
          message: `“${text.slice(i, end)}”是丢失空格或缩进后留下的问号`,
          hint: '核对原件：若确是问号，改为全角“？”',
          edits: [{ from: i, to: end, text: '' }],
        });
      }
      i = end - 1;
    }
    for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) {
      let end = i;
      while (text[end] === '\ufffd') end++;
      findings.push({
        from: i,
        to: end,
        message: '有无法识别的字符“�”（转换时文字已丢失）',
        hint: '对照原件补上丢失的文字',
      });
      i = end - 1;
    }
    return findings;
  },
});
