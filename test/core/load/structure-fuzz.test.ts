/**
 * Structure fuzzer: Markdown bodies and YAML (front matter and settings
 * files) nested to thousands of levels, every construct mixed with every
 * other, written to real content directories and checked (and, when the
 * check passes, compiled: every body rendered). The guarantees, for every
 * case: no throw, no case over 10 s, no message or hint showing a JavaScript
 * value (`undefined`, `[object Object]`, `NaN`) — the inputs never contain
 * those words, so any that appears came from us.
 *
 * The budget is bounded for CI: FUZZ_RUNS cases (default 40) from FUZZ_SEED
 * (default: fast-check's random seed, printed on failure for replay);
 * FUZZ_DUMP=file writes the whole failing input there.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent, compileSite } from '../../../src/core/index.ts';
import { copyContent } from '../../helpers/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const CASE_LIMIT_MS = 10_000;
const JS_VALUE = /undefined|\[object Object\]|NaN/;

/** A construct wrapping what is inside it: text before and after. */
type Wrap = readonly [open: string, close: string];

const MARKDOWN: readonly Wrap[] = [
  ['> ', ''],
  ['- ', ''],
  ['* ', ''],
  ['1. ', ''],
  ['  ', ''],
  ['\n> ', ''],
  ['\n- ', '\n'],
  ['\n  - ', ''],
  ['*', '*'],
  ['**', '**'],
  ['_', '_'],
  ['__', '__'],
  ['~~', '~~'],
  ['[', '](https://example.com)'],
  ['![', '](./图.png)'],
  ['[', ']'],
  ['(', ')'],
  ['`', '`'],
  ['<b>', '</b>'],
  ['<', '>'],
  ['# ', ''],
  ['| ', ' |\n|---|\n'],
  ['[^', ']'],
  ['\\', ''],
  ['"', '"'],
  ['（', '）'],
  ['一、', ''],
  ['```\n', '\n```'],
  ['\n\n', ''],
];

const YAML: readonly Wrap[] = [
  ['[', ']'],
  ['{a: ', '}'],
  ['{', '}'],
  ['\n  - ', ''],
  ['\n  k: ', ''],
  ['- ', ''],
  ['k: ', ''],
  ['"', '"'],
  ["'", "'"],
  ['&a ', ''],
  ['*a', ''],
  ['!!str ', ''],
  ['? ', ''],
  ['|\n  ', ''],
  ['>\n  ', ''],
  ['#', ''],
  ['：', ''],
  ['\t', ''],
  [', ', ''],
];

const TEXT = [
  '正文',
  '6月20日，青石镇开展检查。',
  'x',
  '',
  ' ',
  '区应急管理局',
  'https://example.com',
  '2024-06-20',
  '李健',
  '[]',
  '{}',
  '---',
];

/** `depth` levels of the constructs in `pattern`, repeated, around `text`. */
function nest(pattern: readonly Wrap[], depth: number, text: string): string {
  let open = '';
  let close = '';
  for (let level = 0; level < depth; level++) {
    const [before, after] = pattern[level % pattern.length]!;
    open += before;
    close = after + close;
  }
  return open + text + close;
}

const depth = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 6000 }));
const nested = (constructs: readonly Wrap[]) =>
  fc
    .tuple(fc.array(fc.constantFrom(...constructs), { minLength: 1, maxLength: 8 }), depth, fc.constantFrom(...TEXT))
    .map(([pattern, levels, text]) => nest(pattern, levels, text));

const KEYS = ['section', 'title', '标题', 'date', 'unit', 'people', 'series', 'status', 'order', '未知'];

/** An entry: a mostly valid front matter with one nested YAML value, and a nested Markdown body. */
const entry = fc
  .record({
    key: fc.constantFrom(...KEYS),
    value: nested(YAML),
    body: fc.array(nested(MARKDOWN), { minLength: 1, maxLength: 3 }),
    valid: fc.boolean(),
  })
  .map(({ key, value, body, valid }) => {
    const head = valid ? 'section: work-updates\ndate: 2024-06-20\nunit: qsz\nstatus: draft\n' : '';
    return `---\n${head}${key}: ${value}\n---\n\n${body.join('\n\n')}\n`;
  });

