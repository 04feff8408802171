/**
 * bench/baseline (`npx tsx bench/baseline.ts --baseline ../jianbao-old`):
 * the weekly steps (an edited draft, an added draft, a published issue) of
 * this checkout against another checkout of jianbao (an
 * earlier commit, its `node_modules` installed), in the same run on the same
 * machine. Each checkout builds the content its own `bench/generate.ts` makes
 * with the same sizes and seed; the two are measured alternately, so a busy
 * machine slows both alike. Prints a table of medians and the ratio; asserts
 * nothing.
 *
 *   --baseline DIR      the other checkout (required)
 *   --years 10 --runs 3 content size and repetitions (of the weekly builds)
 *   --check-runs 9      repetitions of the cold check: a few seconds each, and on
 *                       a shared two-core machine single runs vary by a third
 *   --check-only        measure the cold check alone (no builds)
 *   --current DIR       the checkout measured against it (default: this one)
 *   --out DIR           where the contents and sites go (default bench/out/baseline)
 */
import { spawn } from 'node:child_process';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addPendingEntries, latestIssueEntry } from './weekly-steps.ts';

const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    years: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    'check-runs': { type: 'string', default: '9' },
    'check-only': { type: 'boolean', default: false },
    current: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!values.baseline) {
  process.stderr.write('用法：npx tsx bench/baseline.ts --baseline 另一份jianbao目录 [--years 10] [--runs 3]\n');
  process.exit(2);
}
const FIRST_YEAR = 2016;
/** bench/generate.ts's default: the newest generated issue, a draft, is number 50 of the last year. */
const ISSUES_PER_YEAR = 50;
const years = Number(values.years);
const runs = Number(values.runs);
const checkRuns = Number(values['check-runs']);
/** The weekly builds (none with --check-only). */
const weeklyRuns = values['check-only'] ? 0 : runs;
const lastYear = FIRST_YEAR + years - 1;
const OUT = resolve(values.out ?? join(import.meta.dirname, 'out/baseline'));

interface Checkout {
  label: string;
  root: string;
  content: string;
  site: string;
  commit: string;
}

function run(command: string, args: string[], cwd: string): Promise<{ seconds: number; stdout: string }> {
  const started = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && !(args.includes('check') && code === 1))
        fail(new Error(`${command} ${args.join(' ')} 退出码 ${code}\n${stdout}\n${stderr}`));
      else done({ seconds, stdout });
    });
  });
}

const jianbao = (checkout: Checkout, args: string[]) =>
  run(process.execPath, [join(checkout.root, 'bin/jianbao.js'), ...args], checkout.root);

async function commitOf(root: string): Promise<string> {
  return (await run('git', ['rev-parse', '--short', 'HEAD'], root)).stdout.trim();
}

const clearCache = (checkout: Checkout) => rm(join(checkout.root, '.jianbao/cache'), { recursive: true, force: true });

async function main() {
  const here = resolve(values.current ?? join(import.meta.dirname, '..'));
  const checkouts: Checkout[] = [];
  for (const [label, root] of [
    ['基线', resolve(values.baseline!)],
    ['本版', here],
  ] as const) {
    checkouts.push({
      label,
      root,
      content: join(OUT, `${label}-content`),
      site: join(OUT, `${label}-site`),
      commit: await commitOf(root),
    });
  }
  await mkdir(OUT, { recursive: true });
  for (const checkout of checkouts) {
    process.stdout.write(`${checkout.label}（${checkout.commit}）：生成 ${years} 年的内容…\n`);
    await rm(checkout.content, { recursive: true, force: true });
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(checkout.root, 'bench/generate.ts'),
        '--out',
        checkout.content,
        '--years',
        String(years),
        '--publish',
      ],
      checkout.root,
    );
    await jianbao(checkout, ['--version']);
  }
  const table = new Map<string, Map<string, number[]>>();
  const record = (step: string, checkout: Checkout, seconds: number) => {
    const row = table.get(step) ?? new Map<string, number[]>();
    table.set(step, row);
    row.set(checkout.label, [...(row.get(checkout.label) ?? []), seconds]);
    process.stdout.write(
      `  ${step} · ${checkout.label}：${seconds.toFixed(2)} 秒（负载 ${os.loadavg()[0]!.toFixed(1)}）\n`,
    );
  };
  // Alternate which checkout goes first, so neither always meets the other's leftovers.
  const order = (round: number) => (round % 2 === 0 ? checkouts : [...checkouts].reverse());
  for (let round = 0; round < checkRuns; round++) {
    for (const checkout of order(round)) {
      await clearCache(checkout);
      record('check（冷启动）', checkout, (await jianbao(checkout, ['check', '--content', checkout.content])).seconds);
    }
  }
  for (const checkout of values['check-only'] ? [] : order(0)) {
    await rm(checkout.site, { recursive: true, force: true });
    await clearCache(checkout);
    record(
      'build（冷启动）',
      checkout,
      (await jianbao(checkout, ['build', '--content', checkout.content, '--out', checkout.site])).seconds,
    );
  }
  const latest = new Map<Checkout, string>();
  for (const checkout of checkouts) latest.set(checkout, await latestIssueEntry(checkout.content));
  for (let round = 0; round < weeklyRuns; round++) {
    for (const checkout of order(round)) {
      await appendFile(
        join(checkout.content, 'entries', `${latest.get(checkout)!}.md`),
        `\n补充说明第${round + 1}条：检查工作持续推进。\n`,
      );
      record(
        'build（修改最新一期的一篇稿件后）',
        checkout,
        (await jianbao(checkout, ['build', '--content', checkout.content, '--out', checkout.site])).seconds,
      );
    }
  }
  for (let round = 0; round < weeklyRuns; round++) {
    for (const checkout of order(round)) {
      await addPendingEntries(checkout.content, lastYear, round);
      await jianbao(checkout, [
        'new',
        'issue',
        '--content',
        checkout.content,
        '--date',
        `${lastYear}-12-${Math.min(31, 29 + round)}`,
      ]);
      record(
        'build（新增一期后）',
        checkout,
        (await jianbao(checkout, ['build', '--content', checkout.content, '--out', checkout.site])).seconds,
      );
    }
  }
  // Publishing the newest draft changes the site (its pages, the home page, the archives, the feed): Astro runs.
  for (let round = 0; round < weeklyRuns; round++) {
    for (const checkout of order(round)) {
      await jianbao(checkout, ['publish', `${lastYear}-${ISSUES_PER_YEAR + round}`, '--content', checkout.content]);
      record(
        'build（发布一期后）',
        checkout,
        (await jianbao(checkout, ['build', '--content', checkout.content, '--out', checkout.site])).seconds,
      );
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const [base, current] = checkouts as [Checkout, Checkout];
  const lines = [
    `| 步骤（中位数，秒） | 基线 ${base.commit} | 本版 ${current.commit} | 本版 / 基线 |`,
    '|---|---|---|---|',
    ...[...table].map(([step, row]) => {
      const a = median(row.get(base.label)!);
      const b = median(row.get(current.label)!);
      return `| ${step} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)} |`;
    }),
  ];
  const text = `${lines.join('\n')}\n\n${years} 年内容；${os.cpus().length} 核 ${os.cpus()[0]?.model.trim() ?? ''}，Node.js ${process.version}；结束时负载 ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')}\n`;
  await writeFile(join(OUT, 'results.md'), text);
  process.stdout.write(`\n${text}`);
}

await main();
