/**
 * Character classes for Chinese text: Han characters, full-width (CJK)
 * punctuation, digits and Latin letters. Code-point checks, no regex, so the
 * rules stay fast on thousands of entries.
 */

/** A Han character (CJK unified ideographs, extension A, compatibility, supplementary planes). */
export function isHan(char: string | undefined): boolean {
  if (!char) return false;
  const code = char.codePointAt(0)!;
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f) ||
    code === 0x3007 // 〇
  );
}

/** High surrogate of a supplementary-plane Han character (the string is indexed in UTF-16). */
function isHighSurrogate(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0xd840 && code <= 0xd8ff;
}

const CJK_PUNCTUATION = new Set('，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕［］｛｝…—～·－／＂＇');

/** Full-width (Chinese) punctuation. */
export function isCjkPunctuation(char: string | undefined): boolean {
  if (!char) return false;
  if (CJK_PUNCTUATION.has(char)) return true;
  const code = char.charCodeAt(0);
  return (code > 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff0f) || (code >= 0xff1a && code <= 0xff20);
}

/** Han character or Chinese punctuation: "Chinese text" for the context tests. */
export function isChinese(char: string | undefined): boolean {
  if (!char) return false;
  return isHan(char) || isCjkPunctuation(char) || isHighSurrogate(char);
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Horizontal white space that may sit inside a line (not the line break). */
export function isInlineSpace(char: string | undefined): boolean {
  return (
    char === ' ' ||
    char === '\t' ||
    char === '\u00a0' ||
    char === '\u3000' ||
    char === '\u2002' ||
    char === '\u2003' ||
    char === '\u2009' ||
    char === '\u202f'
  );
}

/** Does the string contain any Han character? */
export function hasHan(text: string): boolean {
  for (const char of text) if (isHan(char)) return true;
  return false;
}

/** Chinese numerals used in 序号 (一、 （一）). */
export const CHINESE_NUMERALS = '一二三四五六七八九十';

/** The object replacement character stands for inline code, links and images in block text. */
export const PLACEHOLDER = '\ufffc';

/** The nearest character from `index` on that is not inline space. */
export function charAfter(text: string, index: number): string | undefined {
  for (let i = index; i < text.length; i++) if (!isInlineSpace(text[i])) return text[i];
  return undefined;
}

/** Is `index` the first character of a line of the block? */
export function atLineStart(text: string, index: number): boolean {
  return index === 0 || text[index - 1] === '\n';
}
