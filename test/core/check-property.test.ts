/**
 * Property: whatever a clerk (or a broken converter) writes, `check` never
 * throws and every diagnostic points at a real position in the file.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkContent, schema } from '../../src/core/index.ts';
import { parseMarkdownFile, sourceFromBytes } from '../../src/core/load/content.ts';
import { parseYaml, parseYamlFast, parseYamlPrecisely } from '../../src/core/load/yaml.ts';
import { splitFrontMatter } from '../../src/core/load/frontmatter.ts';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { copyContent, FIXTURES } from '../helpers/index.ts';

const KEYS = [
  'section',
  '栏目',
  'title',
  '标题',
  'date',
  '日期',
  'unit',
  '单位',
  'people',
  '领导',
  'series',
  '刊物',
  'status',
  '状态',
  'order',
  '排序',
  'titel',
  '时间',
  '',
];
const VALUES = [
  '工作动态',
  'work-updates',
  '调研指导',
  '经验推介',
  '工作动太',
  '2024-06-06',
  '2024年6月6日',
  '2024-02-30',
  '24年6月',
  'qsz',
  '应急局',
  '[李健]',
  '[李健, 周明远]',
  '[]',
  '{}',
  '"未闭合',
  "'x'",
  '3',
  '-1',
  'null',
  '~',
  'draft',
  '草稿',
  '撤稿',
  '>',
  '|',
  '&a',
  '*a',
  '!!binary x',
  ': :',
  '：',
  '\t',
  '- 列表',
];
const TRICKY = [
  ':',
  '：',
  '\t',
  '"',
  "'",
  '---',
  '\r\n',
  '\n',
  '\u3000',
  '\u0000',
  '#',
  '[',
  ']',
  '{',
  '}',
  '- ',
  '  ',
  '\ufeff',
  '…',
  '**',
  '<script>',
  '&a ',
  '*a',
  '!!str ',
  '? ',
  '|',
  '>',
  '%',
];

const frontMatter = fc
  .array(
    fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), fc.constantFrom(': ', '：', ':', ' : ', ':\n  - ')),
    { maxLength: 9 },
  )
  .map((pairs) => pairs.map(([k, v, sep]) => `${k}${sep}${v}`).join('\n'));
const body = fc
  .array(
    fc.constantFrom(
      '6月6日，',
      '**区安委办**',
      '检查。',
      '\n\n',
      '一、总体要求\n',
      '| a | b |\n|---|---|\n',
      '<b>x</b>',
      '[链接](javascript:alert(1))',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const entryText = fc
  .tuple(fc.boolean(), frontMatter, fc.boolean(), body)
  .map(([open, fm, close, text]) => `${open ? '---\n' : ''}${fm}\n${close ? '---\n' : ''}${text}`);

/** A valid entry mutated by inserting, deleting and replacing tricky fragments. */
const validEntry =
  '---\nsection: work-updates\ntitle: 燃气检查\ndate: 2024-06-06\nunit: qsz\npeople: [李健]\nstatus: draft\n---\n\n6月6日，**青石镇**开展燃气安全检查。\n';
const mutated = fc
  .array(fc.tuple(fc.nat(validEntry.length), fc.nat(6), fc.constantFrom(...TRICKY)), { minLength: 1, maxLength: 6 })
  .map((edits) =>
    edits.reduce(
      (text, [at, remove, insert]) =>
        text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + remove),
      validEntry,
    ),
  );

/** One small edit only: mostly still-valid documents, to exercise the fast path. */
const lightlyMutated = fc
  .tuple(fc.nat(validEntry.length), fc.nat(2), fc.constantFrom(...TRICKY, ' ', 'x', '区', '0', '\n  '))
  .map(([at, remove, insert]) => validEntry.slice(0, at) + insert + validEntry.slice(at + remove));

