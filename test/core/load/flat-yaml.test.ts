/**
 * A flat front matter (flat-yaml.ts) reads as js-yaml reads it with the
 * core schema, or is left to the parsers: over generated documents mixing
 * every kind of line and value an entry's front matter has, or should not
 * have, what it gives is never different from what js-yaml gives.
 */
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { flatMapping } from '../../../src/core/load/flat-yaml.ts';

const KEYS = [
  'section',
  'title',
  'date',
  'unit',
  'status',
  '栏目',
  '标题',
  'a-b',
  'x_1',
  '1key',
  ' title',
  '__proto__',
];
const VALUES = [
  '危化品专项检查',
  '2016-01-01',
  '2016-01-01 ',
  'gaj',
  'ready',
  '关于“安全生产月”活动的通知',
  '区应急管理局、区消防救援大队',
  '第 3 期 , 总第 58 期',
  'a "quoted" word',
  "it's",
  '31',
  '-1',
  '+1.5',
  '1_000',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.NaN',
  '.5',
  '1.',
  'null',
  'Null',
  '~',
  'true',
  'FALSE',
  'yes',
  'no',
  'on',
  '',
  '- item',
  '-x',
  '? key',
  ': x',
  '[a, b]',
  '{a: b}',
  'a: b',
  'a:b',
  'x #note',
  'x#y',
  '&anchor x',
  '*alias',
  '!tag x',
  '|',
  '>',
  "'single'",
  '"double"',
  '%x',
  '@x',
  '`x`',
  'tab\there',
  'ends with colon:',
  '2016-01-01T10:00:00',
  '12:30',
  '１２',
  '全角：冒号',
  '[周正宇]',
  '[周正宇, 宋晓梅]',
  '[ a ,b ]',
  '[]',
  '[ ]',
  '[a,]',
  '[, a]',
  '[a,,b]',
  '[a b]',
  '[a, [b]]',
  '[a: b]',
  '[a, 1]',
  '[null]',
  '[a, "b"]',
  '[a, -b]',
  '[a] x',
  'x [a]',
  '[a, b #c]',
  'x ',
  // Characters JavaScript's trim() takes for white space and YAML does not.
  '[\u3000]',
  '[a,\u3000b]',
  '[\u00a0]',
  '\u3000燃气\u3000',
  '燃气\u3000',
  '燃气\u00a0',
  '[燃气\u3000]',
  '\ufeffx',
  // Characters YAML does not allow in a stream at all.
  'x\u000b',
  'x\u000c',
  'x\u0085y',
  'x\u007f',
  'x\u0001',
  'x\r',
  'x\ud800',
  'x\ufffe',
  '\ud83d\ude00',
  'a\u2028b',
  'a\u00a0b',
  'a\u3000b',
];

/** A small deterministic generator (the test must not pass by luck of the draw). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function jsYaml(text: string): unknown {
  try {
    return { value: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) };
  } catch {
    return { error: true };
  }
}

describe('a flat front matter', () => {
  it('reads a plain entry as js-yaml does', () => {
    const text = 'section: 工作动态\ntitle: 危化品专项检查\ndate: 2025-11-20\nunit: 应急管理局\n';
    expect(flatMapping(text)).toEqual({
      section: '工作动态',
      title: '危化品专项检查',
      date: '2025-11-20',
      unit: '应急管理局',
    });
    expect(flatMapping(text)).toEqual(jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }));
    const visit = 'section: 领导调研\ndate: 2025-11-20\nunit: [应急管理局, 住建局]\npeople: [周正宇]\n';
    expect(flatMapping(visit)).toEqual({
      section: '领导调研',
      date: '2025-11-20',
      unit: ['应急管理局', '住建局'],
      people: ['周正宇'],
    });
    expect(flatMapping(visit)).toEqual(jsyaml.load(visit, { schema: jsyaml.CORE_SCHEMA }));
  });

  it.each(VALUES)('gives a value as js-yaml does, or leaves it: %j', (value) => {
    const text = `title: ${value}\n`;
    const flat = flatMapping(text);
    if (flat !== undefined) expect({ value: flat }).toEqual(jsYaml(text));
  });

  it('never differs from js-yaml over 20,000 generated documents, and reads most plain ones', () => {
    const next = random(20261203);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let read = 0;
    for (let index = 0; index < 20_000; index++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(next() * 5);
      for (let line = 0; line < count; line++) {
        const roll = next();
        if (roll < 0.05) lines.push('');
        else if (roll < 0.08) lines.push(`  ${pick(KEYS)}: ${pick(VALUES)}`);
        else if (roll < 0.1) lines.push(`- ${pick(VALUES)}`);
        else if (roll < 0.12) lines.push(`${pick(KEYS)}:${pick(VALUES)}`);
        else if (roll < 0.14) lines.push(`${pick(KEYS)}:   ${pick(VALUES)}`);
        else lines.push(`${pick(KEYS)}: ${pick(VALUES)}`);
      }
      const text = `${lines.join('\n')}${next() < 0.5 ? '\n' : ''}`;
      const flat = flatMapping(text);
      if (flat === undefined) continue;
      read++;
      expect({ value: flat }, text).toEqual(jsYaml(text));
    }
    expect(read).toBeGreaterThan(500);
  });
});
