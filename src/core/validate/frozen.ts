/** A published issue is frozen: its digest must still match, unless an erratum explains the change. */
import { compareDigest, computeDigest, hasChanges } from '../digest.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { issueName } from '../format.ts';
import type { EntryRecord, IssueRecord } from '../load/content.ts';

export function validateFrozen(issue: IssueRecord, entriesById: Map<string, EntryRecord>, key: string): Diagnostic[] {
  const { data, file, positions } = issue;
  if (data.status !== 'published') return [];
  const name = issueName(data.year, data.number, data.kind === 'supplement');
  if (!data.digest) {
    return [
      diagnostic('issue/digest-missing', file, positions.at(['status']), `${name}标为已发布，但没有摘要`, {
        hint: `用 jianbao publish ${key} 发布（它会记录摘要），不要手工改状态`,
      }),
    ];
  }
  const compared = compareDigest(data.digest, computeDigest(issue, entriesById));
  // An entry still listed but missing (deleted, moved, or failing to parse) is reported once, on its own: not as 移除稿件.
  const listed = new Set(data.entries.map((id) => id.normalize('NFC')));
  const changes = {
    ...compared,
    removedEntries: compared.removedEntries.filter((id) => !listed.has(id.normalize('NFC'))),
  };
  if (!hasChanges(changes)) return [];
  const parts: string[] = [];
  if (changes.issueChanged) parts.push(`期刊文件 ${file}`);
  for (const id of changes.changedEntries) parts.push(`稿件 entries/${id}.md`);
  if (changes.addedEntries.length) parts.push(`新增稿件 ${changes.addedEntries.join('、')}`);
  if (changes.removedEntries.length) parts.push(`移除稿件 ${changes.removedEntries.join('、')}`);
  const what = parts.join('；');
  if (data.errata.length > data.digest.errata) {
    return [
      diagnostic('issue/errata-pending', file, positions.at(['errata']), `${name}已按勘误修改（${what}）`, {
        hint: `核对无误后运行 jianbao publish ${key} 重新冻结`,
      }),
    ];
  }
  return [
    diagnostic('issue/frozen-changed', file, positions.at(['status']), `${name}已发布，发布后被修改：${what}`, {
      hint: `已发布的期刊不能直接修改：撤销修改，或在 勘误 中加一项 {日期, 说明} 说明更正，再运行 jianbao publish ${key}`,
    }),
  ];
}
