/**
 * YAML with positions: parseYaml reads a settings file or a front matter block,
 * accepts Chinese and English keys, validates against the zod schema, and
 * reports every problem at its file line and column. A fast parser (js-yaml)
 * takes clean documents; everything else goes through the precise one (yaml),
 * which alone decides the diagnostics.
 */
import { describe, expect, it } from 'vitest';
import {
  allKeySpellings,
  keySpellings,
  parseYaml,
  parseYamlFast,
  parseYamlPrecisely,
  PositionIndex,
} from '../../../src/core/load/yaml.ts';
import { entrySchema, issueSchema } from '../../../src/core/schema/index.ts';

/** A front matter block that starts on line 2 of entries/a.md (line 1 is ---). */
const source = (text: string) => ({ text, file: 'entries/a.md', firstLine: 2 });
const where = (d: { line: number; column: number; rule: string; message: string }) =>
  `${d.line}:${d.column} ${d.rule} ${d.message}`;

describe('parseYaml', () => {
  it('reads Chinese keys and values into the canonical data', () => {
    const parsed = parseYaml(source('栏目: 工作动态\n日期: 2024年6月5日\n单位: 应急局\n领导: [李健]\n'), entrySchema);
    expect(parsed.diagnostics).toEqual([]);
    // 单位 is always a list (one unit, or a joint submission's).
    expect(parsed.data).toEqual({
      section: 'work-updates',
      date: '2024-06-05',
      unit: ['应急局'],
      people: ['李健'],
      status: 'ready',
    });
  });

  it('knows where each value is in the file, and how its key was written', () => {
    const { positions } = parseYaml(
      source('栏目: 工作动态\n日期: 2024-06-05\n单位: 应急局\n领导: [李健, 吴晓东]\n'),
      entrySchema,
    );
    expect(positions.at(['unit'])).toEqual({ line: 4, column: 5 });
    expect(positions.at(['people', 1])).toEqual({ line: 5, column: 10 });
    expect(positions.writtenKey(['unit'])).toBe('单位');
  });

  it('names an unknown key at the key, with the nearest known one', () => {
    const parsed = parseYaml(source('栏目: 工作动态\n日期: 2024-06-05\n单元: 应急局\n'), entrySchema);
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics.map(where)).toContain('4:1 schema/unknown-key 未知的键「单元」');
    expect(parsed.diagnostics.find((d) => d.rule === 'schema/unknown-key')?.suggestion).toBe('单位');
  });

  it('reports a missing required key and an invalid value in Chinese', () => {
    const missing = parseYaml(source('栏目: 工作动态\n单位: 应急局\n'), entrySchema);
    expect(missing.diagnostics.map((d) => d.rule)).toEqual(['schema/required']);
    expect(missing.diagnostics[0]!.message).toContain('日期');
    const invalid = parseYaml(source('栏目: 工作动态\n日期: 2024-02-30\n单位: 应急局\n'), entrySchema);
    expect(invalid.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['3:5 schema/invalid']);
  });

  it('says what to write in a number field: a word, a fraction, a negative, a number too long to be a count', () => {
    const issue = (copies: string) =>
      parseYaml(
        source(`series: zhuanbao\nyear: 2025\nnumber: 3\ndate: 2025-12-05\ncopies: ${copies}\n`),
        issueSchema,
      ).diagnostics.map((d) => `${d.line}:${d.column} ${d.message} → ${d.hint ?? ''}`);
    expect(issue('六十')).toEqual(['6:9 「copies」印数应为整数 → 写阿拉伯数字，不加引号和单位（现在写的是「六十」）']);
    expect(issue('2.5')).toEqual(['6:9 「copies」印数应为整数 → 写整数，不带小数（现在写的是「2.5」）']);
    expect(issue('-3')).toEqual(['6:9 「copies」印数应大于 0 → 写大于 0 的数（现在写的是「-3」）']);
    expect(issue('12345678901234567890')).toEqual(['6:9 「copies」印数的数字位数太多 → 核对是否多打了数字']);
  });

  it('reports YAML problems where they are: a tab, a duplicate key, a full-width colon, broken syntax', () => {
    expect(
      parseYaml(source('栏目: 工作动态\n日期: 2024-06-05\n单位:\n\t- 应急局\n'), entrySchema).diagnostics.map(
        (d) => `${d.line} ${d.rule}`,
      ),
    ).toContain('5 yaml/tab');
    expect(
      parseYaml(source('栏目: 工作动态\n日期: 2024-06-05\n单位: 应急局\n单位: 青石镇\n'), entrySchema).diagnostics.map(
        (d) => `${d.line}:${d.column} ${d.rule}`,
      ),
    ).toContain('5:1 yaml/duplicate-key');
    const colon = parseYaml(source('栏目：工作动态\n日期: 2024-06-05\n单位: 应急局\n'), entrySchema);
    expect(colon.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.fixable ?? false}`)).toEqual([
      '2:3 yaml/fullwidth-colon true',
    ]);
    expect(colon.fullWidthColons).toEqual([{ line: 2, column: 3 }]);
    expect(
      parseYaml(source('栏目: 工作动态\n标题: "未结束\n日期: 2024-06-05\n'), entrySchema).diagnostics.map(
        (d) => d.rule,
      ),
    ).toEqual(['yaml/syntax']);
  });
});

describe('the fast and the precise path', () => {
  const clean = '栏目: 调研指导\n标题: 区长督导防汛\n日期: 2024-06-03\n单位: 区安委办\n领导: [李健]\n排序: 2\n';

  it('agree on the data of a clean document', () => {
    const fast = parseYamlFast(source(clean), entrySchema);
    expect(fast).toBeDefined();
    expect(fast!.data).toEqual(parseYamlPrecisely(source(clean), entrySchema).data);
    expect(fast!.positions.at(['people', 0])).toEqual(
      parseYamlPrecisely(source(clean), entrySchema).positions.at(['people', 0]),
    );
  });

  it('the fast path declines anything that needs a diagnostic, so the precise one reports it', () => {
    for (const text of ['栏目：工作动态\n', '单元: 应急局\n', '栏目: 工作动态\n\t单位: 应急局\n', '栏目: [未结束\n']) {
      expect(parseYamlFast(source(text), entrySchema)).toBeUndefined();
      expect(parseYaml(source(text), entrySchema).diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe('key spellings', () => {
  it('keySpellings maps every spelling of an object schema’s keys to the canonical key', () => {
    const spellings = keySpellings(entrySchema);
    expect(spellings.get('单位')).toBe('unit');
    expect(spellings.get('unit')).toBe('unit');
    expect(spellings.get('领导')).toBe('people');
  });

  it('allKeySpellings also holds the keys of nested objects (for finding full-width colons anywhere)', () => {
    const all = allKeySpellings(issueSchema);
    expect(all.has('发送')).toBe(true);
    expect(all.has('报')).toBe(true);
    expect(all.has('勘误数')).toBe(true);
  });
});

describe('PositionIndex', () => {
  it('answers with the value, else the key, else the nearest ancestor, else the start', () => {
    const index = new PositionIndex({ line: 2, column: 1 });
    index.setKey(['distribution'], { line: 7, column: 1 }, '发送');
    index.setValue(['distribution', 'report', 0], { line: 8, column: 7 });
    expect(index.at(['distribution', 'report', 0])).toEqual({ line: 8, column: 7 });
    expect(index.at(['distribution', 'send', 1])).toEqual({ line: 7, column: 1 });
    expect(index.at(['title'])).toEqual({ line: 2, column: 1 });
    expect(index.writtenKey(['distribution'])).toBe('发送');
    expect(index.keyAt(['distribution', 'report'])).toBeUndefined();
  });

  it('a lazy index runs its loader once, on the first question', () => {
    let loads = 0;
    const index = PositionIndex.lazy({ line: 2, column: 1 }, () => {
      loads++;
      const loaded = new PositionIndex({ line: 2, column: 1 });
      loaded.setValue(['unit'], { line: 4, column: 5 });
      return loaded;
    });
    expect(loads).toBe(0);
    expect(index.at(['unit'])).toEqual({ line: 4, column: 5 });
    expect(index.at(['unit'])).toEqual({ line: 4, column: 5 });
    expect(loads).toBe(1);
  });
});
