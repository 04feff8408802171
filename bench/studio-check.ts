/**
 * The bench row "studio: check after one save" (run by bench/run as a child
 * process): what a long-lived process (the studio, `jianbao dev`) does after
 * the clerk saves one entry. It opens the project once and checks it (not
 * timed: the studio did that when it started), then, `--runs` times: appends
 * a sentence to an entry of the newest issue, tells the project its files
 * changed (`invalidate`) and times `project.check()` — exactly that core
 * call. Prints one JSON line: the seconds of each run, the first check's,
 * and how many files the last check read again.
 *
 *   node --import tsx bench/studio-check.ts CONTENT ENTRY_ID [--runs 5]
 */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openProject } from '../src/core/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' } } });
const [content, entry] = positionals;
if (!content || !entry) throw new Error('用法：node --import tsx bench/studio-check.ts 内容目录 稿件编号 [--runs 5]');

const project = openProject(content);
let started = performance.now();
const first = await project.check();
const firstSeconds = (performance.now() - started) / 1000;
const seconds: number[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  await appendFile(join(content, 'entries', `${entry}.md`), `\n保存第${run + 1}次：检查工作持续推进。\n`);
  project.invalidate();
  started = performance.now();
  const checked = await project.check();
  seconds.push((performance.now() - started) / 1000);
  if (checked.content.entries.length !== first.content.entries.length) throw new Error('studio-check: the entries changed in number');
}
const { files } = await project.checkState();
process.stdout.write(`${JSON.stringify({ seconds, first: firstSeconds, reread: files.read, reused: files.reused })}\n`);
