/**
 * Where each entry goes: an issue lists entries that exist, are ready, belong
 * to its series and are not dated after it; an entry is in at most one issue;
 * a ready entry in no issue is pending (a warning, so nothing is lost).
 */
import { describe, expect, it } from 'vitest';
import { entriesById } from '../../../src/core/validate/index.ts';
import { validateMembership } from '../../../src/core/validate/membership.ts';
import { loadBase, shown } from '../../helpers/content.ts';

const ISSUE_4 = (entries: string) =>
  `---\nyear: 2024\nnumber: 4\ntotal: 11\ndate: 2024-06-28\nentries: ${entries}\n---\n`;

async function membership(files: Record<string, string | null>) {
  const { content, registry } = await loadBase(files);
  return validateMembership(content.issues, entriesById(content.entries), registry).map(shown);
}

describe('validateMembership', () => {
  it('finds every entry of the base fixture in exactly one issue', async () => {
    expect(await membership({})).toEqual([]);
  });

  it('names an entry that does not exist, with the nearest id', async () => {
    expect(await membership({ 'issues/2024-04.md': ISSUE_4('[2024/青石镇排查, 2024/青石排查]') })).toEqual([
      'issues/2024-04.md:6:23 issue/entry-missing 稿件「2024/青石排查」不存在（应为 entries/2024/青石排查.md） → 是不是「2024/青石镇排查」？',
    ]);
  });

  it('refuses an entry listed twice in one issue, or in two issues (the later one is wrong)', async () => {
    expect(await membership({ 'issues/2024-04.md': ISSUE_4('[2024/青石镇排查, 2024/青石镇排查]') })).toEqual([
      'issues/2024-04.md:6:23 issue/entry-listed-twice 稿件「2024/青石镇排查」在本期列出了两次 → 删除重复的一行',
    ]);
    expect(await membership({ 'issues/2024-04.md': ISSUE_4('[2024/青石镇排查, 2024/应急检查]') })).toEqual([
      'issues/2024-04.md:6:23 entry/in-several-issues 稿件「2024/应急检查」已编入 2024年第3期（issues/2024-03.md） → 一篇稿件只能编入一期：从其中一期删除',
    ]);
  });

  it('refuses a draft, and an entry dated after the issue', async () => {
    const draft =
      '---\nsection: work-updates\ndate: 2024-06-20\nunit: qsz\nstatus: draft\n---\n\n6月20日，青石镇开展沿街门店消防隐患排查。\n';
    expect(await membership({ 'entries/2024/青石镇排查.md': draft })).toEqual([
      'issues/2024-04.md:6:6 issue/entry-not-ready 稿件「2024/青石镇排查」的状态是草稿，不能编入期刊 → 从本期删除它，或把稿件状态改为 待编（ready）',
    ]);
    const late =
      '---\nsection: work-updates\ndate: 2024-07-02\nunit: qsz\n---\n\n7月2日，青石镇开展沿街门店消防隐患排查。\n';
    expect(await membership({ 'entries/2024/青石镇排查.md': late })).toEqual([
      'issues/2024-04.md:6:6 issue/entry-after-issue 稿件「2024/青石镇排查」的日期 2024-07-02 晚于2024年第4期的印发日期 2024-06-28 → 核对稿件日期，或编入下一期',
    ]);
  });

  it('warns about a ready entry no issue lists, at the top of the entry', async () => {
    expect(await membership({ 'issues/2024-04.md': ISSUE_4('[]') })).toEqual([
      'entries/2024/青石镇排查.md:1:1 entry/pending 待编稿件「2024/青石镇排查」尚未编入任何一期 → 用 jianbao new issue 编入下一期，或把状态改为 草稿（draft）',
    ]);
  });
});
