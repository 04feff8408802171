/** Unbalanced paired punctuation in a paragraph: “” ‘’ 《》 （） 【】. */
import { defineRule, type RuleFinding } from '../rule.ts';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

export default defineRule('lint/unbalanced-pairs', {
  check(block) {
    const { text } = block;
    const stack: { char: string; at: number }[] = [];
    const findings: RuleFinding[] = [];
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (char in PAIRS) stack.push({ char, at: i });
      else if (CLOSERS.has(char)) {
        // An apostrophe ’ inside Latin text is not a closing quote.
        if (char === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
        const open = CLOSERS.get(char)!;
        const top = stack.at(-1);
        if (top?.char === open) {
          stack.pop();
          continue;
        }
        const index = stack.map((item) => item.char).lastIndexOf(open);
        if (index === -1) {
          findings.push({
            from: i,
            to: i + 1,
            message: `“${char}”前面缺少对应的“${open}”`,
            hint: `补上“${open}”或删去多余的“${char}”`,
          });
        } else {
          // Everything opened after the match is unclosed.
          for (const item of stack.splice(index).slice(1)) {
            findings.push({
              from: item.at,
              to: item.at + 1,
              message: `“${item.char}”没有对应的“${PAIRS[item.char]}”`,
              hint: `补上“${PAIRS[item.char]}”或删去多余的“${item.char}”`,
            });
          }
        }
      }
    }
    for (const item of stack) {
      findings.push({
        from: item.at,
        to: item.at + 1,
        message: `“${item.char}”没有对应的“${PAIRS[item.char]}”`,
        hint: `补上“${PAIRS[item.char]}”或删去多余的“${item.char}”（引文跨段时每段开头用前引号，只在最后一段末尾用后引号，可忽略此提示）`,
      });
    }
    return findings;
  },
});
