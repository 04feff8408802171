/**
 * validateEntry: the rules that tie one entry to the settings — its unit, its
 * leaders and their titles on the entry's date, its series, its section, and
 * the title an 文章版式 series needs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateEntry } from '../../../src/core/validate/entries.ts';
import { loadBase, shown } from '../../helpers/content.ts';
import { FIXTURES } from '../../helpers/index.ts';

const ENTRY = 'entries/2024/应急检查.md';
const entry = (frontMatter: string) => `---\n${frontMatter}\n---\n\n6月5日，区应急管理局组织开展危化品企业专项检查。\n`;

async function check(frontMatter: string, settings: Record<string, string> = {}) {
  const loaded = await loadBase({ [ENTRY]: entry(frontMatter), ...settings });
  return validateEntry(loaded.entry('2024/应急检查'), loaded.registry).map(shown);
}

describe('validateEntry', () => {
  it('accepts a unit written by id, name or alias, and a leader in office on the date', async () => {
    expect(await check('section: work-updates\ndate: 2024-06-05\nunit: yjj')).toEqual([]);
    expect(await check('section: work-updates\ndate: 2024-06-05\nunit: 测试区应急管理局')).toEqual([]);
    expect(await check('section: leader-inspections\ndate: 2024-06-05\nunit: 应急局\npeople: [李健]')).toEqual([]);
  });

  it('names an unknown unit at its value, with the nearest known one', async () => {
    expect(await check('section: work-updates\ndate: 2024-06-05\nunit: 应急管理')).toEqual([
      `${ENTRY}:4:7 entry/unknown-unit 报送单位「应急管理」不在 units.yaml 中 → 是不是「测试区应急管理局」？也可以在 units.yaml 中为该单位添加别名`,
    ]);
  });

  it('names an unknown leader at the list item, and a leader without a title on that date as a warning', async () => {
    const found = await check('section: leader-inspections\ndate: 2019-06-05\nunit: 应急局\npeople: [李建, 吴晓东]');
    expect(found).toEqual([
      `${ENTRY}:5:10 entry/unknown-person 领导「李建」不在 people.yaml 中 → 是不是「李健」？`,
      `${ENTRY}:5:14 entry/person-no-title people.yaml 中「吴晓东」在 2019-06-05 没有职务 → 检查稿件日期，或在 people.yaml 中补全此人的职务起止日期`,
    ]);
  });

  it('refuses a series that jianbao.yaml does not define', async () => {
    expect(await check('section: work-updates\ndate: 2024-06-05\nunit: 应急局\nseries: zhuanbo')).toEqual([
      `${ENTRY}:5:9 entry/unknown-series 刊物「zhuanbo」未在 jianbao.yaml 中定义 → 是不是「zhuanbao」？`,
    ]);
  });

  it('asks for the series when there are several, and then for a section the series has', async () => {
    const two = {
      'jianbao.yaml': `site:\n  title: 测试区安全生产信息网\nseries:\n  - id: zhuanbao\n    name: 测试区安全生产工作专报\n    publisher: 测试区安委办\n    sections: [work-updates]\n  - id: kuaibao\n    name: 测试区安全生产快报\n    publisher: 测试区安委办\n    layout: articles\n    sections: [work-updates, notices]\n`,
    };
    expect(await check('section: work-updates\ndate: 2024-06-05\nunit: 应急局', two)).toEqual([
      `${ENTRY}:2:1 entry/series-required 有多个刊物，稿件需要写明属于哪个刊物 → 加一行 刊物: zhuanbao 或 kuaibao`,
    ]);
    expect(await check('section: notices\ndate: 2024-06-05\nunit: 应急局\nseries: zhuanbao', two)).toEqual([
      `${ENTRY}:2:10 entry/section-not-in-series 栏目「工作提示」不属于刊物「测试区安全生产工作专报」 → 该刊物的栏目：工作动态`,
    ]);
    expect(await check('section: notices\ndate: 2024-06-05\nunit: 应急局\nseries: kuaibao', two)).toEqual([
      `${ENTRY}:2:1 issue/entry-title-required 刊物「测试区安全生产快报」是文章版式，每篇稿件都需要标题 → 加一行 标题: …`,
    ]);
  });
});

describe('validateEntry: units over time and joint submissions', () => {
  const history = async () => ({ 'units.yaml': await readFile(join(FIXTURES, 'units/units.yaml'), 'utf8') });

  it('an entry after the rename that uses the old name (or its alias) is told the new one, at the value', async () => {
    expect(await check('section: work-updates\ndate: 2024-06-20\nunit: 安监局', await history())).toEqual([
      `${ENTRY}:4:7 entry/unit-renamed 报送单位「安监局」在2024年6月20日已改名 → 自2024年6月15日起改称「测试区应急管理局」：写 单位: 测试区应急管理局（或它的别名）`,
    ]);
  });

  it('an entry before the rename may use the old name, the new one or the id', async () => {
    for (const unit of ['测试区安全生产监督管理局', '安监局', '应急局', 'yjj']) {
      expect(await check(`section: work-updates\ndate: 2024-06-14\nunit: ${unit}`, await history())).toEqual([]);
    }
  });

  it('a unit abolished and merged suggests the unit it went into; before 成立 is an error too', async () => {
    expect(await check('section: work-updates\ndate: 2024-06-15\nunit: 防汛办', await history())).toEqual([
      `${ENTRY}:4:7 entry/unit-inactive 报送单位「防汛办」已于2024年6月15日撤销，并入「测试区应急管理局」 → 写 单位: 测试区应急管理局`,
    ]);
    expect(await check('section: work-updates\ndate: 2009-12-31\nunit: 公安消防大队', await history())).toEqual([
      `${ENTRY}:4:7 entry/unit-inactive 报送单位「公安消防大队」2010年1月1日才成立，稿件日期是2009年12月31日 → 检查稿件的日期和单位；units.yaml 中该单位的 成立 日期写错了就改正它`,
    ]);
  });

  it('a joint submission is a list; each unit is checked on the date, at its item', async () => {
    expect(
      await check('section: work-updates\ndate: 2024-06-20\nunit: [应急局, 青石镇, 消防大队]', await history()),
    ).toEqual([]);
    expect(await check('section: work-updates\ndate: 2024-06-20\nunit: [应急局, 防汛办]', await history())).toEqual([
      `${ENTRY}:4:13 entry/unit-inactive 报送单位「防汛办」已于2024年6月15日撤销，并入「测试区应急管理局」 → 写 单位: 测试区应急管理局`,
    ]);
    expect(
      await check(
        'section: work-updates\ndate: 2024-06-20\n单位:\n  - 青石镇\n  - 区安监局\n  - 青石',
        await history(),
      ),
    ).toEqual([
      `${ENTRY}:6:5 entry/unit-renamed 报送单位「区安监局」在2024年6月20日已改名 → 自2024年6月15日起改称「测试区应急管理局」：写 单位: 测试区应急管理局（或它的别名）`,
      `${ENTRY}:7:5 entry/unknown-unit 报送单位「青石」不在 units.yaml 中 → 是不是「青石镇」？也可以在 units.yaml 中为该单位添加别名`,
    ]);
  });

  it('several units in one string: write a list for a joint submission', async () => {
    expect(await check('section: work-updates\ndate: 2024-06-20\nunit: 应急局、青石镇', await history())).toEqual([
      `${ENTRY}:4:7 entry/unknown-unit 「应急局、青石镇」是 2 个单位，要写成列表 → 几个单位联合报送写作 单位: [测试区应急管理局, 青石镇]，第一个是报送单位；只有一个报送单位时写 单位: 测试区应急管理局，其他单位写在正文中`,
    ]);
  });
});
