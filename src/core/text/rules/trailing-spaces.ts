/**
 * Spaces at the end of a line (Word and web pages leave them): invisible,
 * never meant, and removed by the fix. Two or more before a line that
 * continues the paragraph are a Markdown hard line break: reported, but only
 * removed by hand (the fix would change the structure). Lines of fenced code
 * are left alone.
 */
import { defineRule, type BodyFinding } from '../rule.ts';

export default defineRule('lint/trailing-spaces', {
  check: () => [],
  checkBody(body) {
    const findings: BodyFinding[] = [];
    let fence: string | undefined;
    let offset = 0;
    const lines = body.split('\n');
    lines.forEach((line, index) => {
      const start = offset;
      offset += line.length + 1;
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
        return;
      }
      if (marker) {
        fence = marker;
        return;
      }
      const trailing = /[ \t]+$/.exec(line);
      if (!trailing || !line.trim()) return;
      const from = start + trailing.index;
      const to = start + line.length;
      const hardBreak = trailing[0].length >= 2 && (lines[index + 1] ?? '').trim() !== '';
      findings.push(
        hardBreak
          ? {
              start: from,
              end: to,
              message: '行尾有两个以上空格（Markdown 中表示换行）',
              hint: '不需要在这里换行就删去这些空格',
            }
          : {
              start: from,
              end: to,
              message: '行尾有空格',
              hint: '删去行尾的空格',
              edits: [{ start: from, end: to, text: '' }],
            },
      );
    });
    return findings;
  },
});
