/**
 * Traditional characters in a Simplified text (material from Hong Kong,
 * Taiwan or old systems). OpenCC decides, phrase by phrase, and `--fix`
 * converts with it.
 */
import { createRequire } from 'node:module';
import { defineRule, type RuleFinding } from '../rule.ts';

const require = createRequire(import.meta.url);
let converter: ((text: string) => string) | undefined;

/** Traditional → Simplified (mainland) with OpenCC; the dictionaries load on first use. */
export function toSimplified(text: string): string {
  converter ??= (require('opencc-js') as typeof import('opencc-js')).Converter({ from: 't', to: 'cn' });
  return converter(text);
}

export default defineRule('lint/traditional', {
  check(block) {
    const { text } = block;
    // Only CJK text can change; skip the converter for plain ASCII blocks.
    if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return [];
    const converted = toSimplified(text);
    if (converted === text) return [];
    const findings: RuleFinding[] = [];
    if (converted.length !== text.length) {
      return [
        {
          from: 0,
          to: text.length,
          message: '段落中有繁体字',
          hint: '用 jianbao lint --fix 转为简体后核对',
          edits: [{ from: 0, to: text.length, text: converted }],
        },
      ];
    }
    const edits = [];
    const chars: string[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === converted[i]) continue;
      let end = i;
      while (end < text.length && text[end] !== converted[end]) end++;
      edits.push({ from: i, to: end, text: converted.slice(i, end) });
      chars.push(text.slice(i, end));
      i = end;
    }
    const shown = [...new Set(chars.join(''))].slice(0, 8).join('');
    findings.push({
      from: edits[0]!.from,
      to: edits.at(-1)!.to,
      message: `有繁体字“${shown}”${chars.join('').length > 8 ? '等' : ''}`,
      hint: `应为“${[...new Set(edits.map((edit) => edit.text).join(''))].slice(0, 8).join('')}”，可用 jianbao lint --fix 转换`,
      edits,
      separable: true,
    });
    return findings;
  },
});
