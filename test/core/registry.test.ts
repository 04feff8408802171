/**
 * Units over time (机构改革): a unit keeps its id across renames, each name
 * is valid from the day after the previous one's 止, and an entry's 单位 is
 * resolved by the entry's date — by id, by a name of any time or an alias.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveUnit, unitNameOn, unitNameSpans, unitNamesOn, unitSpellingsOn } from '../../src/core/registry.ts';
import { validateSettings } from '../../src/core/validate/settings.ts';
import { FIXTURES } from '../helpers/index.ts';
import { loadBase } from '../helpers/content.ts';

const UNITS = await readFile(join(FIXTURES, 'units/units.yaml'), 'utf8');
const { registry, content } = await loadBase({ 'units.yaml': UNITS });
const settingsFindings = async (units: string) => {
  const loaded = await loadBase({ 'units.yaml': units });
  return [...loaded.content.diagnostics, ...validateSettings(loaded.content, loaded.registry)]
    .filter((d) => d.file === 'units.yaml')
    .map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}${d.hint ? ` → ${d.hint}` : ''}`);
};
const unit = (id: string) => registry.unitById.get(id)!;

describe('units.yaml with a history', () => {
  it('reads 曾用名, 成立, 撤销 and 并入 without a complaint', () => {
    expect(content.diagnostics.filter((d) => d.file === 'units.yaml')).toEqual([]);
    expect(unit('yjj').formerNames).toEqual([
      { name: '测试区安全生产监督管理局', aliases: ['安监局', '区安监局'], to: '2024-06-14' },
    ]);
    expect([unit('fxb').abolished, unit('fxb').mergedInto, unit('xf').established]).toEqual([
      '2024-06-15',
      'yjj',
      '2010-01-01',
    ]);
  });

  it('gives each name the days it was used, the current one from the day after the last 止', () => {
    expect(unitNameSpans(unit('xf')).map((span) => [span.name, span.from, span.to])).toEqual([
      ['测试区公安消防大队', '2010-01-01', '2018-12-31'],
      ['测试区消防救援大队', '2019-01-01', undefined],
    ]);
    expect(unitNameSpans(unit('fxb')).map((span) => [span.name, span.from, span.to])).toEqual([
      ['测试区防汛抗旱指挥部办公室', undefined, '2024-06-14'],
    ]);
  });

  it('names a unit as it was called on a date', () => {
    expect(unitNameOn(unit('yjj'), '2024-06-14')).toBe('测试区安全生产监督管理局');
    expect(unitNameOn(unit('yjj'), '2024-06-15')).toBe('测试区应急管理局');
    expect(unitNamesOn(registry, ['安监局', 'qsz', '区应急局', '外单位'], '2024-01-02')).toBe(
      '测试区安全生产监督管理局、青石镇、外单位',
    );
  });
});

describe('resolveUnit', () => {
  it('resolves the old name, its alias and the id to the same unit, printing the name of the entry date', () => {
    for (const spelling of ['测试区安全生产监督管理局', '安监局', 'yjj', '应急局']) {
      expect(resolveUnit(registry, spelling, '2024-06-05')).toEqual({
        unit: unit('yjj'),
        name: '测试区安全生产监督管理局',
      });
    }
    expect(resolveUnit(registry, 'yjj', '2024-06-20')).toEqual({ unit: unit('yjj'), name: '测试区应急管理局' });
  });

  it('an old name after the rename: renamed, since the day after its 止, to the new name', () => {
    expect(resolveUnit(registry, '安监局', '2024-06-15')).toEqual({
      unit: unit('yjj'),
      name: '测试区应急管理局',
      problem: { kind: 'renamed', since: '2024-06-15', name: '测试区应急管理局' },
    });
  });

  it('on or after 撤销: abolished, with the unit it was merged into; before 成立: not established', () => {
    expect(resolveUnit(registry, '防汛办', '2024-06-14')?.problem).toBeUndefined();
    expect(resolveUnit(registry, '防汛办', '2024-06-15')?.problem).toEqual({
      kind: 'abolished',
      abolished: '2024-06-15',
      successor: unit('yjj'),
    });
    expect(resolveUnit(registry, '消防大队', '2009-12-31')?.problem).toEqual({
      kind: 'not-established',
      established: '2010-01-01',
    });
    expect(resolveUnit(registry, '不存在的单位', '2024-06-15')).toBeUndefined();
  });

  it('suggests only spellings valid on the date', () => {
    const now = unitSpellingsOn(registry, '2024-06-20');
    expect(now).toContain('区应急局');
    expect(now).not.toContain('安监局');
    expect(now).not.toContain('防汛办');
    expect(unitSpellingsOn(registry, '2024-06-01')).toContain('安监局');
  });
});

describe('units.yaml history mistakes', () => {
  it('are reported at the key, in Chinese', async () => {
    const bad = `- id: a\n  名称: 甲局\n  曾用名:\n    - { 名称: 乙局, 止: 2020-01-01 }\n  撤销: 2019-06-01\n- id: b\n  名称: 丙局\n  并入: a\n`;
    expect(await settingsFindings(bad)).toEqual([
      '4:20 schema/invalid 曾用名「乙局」的截止日期不早于撤销日期 2019-06-01：撤销前最后用的名称写在 名称 中',
      '8:7 schema/invalid 写了 并入，还要写 撤销（并入的日期），如 撤销: 2019-03-01',
    ]);
  });

  it("并入 names a unit of units.yaml (not itself); a former name may not be another unit's name", async () => {
    const units = `- id: a\n  名称: 甲局\n  撤销: 2020-01-01\n  并入: 戊局\n- id: b\n  名称: 丙局\n  曾用名:\n    - { 名称: 甲局, 止: 2019-12-31 }\n  撤销: 2021-01-01\n  并入: b\n`;
    expect(await settingsFindings(units)).toEqual([
      '4:7 settings/unknown-unit 并入的单位「戊局」不在 units.yaml 中 → 是不是「甲局」？并入 写接收单位的 id、名称或别名',
      '8:13 settings/duplicate-name 「甲局」同时是「甲局」和「丙局」的名称或别名 → 同一名称只能指向一个单位：删掉其中一个',
      '10:7 settings/unknown-unit 单位「丙局」不能并入它自己 → 并入 写接收单位的 id、名称或别名（units.yaml 中已有的单位）',
    ]);
  });
});
