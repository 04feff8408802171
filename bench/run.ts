/**
 * bench/run (`npm run bench -- --years 10`): generate years of content, then
 * measure jianbao's commands against a bare Astro 5 site on the same entries.
 * Every figure comes from real child processes: wall time over repeated runs
 * (median, min, max) and peak memory of the whole process tree (Node, the
 * Pagefind binary, Chromium), sampled from /proc every 50 ms (elsewhere: the
 * Node process's own maximum). Nothing is asserted; it prints and writes
 * bench/out/results.md and results.json.
 *
 *   --years 10 --issues-per-year 50 --entries-per-issue 40   content size
 *   --runs 3 --build-runs 3 --pdf-issues 8 --docx-issues 8   repetitions
 *   --content DIR                                            measure an existing directory instead
 *   --skip floor|hugo|lint|build|pdf|docx                    leave a part out
 *
 * References measured in the same run: the read-and-parse floor of check
 * (read-floor.mjs), astro sync and a bare Astro 5 site on the same entries
 * (floor/), and, where `hugo` is installed, Hugo's full build of the same
 * entries (hugo.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.ts';
import { hugoVersion, prepareHugoSite } from './hugo.ts';
import { addPendingEntries, latestIssueEntry } from './weekly-steps.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const RSS_PRELOAD = join(ROOT, 'bench/rss.mjs');
/** The render cache (pages, Markdown, PDFs) of every content directory; the CLI bundle next to it stays. */
const RENDER_CACHE = join(ROOT, '.jianbao/cache');
const FIRST_YEAR = 2016;

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '10' },
    'issues-per-year': { type: 'string', default: '50' },
    'entries-per-issue': { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    'build-runs': { type: 'string', default: '3' },
    'pdf-issues': { type: 'string', default: '8' },
    'docx-issues': { type: 'string', default: '8' },
    content: { type: 'string' },
    skip: { type: 'string', multiple: true, default: [] },
  },
});
const runs = Number(values.runs);
const buildRuns = Number(values['build-runs']);
const skip = new Set(values.skip);
const lastYear = FIRST_YEAR + Number(values.years) - 1;
const issuesPerYear = Number(values['issues-per-year']);

interface Sample {
  seconds: number;
  rssMb: number;
  /** Step times a build prints (检查, 编译, 页面, 检索), seconds. */
  steps?: Record<string, number>;
}
/** The cost of an issue of PDF or Word output: whole commands, and the step alone. */
interface PerIssue {
  one: number;
  many: number;
  stepOne: number;
  stepMany: number;
}
interface Row {
  name: string;
  samples: Sample[];
}
const rows: Row[] = [];

/**
 * Memory of a process and all its descendants, MB (Linux /proc): the sum of
 * their proportional set sizes (a page shared by n processes counts 1/n, so
 * Chromium's many processes are not overcounted); undefined elsewhere.
 */
function treeRssMb(root: number): number | undefined {
  if (process.platform !== 'linux') return undefined;
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return kb / 1024;
}

/** Run a Node script as a child; wall time, peak memory of its process tree, its output. */
async function runNode(
  args: string[],
  env: Record<string, string> = {},
  label = args.join(' '),
): Promise<Sample & { stdout: string }> {
  return runProcess(process.execPath, ['--import', RSS_PRELOAD, ...args], env, label);
}

/** Run a program as a child; wall time, peak memory of its process tree, its output. */
async function runProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  label = args.join(' '),
): Promise<Sample & { stdout: string }> {
  const rssFile = join(OUT, `rss-${process.pid}.txt`);
  await rm(rssFile, { force: true });
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssMb(child.pid) ?? 0);
  }, 50);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 && code !== 1)
    throw new Error(`${label} 失败（退出码 ${code}）：\n${stderr.slice(-3000)}\n${stdout.slice(-3000)}`);
  const own = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : 0;
  return { seconds, rssMb: Math.max(peak, own), stdout };
}

async function jianbao(args: string[]): Promise<Sample & { stdout: string }> {
  return runNode([join(ROOT, 'bin/jianbao.js'), ...args], {}, `jianbao ${args.join(' ')}`);
}

