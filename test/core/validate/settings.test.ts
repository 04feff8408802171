/**
 * validateSettings: the rules across the settings files — unit ids and names
 * are unique, a series id does not collide with a site folder or another
 * series, and a recipients group names leaders people.yaml knows.
 */
import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../../src/core/validate/settings.ts';
import { loadBase, shown } from '../../helpers/content.ts';

async function check(files: Record<string, string>) {
  const { content, registry } = await loadBase(files);
  return validateSettings(content, registry).map(shown);
}

const UNITS =
  '- { id: awb, name: 测试区安委办, aliases: [安委办] }\n- { id: yjj, name: 测试区应急管理局, aliases: [应急局] }\n- { id: qsz, name: 青石镇 }\n';

describe('validateSettings', () => {
  it('finds nothing in the base fixture', async () => {
    expect(await check({})).toEqual([]);
  });

  it('reports a unit id used twice at the second one, naming the first', async () => {
    expect(await check({ 'units.yaml': `${UNITS}- { id: yjj, name: 测试区消防救援大队 }\n` })).toEqual([
      'units.yaml:4:9 settings/duplicate-id 单位编号「yjj」重复 → 第 2 个单位已用此编号，请换一个',
    ]);
  });

  it('reports a name or alias that points at two units', async () => {
    expect(
      await check({ 'units.yaml': `${UNITS}- { id: xf, name: 测试区消防救援大队, aliases: [应急局] }\n` }),
    ).toEqual([
      'units.yaml:4:39 settings/duplicate-name 「应急局」同时是「测试区应急管理局」和「测试区消防救援大队」的名称或别名 → 同一名称只能指向一个单位：删掉其中一个',
    ]);
  });

  it('refuses a series id that is a folder of the site, and a series id used twice', async () => {
    const series = (id: string) =>
      `  - id: ${id}\n    name: 测试区安全生产工作专报\n    publisher: 测试区安委办\n    sections: [work-updates]\n`;
    const found = await check({
      'jianbao.yaml': `site:\n  title: 测试区安全生产信息网\nseries:\n${series('stats')}${series('stats')}`,
    });
    expect(found).toEqual([
      'jianbao.yaml:4:9 settings/reserved-id 刊物 id「stats」与站点的「stats/」目录重名 → 换一个 id，如 stats-bao；这些名称由站点使用：sections、units、stats、search、pagefind、media',
      'jianbao.yaml:8:9 settings/reserved-id 刊物 id「stats」与站点的「stats/」目录重名 → 换一个 id，如 stats-bao；这些名称由站点使用：sections、units、stats、search、pagefind、media',
      'jianbao.yaml:8:9 settings/duplicate-id 刊物 id「stats」重复 → 每个刊物要有自己的 id',
    ]);
  });

  it('names a group member who is not in people.yaml, with the nearest name', async () => {
    expect(
      await check({ 'recipients.yaml': '分组:\n  区领导:\n    人员: [吴晓冬, 李健]\n名单: [市安委办]\n' }),
    ).toEqual([
      'recipients.yaml:3:10 settings/unknown-person 分组「区领导」中的「吴晓冬」不在 people.yaml 中 → 是不是「吴晓东」？',
    ]);
  });
});
