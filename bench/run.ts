/**
 * bench/run (`npm run bench -- --years 10`): generate years of content, then
 * measure jianbao's commands against a bare Astro 5 site on the same entries.
 * Every figure comes from real child processes: wall time over repeated runs
 * (median, min, max) and peak memory (maxRSS). Nothing is asserted; it prints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const RSS_PRELOAD = join(ROOT, 'bench/rss.mjs');

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '10' },
    'issues-per-year': { type: 'string', default: '50' },
    'entries-per-issue': { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    'build-runs': { type: 'string', default: '2' },
    'pdf-issues': { type: 'string', default: '6' },
    content: { type: 'string' },
    skip: { type: 'string', multiple: true, default: [] },
  },
});
const runs = Number(values.runs);
const buildRuns = Number(values['build-runs']);
const skip = new Set(values.skip);

interface Sample {
  seconds: number;
  rssMb: number;
}
interface Row {
  name: string;
  samples: Sample[];
  note?: string;
}
const rows: Row[] = [];

/** Run a Node script as a child with the RSS preload; returns wall time and peak memory. */
function runNode(args: string[], env: Record<string, string> = {}, label = args.join(' ')): Sample {
  const rssFile = join(OUT, `rss-${process.pid}.txt`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', RSS_PRELOAD, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${label} 失败（退出码 ${result.status}）：\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-3000)}`);
  }
  let rss = 0;
  try {
    rss = Number(spawnSync('cat', [rssFile], { encoding: 'utf8' }).stdout) / 1024;
  } catch {
    // no figure
  }
  return { seconds, rssMb: rss };
}

function jianbao(args: string[]): Sample {
  return runNode([join(ROOT, 'bin/jianbao.js'), ...args], {}, `jianbao ${args.join(' ')}`);
}

async function measure(name: string, count: number, body: (index: number) => Promise<Sample> | Sample, note?: string) {
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const sample = await body(i);
    samples.push(sample);
    process.stdout.write(`  ${name}：第 ${i + 1}/${count} 次 ${sample.seconds.toFixed(2)} 秒，峰值内存 ${sample.rssMb.toFixed(0)} MB\n`);
  }
  rows.push({ name, samples, ...(note ? { note } : {}) });
}

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main() {
  await mkdir(OUT, { recursive: true });
  const content = values.content ? resolve(values.content) : join(OUT, 'content');
  if (!values.content) {
    process.stdout.write(`生成内容：${values.years} 年 × ${values['issues-per-year']} 期 × ${values['entries-per-issue']} 篇 …\n`);
    const generated = await generate({
      out: content,
      years: Number(values.years),
      issuesPerYear: Number(values['issues-per-year']),
      entriesPerIssue: Number(values['entries-per-issue']),
      pending: 30,
      drafts: 40,
      seed: 1,
      publish: true,
    });
    process.stdout.write(`  ${generated.issues} 期，${generated.entries} 篇稿件（除最新一期外均已发布）\n`);
  }
  const site = join(OUT, 'site');
  const floorRoot = join(ROOT, 'bench/floor');
  const astroBin = join(ROOT, 'node_modules/astro/astro.js');
  const floorEnv = { FLOOR_ENTRIES: join(content, 'entries') };
  const clearFloorCache = () => Promise.all([rm(join(floorRoot, 'node_modules'), { recursive: true, force: true }), rm(join(floorRoot, '.astro'), { recursive: true, force: true })]);

  await measure('check（冷启动）', runs, () => jianbao(['check', '--content', content]));
  if (!skip.has('floor')) {
    await measure('astro sync（同样的稿件，glob 加载器）', runs, async () => {
      await clearFloorCache();
      return runNode([astroBin, 'sync', '--root', floorRoot], floorEnv, 'astro sync');
    });
  }
  if (!skip.has('lint')) await measure('lint（全部稿件）', runs, () => jianbao(['lint', '--content', content]));

  if (!skip.has('build')) {
    await measure('build（冷启动）', buildRuns, async () => {
      await rm(site, { recursive: true, force: true });
      await rm(join(ROOT, '.jianbao'), { recursive: true, force: true });
      return jianbao(['build', '--content', content, '--out', site]);
    });
    const latest = await latestIssueEntry(content);
    await measure('build（修改一篇稿件后）', buildRuns, async (index) => {
      await appendFile(join(content, 'entries', `${latest}.md`), `\n补充说明第${index + 1}条：检查工作持续推进。\n`);
      return jianbao(['build', '--content', content, '--out', site]);
    });
    await measure('build（新增一期后）', buildRuns, async (index) => {
      await addPendingEntries(content, index);
      jianbao(['new', 'issue', '--content', content, '--date', `${2015 + Number(values.years)}-12-${String(30 - (buildRuns - index)).padStart(2, '0')}`]);
      return jianbao(['build', '--content', content, '--out', site]);
    });
  }
  if (!skip.has('floor')) {
    await measure('参照：裸 Astro 5 站点（每篇稿件一页）', buildRuns, async () => {
      await clearFloorCache();
      return runNode([astroBin, 'build', '--root', floorRoot, '--outDir', join(OUT, 'floor-dist')], floorEnv, 'astro build');
    });
  }
  if (!skip.has('pdf') && !skip.has('build') && existsSync(site)) {
    const count = Number(values['pdf-issues']);
    const year = 2015 + Number(values.years);
    const refs = Array.from({ length: count }, (_, i) => `${year}-${i + 1}`);
    await measure(`PDF（${count} 期，折合每期）`, 1, () => {
      const sample = jianbao(['pdf', ...refs, '--content', content, '--out', site]);
      return { seconds: sample.seconds / count, rssMb: sample.rssMb };
    });
  }
  await report(content);
}