/** A settings file replaced by nested YAML. */
const settings = fc.record({
  file: fc.constantFrom('units.yaml', 'people.yaml', 'recipients.yaml', 'jianbao.yaml'),
  text: fc.oneof(
    nested(YAML),
    nested(YAML).map((value) => `- id: x\n  name: ${value}\n`),
  ),
});

const fuzzCase = fc.record({
  entries: fc.array(entry, { minLength: 1, maxLength: 3 }),
  settings: fc.option(settings, { nil: undefined }),
  note: fc.option(nested(MARKDOWN), { nil: undefined }),
});

describe('structure fuzzer', () => {
  it(
    `nested Markdown and YAML (${RUNS} cases): no throw, no case over 10 s, no JavaScript value in a message`,
    { timeout: Math.max(240_000, RUNS * CASE_LIMIT_MS) },
    async () => {
      const content = await copyContent();
      const slowest = { ms: 0 };
      const details = await fc.check(
        fc.asyncProperty(fuzzCase, async (input) => {
          const written: string[] = [];
          try {
            for (const [index, text] of input.entries.entries()) {
              const path = join(content, `entries/2024/模糊${index}.md`);
              await writeFile(path, text);
              written.push(path);
            }
            if (input.note !== undefined) {
              const path = join(content, 'issues/2024-09.md');
              await writeFile(
                path,
                `---\n年度: 2024\n期号: 5\n总期号: 12\n印发日期: 2024年6月30日\n稿件: []\n---\n\n${input.note}\n`,
              );
              written.push(path);
            }
            const original = input.settings
              ? await import('node:fs/promises').then(({ readFile }) => readFile(join(content, input.settings!.file)))
              : undefined;
            if (input.settings) await writeFile(join(content, input.settings.file), input.settings.text);
            const started = performance.now();
            try {
              const result = await checkContent(content);
              if (result.errors === 0) compileSite(result.content, result.registry);
              const shown = result.diagnostics.filter((d) => JS_VALUE.test(`${d.message} ${d.hint ?? ''}`));
              expect(shown.map((d) => `${d.file}:${d.line} ${d.message} → ${d.hint ?? ''}`)).toEqual([]);
              for (const d of result.diagnostics) {
                expect(Number.isInteger(d.line) && d.line >= 1, `${d.rule} line ${d.line}`).toBe(true);
                expect(Number.isInteger(d.column) && d.column >= 1, `${d.rule} column ${d.column}`).toBe(true);
              }
            } finally {
              if (input.settings && original) await writeFile(join(content, input.settings.file), original);
            }
            const ms = performance.now() - started;
            slowest.ms = Math.max(slowest.ms, ms);
            expect(ms, 'one case took longer than 10 s').toBeLessThan(CASE_LIMIT_MS);
          } finally {
            for (const path of written) await rm(path, { force: true });
          }
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
      );
      // The counterexamples run to megabytes: report the seed to replay with and the failure itself.
      if (details.failed) {
        const error = details.errorInstance as (Error & { actual?: unknown }) | undefined;
        const cause =
          error instanceof Error
            ? `${error.stack ?? error.message}${error.actual === undefined ? '' : `\nactual: ${JSON.stringify(error.actual)}`}`
            : String(error);
        if (process.env.FUZZ_DUMP) await writeFile(process.env.FUZZ_DUMP, JSON.stringify(details.counterexample));
        throw new Error(
          `structure fuzzer failed (replay: FUZZ_SEED=${details.seed} FUZZ_RUNS=${RUNS}): ${cause.slice(0, 2000)}\ninput (first 500 characters): ${JSON.stringify(details.counterexample).slice(0, 500)}`,
        );
      }
      console.log(`structure fuzzer: ${RUNS} cases, slowest ${(slowest.ms / 1000).toFixed(2)} s`);
    },
  );
});
