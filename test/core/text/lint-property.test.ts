/**
 * Properties of `lint --fix` over generated dirty text: idempotent, same
 * Markdown structure, Chinese characters unchanged except the intended
 * conversions (Traditional → Simplified, 年月日 in dates), no letters or
 * digits dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyBlocks, extractBlocks, parseBody, treeShape } from '../../../src/core/text/blocks.ts';
import { isHan } from '../../../src/core/text/chars.ts';
import { fixBody } from '../../../src/core/text/lint.ts';
import { toSimplified } from '../../../src/core/text/rules/traditional.ts';

const TRADITIONAL = ['開', '會', '區', '檢', '查', '觀', '題'];
const TOKENS = [
  ...'安全生产会议要求各单位落实责任检查企业发现隐患整改到位和的了在是有',
  ...TRADITIONAL,
  ...',.;:?!()"\'，。、；：？！（）“”‘’《》【】「」…—-',
  ...'0123456789０１２３',
  ' ',
  '  ',
  '　',
  ' 。',
  ' ，',
  '\u00a0',
  '\u200b',
  '\n',
  '\n\n',
  'APP',
  'Hello, world',
  'GDP',
  'v2.1.0',
  '3.5',
  '8:30',
  '2023.8.30',
  '23年8月',
  '08月05日',
  '8月30号',
  'https://example.gov.cn/a,b',
  'aqb@example.gov.cn',
  '0734-0000000',
  '**',
  '*',
  '`a,b`',
  '[链接,文字](http://x.cn/a,b)',
  '- ',
  '1. ',
  '> ',
  '# ',
  '\n```\n中文,代码.\n```\n',
  '一、',
  '一.',
  '（一）、',
  '1、',
  '(1)',
  '......',
  '--',
  '??',
  '《A》、《B》',
];

const body = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join(''));

const IGNORED_HAN = new Set('年月日号');
function han(text: string): string {
  return [...text]
    .filter((char) => isHan(char) && !IGNORED_HAN.has(char))
    .map((char) => (TRADITIONAL.includes(char) ? toSimplified(char) : char))
    .join('');
}
function letters(text: string): string {
  return text
    .replace(/[Ａ-Ｚａ-ｚ]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[^A-Za-z]/g, '');
}
function digits(text: string): string {
  return text.replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/[^1-9]/g, '');
}
/**
 * Every link destination and inline code value, in order: fixes never touch
 * them. A bare URL followed by Chinese text swallows that text into the
 * autolink (GFM stops only at spaces); that text is still text, so only the
 * URL proper (its ASCII part) is compared.
 */
function untouchable(text: string): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; url?: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'link' || node.type === 'image') found.push(/^[\x21-\x7e]*/.exec(node.url ?? '')![0]);
    if (node.type === 'inlineCode' || node.type === 'code') found.push(node.value ?? '');
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(parseBody(text));
  return found;
}
function isSubsequence(small: string, big: string): boolean {
  let at = 0;
  for (const char of big) if (char === small[at]) at++;
  return at === small.length;
}

const context = { date: '2023-08-30' };

describe('lint --fix (properties)', () => {
  it('is idempotent: a second run changes nothing', () => {
    fc.assert(
      fc.property(body, (input) => {
        const once = fixBody(input, context).text;
        expect(fixBody(once, context).text).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the Markdown structure, the Chinese characters, letters and digits', () => {
    fc.assert(
      fc.property(body, (input) => {
        const fixed = fixBody(input, context).text;
        expect(treeShape(parseBody(fixed))).toBe(treeShape(parseBody(input)));
        expect(han(fixed)).toBe(han(input));
        expect(letters(fixed)).toBe(letters(input));
        expect(isSubsequence(digits(input), digits(fixed))).toBe(true);
        expect(untouchable(fixed)).toEqual(untouchable(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('changes nothing in text that is already clean', () => {
    const clean = fc
      .array(
        fc.constantFrom(
          ...'安全生产会议要求各单位落实责任',
          '，',
          '。',
          '“三合一”',
          '《安全生产法》',
          '3.5',
          '8:30',
          '2023年8月30日',
          '\n\n',
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(clean, (input) => {
        // Only the doubled marks the generator can produce may change.
        fc.pre(!/[，。]{2}|^[，。]|\n\n[，。]/.test(input));
        expect(fixBody(input, context).text).toBe(input);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts plain Chinese text into the same blocks as the Markdown parser does', () => {
    const plain = fc
      .array(
        fc.constantFrom(
          ...'安全生产會議要求各单位落实，。、；：？！“”‘’《》（）【】「」…—·０１２0123456789ABCabc%',
          '\n',
          '\n\n',
          '\n\n\n',
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(plain, (input) => {
        expect(bodyBlocks(input)).toEqual(extractBlocks(parseBody(input), input));
      }),
      { numRuns: 1000 },
    );
  });
});
