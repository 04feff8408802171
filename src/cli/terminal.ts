/**
 * Text from the content (front matter, file names, body excerpts) shown on a
 * terminal: escape sequences and bidirectional controls in it would be
 * obeyed (recolour the screen, move the cursor, print “✓ 没有发现问题” over
 * the errors, reverse a line), so each one is shown as its code instead.
 */

// C0 controls (line feed too: one diagnostic is one line), DEL, C1 controls, bidi controls, line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `text` with every control character written as `\x1B`, `\u202E`… (tab kept). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    if (char === '\t') return char;
    const code = char.codePointAt(0)!;
    return code < 0x100
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
