/**
 * The read-and-parse floor of `check` (run by bench/run as a child process; plain JavaScript, so no loader
 * adds to the floor):
 * read every Markdown and YAML file of a content directory, split off each
 * front matter and parse it with js-yaml, and read and parse every archive
 * record (published/*.json: check must verify each against the ledger). No
 * validation, no cross-file rules: what any checker of these files must at
 * least do. Prints the file count.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';

const content = process.argv[2];
if (!content) throw new Error('用法：node bench/read-floor.mjs 内容目录');
const names = (await readdir(content, { recursive: true })).filter(
  (name) => /\.(md|ya?ml)$/.test(name) || (name.startsWith('published') && name.endsWith('.json')),
);
let parsed = 0;
await Promise.all(
  Array.from({ length: 16 }, async (_, worker) => {
    for (let index = worker; index < names.length; index += 16) {
      const text = await readFile(join(content, names[index]), 'utf8');
      if (names[index].endsWith('.json')) {
        JSON.parse(text);
        parsed++;
        continue;
      }
      const front = text.startsWith('---') ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] : text;
      if (front !== undefined) yaml.load(front);
      parsed++;
    }
  }),
);
process.stdout.write(`${parsed}\n`);
