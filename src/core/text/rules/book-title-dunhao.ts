/** No 顿号 between titles in 书名号: 《安全生产法》《消防法》 (GB/T 15834 4.5.3.5). */
import { defineRule, type RuleFinding } from '../rule.ts';

export default defineRule('lint/book-title-dunhao', {
  check(block) {
    const findings: RuleFinding[] = [];
    for (let i = block.text.indexOf('》、《'); i !== -1; i = block.text.indexOf('》、《', i + 1)) {
      findings.push({
        from: i + 1,
        to: i + 2,
        message: '并列的书名号之间不用顿号',
        edits: [{ from: i + 1, to: i + 2, text: '' }],
      });
    }
    return findings;
  },
});
