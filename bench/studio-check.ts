/**
 * The bench row "studio: check after one save" (run by bench/run as a child
 * process): what a long-lived process (the studio, `jianbao dev`) does after
 * the clerk saves one entry. It opens the project once and checks it (not
 * timed: the studio did that when it started), then, `--runs` times: appends
 * a sentence to an entry of the newest issue, tells the project that file
 * changed (`invalidate([file])`, as the studio's save and its file watcher
 * do) and times `project.check()` — exactly that core call. Then as many
 * times again with `invalidate()` without paths (anything may have changed:
 * every file stamped again), for comparison. Then the clerk's most common
 * save, a new entry: `--runs` times a new ready entry is written beside the
 * saved one (atomically, as `new entry` and the studio write it), the project
 * is told that file, and `project.check()` is timed; and the same entries
 * deleted again, one by one, timed the same way. Prints one JSON line: the
 * seconds of each run of all four (and the CPU seconds of the told ones), the first check's, how many files the last
 * told check read again, how many told checks of each kind were patched onto the last one
 * (src/core/check-patch.ts), and the load average before and after. The content is left as it was found
 * (but for the sentences appended to the saved entry).
 *
 *   node --import tsx bench/studio-check.ts CONTENT ENTRY_ID [--runs 5]
 */
import { appendFile, rename, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openProject } from '../src/core/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '5' } },
});
const [content, entry] = positionals;
if (!content || !entry) throw new Error('用法：node --import tsx bench/studio-check.ts 内容目录 稿件编号 [--runs 5]');

const load = [loadavg()[0]];
const project = openProject(content);
const started = performance.now();
const first = await project.check();
const firstSeconds = (performance.now() - started) / 1000;
const file = `entries/${entry}.md`;
let saves = 0;

/** CPU seconds of this process (all its threads) per told check: less bent by other processes than the wall clock. */
const cpu: number[] = [];

async function saveAndCheck(told: boolean): Promise<number> {
  await appendFile(join(content!, file), `\n保存第${++saves}次：检查工作持续推进。\n`);
  project.invalidate(told ? [file] : undefined);
  const start = performance.now();
  const used = process.cpuUsage();
  const checked = await project.check();
  const seconds = (performance.now() - start) / 1000;
  const spent = process.cpuUsage(used);
  if (told) cpu.push((spent.user + spent.system) / 1e6);
  if (checked.content.entries.length !== first.content.entries.length)
    throw new Error('studio-check: the entries changed in number');
  return seconds;
}

const seconds: number[] = [];
for (let run = 0; run < Number(values.runs); run++) seconds.push(await saveAndCheck(true));
const { files, patched } = await project.checkState();
const reread = files.read;
const full: number[] = [];
for (let run = 0; run < Number(values.runs); run++) full.push(await saveAndCheck(false));

/** Write (or delete) a new entry beside the saved one, tell the project, and time its check. */
const folder = dirname(file);
const entries = first.content.entries.length;
const newFile = (run: number) => `${folder}/bench-新建稿件-${process.pid}-${run}.md`;
async function newEntryAndCheck(
  run: number,
  remove: boolean,
  count: number,
): Promise<{ seconds: number; cpu: number }> {
  const path = newFile(run);
  if (remove) await rm(join(content!, path));
  else {
    // Atomically, as the studio writes it: a hidden temporary file renamed into place.
    const partial = join(content!, folder, `.bench-${process.pid}-${run}.partial`);
    await writeFile(
      partial,
      `---\nsection: work-updates\ndate: ${first.content.entries.find((e) => e.file === file)!.data.date}\nunit: yjj\n---\n\n区应急管理局开展第${run + 1}次安全生产检查。\n`,
    );
    await rename(partial, join(content!, path));
  }
  project.invalidate([path]);
  const start = performance.now();
  const used = process.cpuUsage();
  const checked = await project.check();
  const seconds = (performance.now() - start) / 1000;
  const spent = process.cpuUsage(used);
  if (checked.content.entries.length !== count) throw new Error('studio-check: the new entry is not in the check');
  return { seconds, cpu: (spent.user + spent.system) / 1e6 };
}
const before = (await project.checkState()).patched;
const added: number[] = [];
const addedCpu: number[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  const { seconds: spent, cpu: used } = await newEntryAndCheck(run, false, entries + run + 1);
  added.push(spent);
  addedCpu.push(used);
}
const addedPatched = (await project.checkState()).patched - before;
const deleted: number[] = [];
for (let run = 0; run < Number(values.runs); run++)
  deleted.push((await newEntryAndCheck(run, true, entries + Number(values.runs) - run - 1)).seconds);
const deletedPatched = (await project.checkState()).patched - before - addedPatched;
load.push(loadavg()[0]);
process.stdout.write(
  `${JSON.stringify({ seconds, cpu, full, added, addedCpu, addedPatched, deleted, deletedPatched, first: firstSeconds, reread, patched, load })}\n`,
);
