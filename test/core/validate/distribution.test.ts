/**
 * 报/送/发: every item names a group of recipients.yaml, a listed recipient or
 * a unit; anything else is a warning at the item, with the nearest known name.
 */
import { describe, expect, it } from 'vitest';
import { isKnownRecipient, validateDistribution } from '../../../src/core/validate/distribution.ts';
import { loadBase, shown } from '../../helpers/content.ts';

describe('isKnownRecipient', () => {
  it('knows groups, listed names and units (by name or alias), and nothing else', async () => {
    const { registry } = await loadBase();
    expect(['区领导', '区委办', '测试区应急管理局', '应急局'].map((item) => isKnownRecipient(registry, item))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(isKnownRecipient(registry, '区委宣传部')).toBe(false);
  });
});

describe('validateDistribution', () => {
  it('warns about each unknown item at its place in 报, 送 or 发', async () => {
    const { registry, issue } = await loadBase({
      'issues/2024-04.md':
        '---\n年度: 2024\n期号: 4\n总期号: 11\n印发日期: 2024年6月28日\n稿件: [2024/青石镇排查]\n发送:\n  报: [市安委会]\n  送: [区委办]\n  发: [各镇街安委会, 区委宣传部]\n---\n',
    });
    const record = issue('issues/2024-04.md');
    expect(
      validateDistribution(record.data.distribution, registry, record.file, record.positions, ['distribution']).map(
        shown,
      ),
    ).toEqual([
      'issues/2024-04.md:8:7 issue/unknown-recipient 报：「市安委会」不是已知的发送对象 → 是不是「市安委办」？如确为新对象，把它加到 recipients.yaml 的 名单 中',
      'issues/2024-04.md:10:15 issue/unknown-recipient 发：「区委宣传部」不是已知的发送对象 → 把它加到 recipients.yaml 的 名单 中，或改用 units.yaml 中的单位名称',
    ]);
  });

  it('has nothing to say without a distribution', async () => {
    const { registry, issue } = await loadBase();
    const record = issue('issues/2024-03.md');
    expect(validateDistribution(undefined, registry, record.file, record.positions, ['distribution'])).toEqual([]);
  });
});
