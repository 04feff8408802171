/**
 * Phrase-first ordering (src/site/search-rank.ts) on text as Pagefind gives
 * it: words split by zero-width spaces, paragraphs by spaces. The browser
 * test (search.test.ts) runs the same code on a real index.
 */
import { describe, expect, it } from 'vitest';
import { byPhrase, compact, parseQuery, phraseExcerpt, phraseTier } from '../../src/site/search-rank.ts';

/** Text the way Pagefind's data() has it: every segment followed by U+200B. */
const pagefindText = (...segments: string[]) => segments.join('\u200b');

describe('queries', () => {
  it('drop quote marks for Pagefind, keep quoted phrases and spaced words as parts', () => {
    expect(parseQuery('隐患排查')).toEqual({ term: '隐患排查', phrase: '隐患排查', parts: ['隐患排查'] });
    expect(parseQuery(' 电动自行车  充电 ')).toEqual({
      term: '电动自行车 充电',
      phrase: '电动自行车充电',
      parts: ['电动自行车', '充电'],
    });
    expect(parseQuery('“燃气安全” 检查')).toEqual({
      term: '燃气安全 检查',
      phrase: '燃气安全检查',
      parts: ['燃气安全', '检查'],
    });
    expect(parseQuery('"Deep Work" 「防溺水」')).toEqual({
      term: 'Deep Work 防溺水',
      phrase: 'deepwork防溺水',
      parts: ['deepwork', '防溺水'],
    });
    expect(parseQuery('  "" ').term).toBe('');
  });

  it('compare text without spaces, zero-width spaces, quote marks or case', () => {
    expect(compact(pagefindText('隐患', '排', '查 ', '整治'))).toBe('隐患排查整治');
    expect(compact('“敲门 行动” ABC')).toBe('敲门行动abc');
  });
});

describe('tiers', () => {
  const query = parseQuery('电动自行车 充电');
  it('0 for the whole phrase, 1 for every part apart, 2 otherwise', () => {
    expect(phraseTier(pagefindText('不要', '为', '电', '动', '自行', '车', '充电'), query)).toBe(0);
    expect(phraseTier(pagefindText('电动自行车', '停放', '，', '集中', '充电'), query)).toBe(1);
    expect(phraseTier(pagefindText('电动自行车', '停放'), query)).toBe(2);
    expect(phraseTier('隐患 排查', parseQuery('隐患排查'))).toBe(0);
    expect(phraseTier('排查隐患', parseQuery('隐患排查'))).toBe(2);
  });

  it('order results by tier, keeping Pagefind’s order inside each', () => {
    const pages = ['隐患多，排查多', '开展隐患排查', '排查 隐患', '再次隐患排查'];
    expect(byPhrase(pages, (text) => text, parseQuery('隐患排查'))).toEqual([
      '开展隐患排查',
      '再次隐患排查',
      '隐患多，排查多',
      '排查 隐患',
    ]);
    expect(byPhrase(pages, (text) => text, parseQuery('隐患 排查'))).toEqual([
      '开展隐患排查',
      '再次隐患排查',
      '隐患多，排查多',
      '排查 隐患',
    ]);
  });
});

describe('excerpts', () => {
  const shown = (runs: { text: string; mark: boolean }[] | undefined) =>
    runs?.map((run) => (run.mark ? `[${run.text}]` : run.text)).join('');

  it('center on the phrase, mark it and the parts, without zero-width spaces', () => {
    const text = pagefindText(
      '【',
      '工作',
      '动态',
      '】',
      '6',
      '月',
      '18',
      '日',
      '，',
      '青石',
      '镇',
      '开展',
      '消防',
      '隐患',
      '排',
      '查',
      '，',
      '提醒',
      '不要',
      '为',
      '电',
      '动',
      '自行',
      '车',
      '充电',
      '。',
    );
    expect(shown(phraseExcerpt(text, parseQuery('隐患排查')))).toBe(
      '【工作动态】6月18日，青石镇开展消防[隐患排查]，提醒不要为电动自行车充电。',
    );
    expect(shown(phraseExcerpt(text, parseQuery('电动自行车 充电'), 4, 10))).toBe('…醒不要为[电动自行车充电]。');
    expect(shown(phraseExcerpt(text, parseQuery('充电 隐患'), 2, 6))).toBe('…消防[隐患]排查，提…');
  });

  it('start at the clause the phrase is in, when it starts near', () => {
    const text =
      '区应急管理局会同各镇街对全区粮食加工、仓储企业开展为期一个月的专项检查，采取“四不两直”方式开展暗查暗访，发现问题隐患17处。';
    expect(shown(phraseExcerpt(text, parseQuery('暗查暗访'), 24, 12))).toBe(
      '…采取“四不两直”方式开展[暗查暗访]，发现问题隐患1…',
    );
    expect(shown(phraseExcerpt(text, parseQuery('暗查暗访'), 8, 6))).toBe('…不两直”方式开展[暗查暗访]，发…');
  });

  it('mark a phrase typed across a paragraph break, and are undefined when nothing occurs', () => {
    expect(shown(phraseExcerpt('检查门店。 隐患 排查工作', parseQuery('隐患排查')))).toBe('检查门店。 [隐患 排查]工作');
    expect(phraseExcerpt('检查门店', parseQuery('隐患排查'))).toBeUndefined();
  });
});