/** The time `jianbao pdf` or `jianbao docx` prints for the printing or writing alone (生成用时), apart from process start, check and compile. */
function outputSteps(stdout: string): Record<string, number> {
  const match = /生成用时 ([\d.]+) 秒/.exec(stdout);
  return match ? { 生成: Number(match[1]) } : {};
}

/** The step times `jianbao build` prints. */
function buildSteps(stdout: string): Record<string, number> {
  const steps: Record<string, number> = {};
  const take = (name: string, pattern: RegExp) => {
    const match = pattern.exec(stdout);
    if (match) steps[name] = Number(match[1]);
  };
  take('检查', /检查通过（用时 ([\d.]+) 秒）/);
  take('编译（并行）', /篇稿件（用时 ([\d.]+) 秒）/);
  take('页面（Astro）', /页面(?:已生成|无需重新生成)（.*?用时 ([\d.]+) 秒）/);
  take('全文检索', /全文检索已建立索引（.*?用时 ([\d.]+) 秒）/);
  const reused = /其中 (\d+) 个期刊页取自缓存/.exec(stdout);
  steps['取自缓存的期刊页'] = reused ? Number(reused[1]) : 0;
  return steps;
}

async function measure(name: string, count: number, body: (index: number) => Promise<Sample>): Promise<void> {
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const sample = await body(i);
    samples.push(sample);
    const steps = sample.steps
      ? `（${Object.entries(sample.steps)
          .map(([step, value]) => `${step} ${value}`)
          .join('，')}）`
      : '';
    process.stdout.write(
      `  ${name}：第 ${i + 1}/${count} 次 ${sample.seconds.toFixed(2)} 秒，峰值内存 ${sample.rssMb.toFixed(0)} MB${steps}\n`,
    );
  }
  rows.push({ name, samples });
}

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const medianOf = (row: Row | undefined) => (row ? median(row.samples.map((sample) => sample.seconds)) : NaN);

async function clearRenderCache(): Promise<void> {
  await rm(RENDER_CACHE, { recursive: true, force: true });
}

async function clearCheckCache(): Promise<void> {
  for (const name of await readdir(RENDER_CACHE).catch(() => [] as string[]))
    await rm(join(RENDER_CACHE, name, 'check'), { recursive: true, force: true });
}

async function clearPdfCache(): Promise<void> {
  for (const name of await readdir(RENDER_CACHE).catch(() => [] as string[]))
    await rm(join(RENDER_CACHE, name, 'pdf'), { recursive: true, force: true });
}