/** The id of an entry in the latest (unpublished) issue. */
async function latestIssueEntry(content: string): Promise<string> {
  const years = (await readdir(join(content, 'issues'))).sort();
  const dir = join(content, 'issues', years.at(-1)!);
  const files = (await readdir(dir)).sort();
  const text = await readFile(join(dir, files.at(-1)!), 'utf8');
  return /^\s+- (.+)$/m.exec(text)![1]!;
}

/** Five ready entries dated at the end of the generated period, for the next issue. */
async function addPendingEntries(content: string, index: number) {
  const year = 2015 + Number(values.years);
  const dir = join(content, 'entries', String(year), '12');
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < 5; i++) {
    await writeFile(join(dir, `bench-${index}-${i}.md`), `---\nsection: work-updates\ndate: ${year}-12-${String(20 + index).padStart(2, '0')}\nunit: yjj\n---\n\n12月20日，区应急管理局开展岁末年初安全生产检查。\n`);
  }
}

async function report(content: string) {
  const cpu = os.cpus()[0]?.model ?? '未知';
  const machine = `${os.cpus().length} 核 ${cpu}，内存 ${(os.totalmem() / 2 ** 30).toFixed(0)} GB，Node.js ${process.version}，${os.platform()} ${os.arch()}`;
  const lines = [
    `机器：${machine}`,
    `内容：${content}（${values.years} 年，每年 ${values['issues-per-year']} 期，每期 ${values['entries-per-issue']} 篇）`,
    '',
    '| 项目 | 次数 | 中位数（秒） | 最快 | 最慢 | 峰值内存（MB） |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const seconds = row.samples.map((s) => s.seconds);
      const rss = Math.max(...row.samples.map((s) => s.rssMb));
      return `| ${row.name} | ${row.samples.length} | ${median(seconds).toFixed(2)} | ${Math.min(...seconds).toFixed(2)} | ${Math.max(...seconds).toFixed(2)} | ${rss.toFixed(0)} |`;
    }),
  ];
  const find = (prefix: string) => rows.find((row) => row.name.startsWith(prefix));
  const check = find('check');
  const sync = find('astro sync');
  const cold = find('build（冷启动）');
  const edit = find('build（修改');
  const floor = find('参照');
  lines.push('');
  if (check && sync) lines.push(`check 比 astro sync 快 ${(median(sync.samples.map((s) => s.seconds)) / median(check.samples.map((s) => s.seconds))).toFixed(1)} 倍（目标 ≥ 10 倍；check 目标 ≤ 2 秒）`);
  if (cold && floor) lines.push(`冷启动 build ÷ 裸 Astro = ${(median(cold.samples.map((s) => s.seconds)) / median(floor.samples.map((s) => s.seconds))).toFixed(2)}（目标 ≤ 1）`);
  if (cold && edit) lines.push(`修改一篇后的 build ÷ 冷启动 build = ${(median(edit.samples.map((s) => s.seconds)) / median(cold.samples.map((s) => s.seconds)) * 100).toFixed(0)}%（目标 ≤ 25%）`);
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(`\n${text}`);
  await writeFile(join(OUT, 'results.md'), text);
  process.stdout.write(`\n结果已写入 ${join(OUT, 'results.md')}\n`);
}

await main();
