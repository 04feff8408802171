/**
 * Straight quotes in Chinese text → paired “” ‘’; corner brackets 「」『』
 * (Taiwan and Hong Kong style) → “” ‘’.
 */
import { hasHan, isChinese } from '../chars.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

const CORNERS: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

export default defineRule('lint/quotes', {
  check(block) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    for (const [straight, open, close] of [
      ['"', '“', '”'],
      ["'", '‘', '’'],
    ] as const) {
      const at: number[] = [];
      for (let i = text.indexOf(straight); i !== -1; i = text.indexOf(straight, i + 1)) at.push(i);
      if (at.length === 0) continue;
      const chinese = (from: number, to: number) =>
        hasHan(text.slice(from + 1, to)) || isChinese(text[from - 1]) || isChinese(text[to + 1]);
      if (at.length % 2 === 1) {
        // Apostrophes in Latin text are fine; an odd double quote near Chinese is not.
        const first = at.find((i) => isChinese(text[i - 1]) || isChinese(text[i + 1]));
        if (straight === '"' && first !== undefined) {
          findings.push({
            from: first,
            to: first + 1,
            message: '直引号 " 不成对，无法自动改为“”',
            hint: '补齐或删去多余的引号，中文用“”',
          });
        }
        continue;
      }
      for (let k = 0; k < at.length; k += 2) {
        const from = at[k]!;
        const to = at[k + 1]!;
        if (!chinese(from, to)) continue;
        findings.push({
          from,
          to: to + 1,
          message: `中文中使用了直引号 ${straight}…${straight}，应为 ${open}…${close}`,
          edits: [
            { from, to: from + 1, text: open },
            { from: to, to: to + 1, text: close },
          ],
        });
      }
    }
    for (let i = 0; i < text.length; i++) {
      const replacement = CORNERS[text[i]!];
      if (!replacement) continue;
      findings.push({
        from: i,
        to: i + 1,
        message: `直角引号“${text[i]}”应改为“${replacement}”`,
        edits: [{ from: i, to: i + 1, text: replacement }],
      });
    }
    return findings;
  },
});