async function clearDocxCache(): Promise<void> {
  for (const name of await readdir(RENDER_CACHE).catch(() => [] as string[]))
    await rm(join(RENDER_CACHE, name, 'docx'), { recursive: true, force: true });
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const loadBefore = os.loadavg();
  const content = values.content ? resolve(values.content) : join(OUT, 'content');
  if (!values.content) {
    process.stdout.write(
      `生成内容：${values.years} 年 × ${values['issues-per-year']} 期 × ${values['entries-per-issue']} 篇 …\n`,
    );
    const generated = await generate({
      out: content,
      years: Number(values.years),
      issuesPerYear: Number(values['issues-per-year']),
      entriesPerIssue: Number(values['entries-per-issue']),
      pending: 30,
      drafts: 40,
      seed: 1,
      firstYear: FIRST_YEAR,
      publish: true,
    });
    process.stdout.write(`  ${generated.issues} 期，${generated.entries} 篇稿件（除最新一期外均已发布）\n`);
  }
  // The CLI runs from a bundle of src/ made on first use: make it now, outside the measurements.
  await jianbao(['--version']);
  const site = join(OUT, 'site');
  const floorRoot = join(ROOT, 'bench/floor');
  const astroBin = join(ROOT, 'node_modules/astro/astro.js');
  const floorEnv = { FLOOR_ENTRIES: join(content, 'entries') };
  const clearFloorCache = () =>
    Promise.all([
      rm(join(floorRoot, 'node_modules'), { recursive: true, force: true }),
      rm(join(floorRoot, '.astro'), { recursive: true, force: true }),
    ]);

  // Cold: no check cache (what an earlier run read); warm: the cache of the run before, nothing changed since.
  await measure('check（冷启动，无缓存）', runs, async () => {
    await clearCheckCache();
    return jianbao(['check', '--content', content]);
  });
  await measure('check（有上次检查的缓存，无改动）', runs, () => jianbao(['check', '--content', content]));
  await measure('参照：读取并解析全部文件（check 的下限）', runs, () =>
    runNode([join(ROOT, 'bench/read-floor.mjs'), content], {}, 'read-floor'),
  );
  // The studio (and dev): one long-lived project checked again after a save; the child times exactly project.check().
  const saved = await latestIssueEntry(content);
  const studio = await runNode(
    ['--import', 'tsx', join(ROOT, 'bench/studio-check.ts'), content, saved, '--runs', String(Math.max(9, runs))],
    {},
    'studio-check',
  );
  const studioResult = JSON.parse(studio.stdout.trim().split('\n').at(-1)!) as {
    seconds: number[];
    full: number[];
    added: number[];
    addedPatched: number;
    deleted: number[];
    deletedPatched: number;
    first: number;
    reread: number;
    patched: number;
    load: number[];
  };
  rows.push({
    name: 'studio：保存一篇后再检查（同一进程，告知改动的文件，project.check）',
    samples: studioResult.seconds.map((seconds) => ({ seconds, rssMb: studio.rssMb })),
  });
  rows.push({
    name: 'studio：新建一篇稿件后再检查（同一进程，告知新文件，project.check）',
    samples: studioResult.added.map((seconds) => ({ seconds, rssMb: studio.rssMb })),
  });
  rows.push({
    name: 'studio：删除一篇稿件后再检查（同上）',
    samples: studioResult.deleted.map((seconds) => ({ seconds, rssMb: studio.rssMb })),
  });
  rows.push({
    name: 'studio：保存一篇后再检查，不告知改动（全部文件重取时间戳）',
    samples: studioResult.full.map((seconds) => ({ seconds, rssMb: studio.rssMb })),
  });
  process.stdout.write(
    `  studio：首次检查 ${studioResult.first.toFixed(2)} 秒；保存后再检查 ${studioResult.seconds.map((s) => s.toFixed(3)).join('、')} 秒（最后一次重读 ${studioResult.reread} 个文件，${studioResult.patched} 次在上次结果上修补）；` +
      `新建稿件后再检查 ${studioResult.added.map((s) => s.toFixed(3)).join('、')} 秒（${studioResult.addedPatched} 次修补），删除后 ${studioResult.deleted.map((s) => s.toFixed(3)).join('、')} 秒（${studioResult.deletedPatched} 次修补）；` +
      `不告知改动 ${studioResult.full.map((s) => s.toFixed(3)).join('、')} 秒；负载 ${studioResult.load.map((l) => l.toFixed(1)).join(' → ')}\n`,
  );
  if (!skip.has('floor')) {
    await measure('参照：astro sync（同样的稿件，glob 加载器）', runs, async () => {
      await clearFloorCache();
      return runNode([astroBin, 'sync', '--root', floorRoot], floorEnv, 'astro sync');
    });
  }
  if (!skip.has('lint')) await measure('lint（未发布的稿件）', runs, () => jianbao(['lint', '--content', content]));

  if (!skip.has('build')) {
    const build = async () => {
      const sample = await jianbao(['build', '--content', content, '--out', site]);
      return { ...sample, steps: buildSteps(sample.stdout) };
    };
    await measure('build（冷启动：无缓存、无旧站点）', buildRuns, async () => {
      await rm(site, { recursive: true, force: true });
      await clearRenderCache();
      return build();
    });
    const latest = await latestIssueEntry(content);
    await measure('build（修改最新一期（草稿）的一篇稿件后，站点不变）', buildRuns, async (index) => {
      await appendFile(join(content, 'entries', `${latest}.md`), `\n补充说明第${index + 1}条：检查工作持续推进。\n`);
      return build();
    });
    await measure('build（新增一期后）', buildRuns, async (index) => {
      await addPendingEntries(content, lastYear, index);
      await jianbao(['new', 'issue', '--content', content, '--date', `${lastYear}-12-${Math.min(31, 29 + index)}`]);
      return build();
    });
    // The two rows above leave the site as it was (drafts are not in it: the build copies its last output);
    // publishing an issue changes it: its pages, the home page, the archives, the feed, that year's index.
    await measure('build（发布一期后）', buildRuns, async (index) => {
      const published = await jianbao(['publish', `${lastYear}-${issuesPerYear + index}`, '--content', content]);
      if (!published.stdout.includes('已发布')) throw new Error(`publish 失败：${published.stdout.slice(-2000)}`);
      return build();
    });
  }
  if (!skip.has('floor')) {
    await measure('参照：裸 Astro 5 站点（每篇稿件一页，glob 加载器）', buildRuns, async () => {
      await clearFloorCache();
      return runNode(
        [astroBin, 'build', '--root', floorRoot, '--outDir', join(OUT, 'floor-dist')],
        floorEnv,
        'astro build',
      );
    });
  }
  const hugo = skip.has('hugo') ? undefined : hugoVersion();
  if (hugo) {
    const hugoRoot = join(OUT, 'hugo');
    const pages = await prepareHugoSite(content, hugoRoot);
    process.stdout.write(`  ${hugo}：${pages} 篇稿件已复制为 Hugo 页面\n`);
    await measure(`参照：Hugo 完整生成（${hugo}，每篇稿件一页，栏目和单位分类）`, buildRuns, async () => {
      await rm(join(hugoRoot, 'public'), { recursive: true, force: true });
      await rm(join(hugoRoot, 'resources'), { recursive: true, force: true });
      return runProcess(
        'hugo',
        [
          '--quiet',
          '--source',
          hugoRoot,
          '--destination',
          join(hugoRoot, 'public'),
          '--cacheDir',
          join(hugoRoot, 'cache-dir'),
        ],
        {},
        'hugo',
      );
    });
  } else if (!skip.has('hugo')) {
    process.stdout.write('  未安装 hugo（Debian：apt install hugo），跳过 Hugo 参照。\n');
  }
  let pdf: (PerIssue & { count: number; workers: number }) | undefined;
  if (!skip.has('pdf') && !skip.has('build') && existsSync(site)) {
    const count = Number(values['pdf-issues']);
    const refs = Array.from({ length: count }, (_, i) => `${lastYear}-${i + 1}`);
    const print = (list: string[]) => async () => {
      await clearPdfCache();
      const sample = await jianbao(['pdf', ...list, '--content', content, '--out', site]);
      return { ...sample, steps: outputSteps(sample.stdout) };
    };
    await measure('pdf（1 期）', runs, print(refs.slice(0, 1)));
    await measure(`pdf（${count} 期）`, runs, print(refs));
    pdf = { ...perIssue(rows.at(-2), rows.at(-1)), count, workers: Math.min(4, os.availableParallelism()) };
  }
  // Word files: the marginal cost of an issue, as for the PDFs (the cached .docx files cleared first).
  let docx: (PerIssue & { count: number }) | undefined;
  if (!skip.has('docx') && existsSync(site)) {
    const count = Number(values['docx-issues']);
    const refs = Array.from({ length: count }, (_, i) => `${lastYear}-${i + 1}`);
    const write = (list: string[]) => async () => {
      await clearDocxCache();
      const sample = await jianbao(['docx', ...list, '--content', content, '--out', site]);
      return { ...sample, steps: outputSteps(sample.stdout) };
    };
    await measure('docx（1 期）', runs, write(refs.slice(0, 1)));
    await measure(`docx（${count} 期）`, runs, write(refs));
    docx = { ...perIssue(rows.at(-2), rows.at(-1)), count };
  }
  await report(content, loadBefore, pdf, docx);
}

