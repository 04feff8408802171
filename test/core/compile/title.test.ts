/** Where titles may break (compile/title.ts), and what the compiled entry carries. */
import { describe, expect, it } from 'vitest';
import { plainTitle, titleLines } from '../../../src/core/compile/title.ts';
import { compileDir, editedBase } from './compile-helpers.ts';

describe('titleLines', () => {
  it('never breaks inside a word ICU cuts into single characters, nor inside a known name', () => {
    const lines = titleLines('区应急管理局联合消防救援大队开展防汛应急综合演练走进东城街道', [
      '东城街道',
      '区应急管理局',
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.join('')).toBe('区应急管理局联合消防救援大队开展防汛应急综合演练走进东城街道');
    // ICU alone gives 走进|东|城|街道: the break before 城 is not offered.
    expect(lines[0]).toContain('走进东城街道');
    expect(lines[0]).toContain('区应急管理局');
    const withoutNames = titleLines('走进东城街道开展检查')[0]!;
    expect(withoutNames.some((word) => word.endsWith('东'))).toBe(false);
  });

  it('splits where the clerk forced a break: ｜ or a line break', () => {
    expect(titleLines('网格化排查｜让隐患无处藏身').map((words) => words.join(''))).toEqual([
      '网格化排查',
      '让隐患无处藏身',
    ]);
    expect(titleLines('东城街道扎实推进\n燃气安全专项整治\n').map((words) => words.join(''))).toEqual([
      '东城街道扎实推进',
      '燃气安全专项整治',
    ]);
    expect(plainTitle('网格化排查｜让隐患无处藏身')).toBe('网格化排查让隐患无处藏身');
  });

  it('keeps a short quotation on one line', () => {
    const words = titleLines('区安委办建立“隐患随手拍”群众举报奖励机制')[0]!;
    expect(words).toContain('“隐患随手拍”');
    expect(titleLines('认真学习《安全生产法》')[0]).toContain('《安全生产法》');
  });

  it('keeps punctuation with its word', () => {
    const words = titleLines('关于“6·18”事故的通报（2024年）')[0]!;
    expect(words.join('')).toBe('关于“6·18”事故的通报（2024年）');
    for (const word of words) {
      expect(word, word).not.toMatch(/^[”）·]|[“（·]$/);
    }
  });
});

describe('compiled entry title', () => {
  it('the title without the forced break for lists and feeds, its lines for the pages', async () => {
    const dir = await editedBase({
      'entries/2024/会议精神.md': (text) => text.replace(/^(title|标题): .*$/m, '标题: 全市安全生产工作会议｜召开'),
    });
    const site = await compileDir(dir);
    const entry = site.issues.flatMap((issue) => issue.entries).find((item) => item.id === '2024/会议精神')!;
    expect(entry.title).toBe('全市安全生产工作会议召开');
    expect(entry.headline).toBe('全市安全生产工作会议召开');
    expect(entry.titleLines!.map((words) => words.join(''))).toEqual(['全市安全生产工作会议', '召开']);
  });
});
