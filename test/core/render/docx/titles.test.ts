/** Titles in the Word file (src/core/render/docx/titles.ts): lines of balanced length, broken only between words. */
import { describe, expect, it } from 'vitest';
import { balancedLines } from '../../../../src/core/render/docx/titles.ts';

describe('balanced title lines', () => {
  it('keeps a title that fits on one line', () => {
    expect(balancedLines(['区应急管理局', '开展', '检查'], 20)).toEqual(['区应急管理局开展检查']);
  });

  it('breaks a long title between words into lines as even as they can be', () => {
    const words = ['示例区', '“安全生产月”', '宣传', '咨询日', '活动', '走进', '东城街道'];
    expect(balancedLines(words, 20)).toEqual(['示例区“安全生产月”宣传', '咨询日活动走进东城街道']);
  });

  it('uses as few lines as the words allow, and gives up on a word longer than a line', () => {
    const words = Array.from({ length: 9 }, () => '安全生产');
    // 36 characters: two lines, not three; 20 + 16 is as even as four-character words go.
    expect(balancedLines(words, 20)!.map((line) => line.length)).toEqual([20, 16]);
    expect(balancedLines(words, 16)!.map((line) => line.length)).toEqual([12, 12, 12]);
    expect(balancedLines(['安'.repeat(21)], 20)).toBeUndefined();
  });
});