/** Whole commands (median seconds) and their printing or writing alone (the medians of 生成), for 1 and for n issues. */
function perIssue(one: Row | undefined, many: Row | undefined): PerIssue {
  const step = (row: Row | undefined) =>
    row ? median(row.samples.map((sample) => sample.steps?.['生成'] ?? NaN)) : NaN;
  return { one: medianOf(one), many: medianOf(many), stepOne: step(one), stepMany: step(many) };
}

async function report(
  content: string,
  loadBefore: number[],
  pdf: (PerIssue & { count: number; workers: number }) | undefined,
  docx: (PerIssue & { count: number }) | undefined,
) {
  const cpu = os.cpus()[0]?.model.trim() ?? '未知';
  const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(' / ');
  const machine = `${os.availableParallelism()} 核 ${cpu}，内存 ${(os.totalmem() / 2 ** 30).toFixed(0)} GB，Node.js ${process.version}，${os.platform()} ${os.arch()}；负载（1/5/15 分钟平均）开始时 ${load(loadBefore)}，结束时 ${load(os.loadavg())}`;
  const lines = [
    `机器：${machine}`,
    `内容：${values.content ? content : `bench/generate 生成，${values.years} 年，每年 ${values['issues-per-year']} 期，每期 ${values['entries-per-issue']} 篇，另有待编 30 篇、草稿 40 篇`}`,
    '',
    '| 项目 | 次数 | 中位数（秒） | 最快 | 最慢 | 峰值内存（MB，进程树 PSS） |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const seconds = row.samples.map((s) => s.seconds);
      const rss = Math.max(...row.samples.map((s) => s.rssMb));
      return `| ${row.name} | ${row.samples.length} | ${median(seconds).toFixed(2)} | ${Math.min(...seconds).toFixed(2)} | ${Math.max(...seconds).toFixed(2)} | ${rss.toFixed(0)} |`;
    }),
  ];
  const builds = rows.filter((row) => row.name.startsWith('build') && row.samples.some((sample) => sample.steps));
  if (builds.length > 0) {
    const names = [
      ...new Set(builds.flatMap((row) => row.samples.flatMap((sample) => Object.keys(sample.steps ?? {})))),
    ];
    lines.push(
      '',
      `build 各步骤（中位数，秒；编译在工作线程中与 Astro 打包并行）`,
      '',
      `| build | ${names.join(' | ')} |`,
      `|---|${names.map(() => '---').join('|')}|`,
    );
    for (const row of builds)
      lines.push(
        `| ${row.name.replace(/^build/, '')} | ${names
          .map((name) => {
            const value = median(row.samples.map((sample) => sample.steps?.[name] ?? NaN));
            return Number.isInteger(value) ? String(value) : value.toFixed(1);
          })
          .join(' | ')} |`,
      );
  }
  const find = (prefix: string) => rows.find((row) => row.name.startsWith(prefix));
  const check = medianOf(find('check（冷启动'));
  const studio = medianOf(find('studio'));
  const studioNew = medianOf(find('studio：新建'));
  const warmCheck = medianOf(find('check（有上次'));
  const sync = medianOf(find('参照：astro sync'));
  const cold = medianOf(find('build（冷启动'));
  const edit = medianOf(find('build（修改'));
  const added = medianOf(find('build（新增'));
  const publishedBuild = medianOf(find('build（发布'));
  const floor = medianOf(find('参照：裸 Astro'));
  const readFloor = medianOf(find('参照：读取并解析'));
  const hugo = medianOf(find('参照：Hugo'));
  const peak = Math.max(
    ...rows.filter((row) => !row.name.startsWith('参照')).flatMap((row) => row.samples.map((s) => s.rssMb)),
  );
  const verdict = (ok: boolean) => (ok ? '达标' : '未达标');
  lines.push('', '目标：');
  if (!Number.isNaN(check)) lines.push(`- check ${check.toFixed(2)} 秒（目标 ≤ 2 秒）：${verdict(check <= 2)}`);
  if (!Number.isNaN(check) && !Number.isNaN(readFloor))
    lines.push(
      `- check ÷ 读取并解析的下限 = ${(check / readFloor).toFixed(2)}（目标 ≤ 2）：${verdict(check <= 2 * readFloor)}`,
    );
  if (!Number.isNaN(warmCheck))
    lines.push(
      `- check（有缓存）${warmCheck.toFixed(2)} 秒，是冷启动的 ${((warmCheck / check) * 100).toFixed(0)}%（无目标，供参考）`,
    );
  if (!Number.isNaN(studio))
    lines.push(
      `- studio 保存一篇后再检查 ${(studio * 1000).toFixed(0)} 毫秒（目标 ≤ 200 毫秒）：${verdict(studio <= 0.2)}`,
    );
  if (!Number.isNaN(studioNew))
    lines.push(
      `- studio 新建一篇稿件后再检查 ${(studioNew * 1000).toFixed(0)} 毫秒（目标 ≤ 200 毫秒）：${verdict(studioNew <= 0.2)}`,
    );
  if (!Number.isNaN(check) && !Number.isNaN(sync))
    lines.push(
      `- check 比 astro sync 快 ${(sync / check).toFixed(1)} 倍（目标 ≥ 10 倍）：${verdict(sync / check >= 10)}`,
    );
  if (!Number.isNaN(cold) && !Number.isNaN(floor))
    lines.push(`- 冷启动 build ÷ 裸 Astro = ${(cold / floor).toFixed(2)}（目标 ≤ 1）：${verdict(cold <= floor)}`);
  if (!Number.isNaN(cold) && !Number.isNaN(edit))
    lines.push(
      `- 修改一篇（草稿）后的 build ÷ 冷启动 build = ${((edit / cold) * 100).toFixed(0)}%（目标 ≤ 25%；草稿不进站点，站点不变，只复制上次的输出）：${verdict(edit / cold <= 0.25)}`,
    );
  if (!Number.isNaN(hugo)) {
    for (const [what, value] of [
      ['冷启动 build', cold],
      ['修改一篇后的 build', edit],
      ['新增一期后的 build', added],
      ['发布一期后的 build', publishedBuild],
    ] as const) {
      if (!Number.isNaN(value))
        lines.push(
          `- ${what} ÷ Hugo 完整生成 = ${(value / hugo).toFixed(2)}${what === '冷启动 build' ? '（供参考）' : `（目标 ≤ 1）：${verdict(value <= hugo)}`}`,
        );
    }
  }
  if (!Number.isNaN(cold) && !Number.isNaN(added))
    lines.push(`- 新增一期后的 build ÷ 冷启动 build = ${((added / cold) * 100).toFixed(0)}%（无目标，供参考）`);
  if (!Number.isNaN(cold) && !Number.isNaN(publishedBuild))
    lines.push(
      `- 发布一期后的 build ÷ 冷启动 build = ${((publishedBuild / cold) * 100).toFixed(0)}%（站点有变化，Astro 要运行；每周真正改动站点的一次生成，按 ≤ 25% 衡量）：${verdict(publishedBuild / cold <= 0.25)}`,
    );
  if (Number.isFinite(peak))
    lines.push(
      `- jianbao 各命令的峰值内存 ${peak.toFixed(0)} MB（进程树合计，目标 ≤ 1536 MB）：${verdict(peak <= 1536)}`,
    );
  // Per issue: the step alone (生成用时, without process start, check and compile) over n issues, and the
  // difference between n issues and 1 of it (without the browser's start); the target is judged on the latter.
  const perIssueLine = (what: string, figures: PerIssue & { count: number }, target: number, how: string) => {
    const marginal = (figures.stepMany - figures.stepOne) / (figures.count - 1);
    const whole = (figures.many - figures.one) / (figures.count - 1);
    lines.push(
      `- ${what} 每期 ${marginal.toFixed(2)} 秒（只计生成本身：${figures.count} 期与 1 期的生成用时之差折合${how}；${figures.count} 期生成用时 ${figures.stepMany.toFixed(2)} 秒，折合每期 ${(figures.stepMany / figures.count).toFixed(2)} 秒；` +
        `整条命令（含启动、检查、编译）${figures.count} 期 ${figures.many.toFixed(1)} 秒，两条命令之差折合每期 ${whole.toFixed(2)} 秒；目标 ≤ ${target} 秒）：${verdict(marginal <= target)}`,
    );
  };
  if (pdf) perIssueLine('PDF', pdf, 1, `，${pdf.workers} 页并行`);
  if (docx) perIssueLine('Word', docx, 0.3, '');
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(`\n${text}`);
  await writeFile(join(OUT, 'results.md'), text);
  await writeFile(join(OUT, 'results.json'), `${JSON.stringify({ machine, rows, pdf, docx }, null, 2)}\n`);
  process.stdout.write(`\n结果已写入 ${join(OUT, 'results.md')}\n`);
}

await main();