const encoded = fc
  .tuple(fc.oneof(entryText, mutated), fc.constantFrom('utf8', 'gbk', 'big5', 'utf16le', 'raw'))
  .map(([text, encoding]) =>
    encoding === 'raw'
      ? new Uint8Array(Buffer.from(text, 'utf8').map((byte, i) => (i % 7 === 3 ? byte ^ 0x80 : byte)))
      : new Uint8Array(iconv.encode(text, encoding)),
  );

function assertPositioned(diagnostics: Diagnostic[], lines: number) {
  for (const d of diagnostics) {
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines + 1, `${d.rule} line ${d.line} of ${lines}`).toBe(
      true,
    );
    expect(Number.isInteger(d.column) && d.column >= 1, `${d.rule} column ${d.column}`).toBe(true);
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    expect(d.rule).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  }
}

describe('check never throws and always gives positions', () => {
  it('for thousands of generated and mutated entry files', () => {
    fc.assert(
      fc.property(encoded, (bytes) => {
        const read = sourceFromBytes('entries/x.md', bytes);
        const diagnostics = [...read.diagnostics];
        if (read.source) diagnostics.push(...parseMarkdownFile(read.source, schema.entrySchema, '稿件').diagnostics);
        assertPositioned(diagnostics, read.source ? read.source.text.split('\n').length : 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('the fast YAML path accepts only what the precise path accepts, with the same data', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(entryText, mutated, mutated, lightlyMutated, lightlyMutated), (text) => {
        const split = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
        if (split.yaml === undefined || split.unclosed) return;
        const source = { text: split.yaml, file: 'entries/x.md', firstLine: split.yamlLine };
        const fast = parseYamlFast(source, schema.entrySchema);
        if (!fast) return;
        accepted++;
        const precise = parseYamlPrecisely(source, schema.entrySchema);
        expect(precise.diagnostics).toEqual([]);
        expect(fast.data).toEqual(precise.data);
        // Lazy positions resolve to the precise ones.
        expect(fast.positions.at(['date'])).toEqual(precise.positions.at(['date']));
      }),
      { numRuns: 3000 },
    );
    console.log(`fast path accepted ${accepted}`);
    expect(accepted).toBeGreaterThan(300);
  });

  it('for mutated settings files', async () => {
    const files = [
      ['jianbao.yaml', schema.siteSchema],
      ['units.yaml', schema.unitsSchema],
      ['people.yaml', schema.peopleSchema],
      ['recipients.yaml', schema.recipientsSchema],
    ] as const;
    for (const [name, fileSchema] of files) {
      const original = await readFile(join(FIXTURES, 'base/content', name), 'utf8');
      const edits = fc.array(fc.tuple(fc.nat(original.length), fc.nat(8), fc.constantFrom(...TRICKY)), {
        minLength: 1,
        maxLength: 5,
      });
      fc.assert(
        fc.property(edits, (list) => {
          const text = list.reduce(
            (t, [at, remove, insert]) =>
              t.slice(0, at % (t.length + 1)) + insert + t.slice((at % (t.length + 1)) + remove),
            original,
          );
          const parsed = parseYaml({ text, file: name, firstLine: 1 }, fileSchema);
          assertPositioned(parsed.diagnostics, text.split('\n').length);
        }),
        { numRuns: 500 },
      );
    }
  });

  it('for whole content directories with several broken files at once', async () => {
    const base = await copyContent();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(encoded, { minLength: 1, maxLength: 4 }),
        fc.option(mutated.map((t) => t.replace(/^---\n|---\n/g, ''))),
        async (files, issueExtra) => {
          const dir = join(base, `../run-${run++}`);
          await mkdir(dir, { recursive: true });
          await cp(base, dir, { recursive: true });
          await Promise.all(files.map((bytes, i) => writeFile(join(dir, `entries/2024/gen-${i}.md`), bytes)));
          if (issueExtra) await writeFile(join(dir, 'issues/2024-05.md'), `---\n${issueExtra}\n---\n`);
          const result = await checkContent(dir);
          for (const d of result.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(d.file).not.toMatch(/^\//);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
