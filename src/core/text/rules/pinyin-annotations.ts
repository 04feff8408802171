/**
 * Inline pinyin left after characters by web pages and teaching material:
 * 開(kāi)會(huì), 安全(ānquán). Removed only when every syllable really is a
 * reading of the character before it (pinyin-pro's dictionary, all
 * readings of a polyphone); 开(kai) without tones is compared without tones.
 */
import { createRequire } from 'node:module';
import { isHan } from '../chars.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

// pinyin-pro's dictionary is large: load it (synchronously) only when a text has something that looks like pinyin.
const require = createRequire(import.meta.url);
let pinyin: typeof import('pinyin-pro').pinyin | undefined;

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const SYLLABLES = new RegExp(`[(（]([a-zA-Zü${TONED}]+[1-5]?(?:\\s+[a-zA-Zü${TONED}]+[1-5]?)*)[)）]`, 'g');
const PLAIN: Record<string, string> = Object.fromEntries(
  [...'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ'].map((char, index) => [char, 'aaaaeeeeiiiioooouuuuüüüünnnm'[index]!]),
);

function stripTones(syllable: string): string {
  return [...syllable]
    .map((char) => PLAIN[char] ?? char)
    .join('')
    .replace(/[1-5]$/, '');
}

/** Split "ānquán" into syllables matching the given characters' readings, or undefined. */
function matchesReadings(chars: string[], annotation: string): boolean {
  const written = annotation.toLowerCase().replace(/v/g, 'ü');
  const toned = [...written].some((char) => TONED.includes(char)) || /\d/.test(written);
  const target = written.replace(/\s+/g, '');
  pinyin ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
  const convert = pinyin;
  const readingsOf = (char: string) =>
    convert(char, { multiple: true, type: 'array', toneType: toned && /\d/.test(written) ? 'num' : 'symbol' }).map(
      (reading) => (toned ? reading.toLowerCase() : stripTones(reading.toLowerCase())),
    );
  // Depth-first over the characters: each must consume one of its readings.
  const walk = (index: number, offset: number): boolean => {
    if (index === chars.length) return offset === target.length;
    for (const reading of readingsOf(chars[index]!)) {
      if (reading && target.startsWith(reading, offset) && walk(index + 1, offset + reading.length)) return true;
    }
    return false;
  };
  return walk(0, 0);
}

export default defineRule('lint/pinyin-annotations', {
  ignores: ['latin'],
  check(block) {
    const { text } = block;
    const findings: RuleFinding[] = [];
    SYLLABLES.lastIndex = 0;
    for (let match = SYLLABLES.exec(text); match; match = SYLLABLES.exec(text)) {
      const annotation = match[1]!;
      const count = annotation.trim().split(/\s+/).length;
      // One syllable per character before the brackets; a run without spaces may cover up to 4 characters.
      const candidates = count > 1 ? [count] : [1, 2, 3, 4];
      for (const size of candidates) {
        const chars = [...text.slice(Math.max(0, match.index - size * 2), match.index)].slice(-size);
        if (chars.length !== size || !chars.every(isHan)) continue;
        if (!matchesReadings(chars, annotation)) continue;
        const from = match.index;
        const to = from + match[0].length;
        findings.push({
          from,
          to,
          message: `“${chars.join('')}”后夹注的拼音“${match[0]}”应删去`,
          edits: [{ from, to, text: '' }],
        });
        break;
      }
    }
    return findings;
  },
});
