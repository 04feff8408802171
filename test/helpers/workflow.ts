/** Helpers for the authoring-workflow tests: sample content copies, check as JSON, front matter reading. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/core/load/frontmatter.ts';
import { copyContent, runCli, SAMPLE_CONTENT, type CliResult } from './index.ts';

export { copyContent, SAMPLE_CONTENT };

/** A temporary copy of the sample content (content/). */
export function sampleCopy(): Promise<string> {
  return copyContent(SAMPLE_CONTENT);
}

/** Change a content file in place; an edit that changes nothing is a mistake in the test. */
export async function editFile(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  const before = await readFile(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  await writeFile(path, after);
}

/** `jianbao <argv> --content dir`. */
export function cli(dir: string, ...argv: string[]): Promise<CliResult> {
  return runCli([...argv, '--content', dir]);
}

export interface CheckJson {
  errors: number;
  warnings: number;
  diagnostics: {
    rule: string;
    severity: string;
    file: string;
    line: number;
    column: number;
    message: string;
    hint?: string;
  }[];
}

/** `jianbao check --format json` on a directory. */
export async function checkJson(dir: string): Promise<CheckJson> {
  const result = await cli(dir, 'check', '--format', 'json');
  return JSON.parse(result.stdout) as CheckJson;
}

/** Entry ids `check` reports as pending (entry/pending warnings). */
export async function pendingIds(dir: string): Promise<string[]> {
  const check = await checkJson(dir);
  return check.diagnostics
    .filter((d) => d.rule === 'entry/pending')
    .map((d) => d.file.replace(/^entries\//, '').replace(/\.md$/, ''))
    .sort();
}

/** The front matter of a content file, as plain data (keys as written). */
export async function frontMatter(dir: string, file: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(dir, file), 'utf8');
  return parse(splitFrontMatter(text).yaml ?? '') as Record<string, unknown>;
}

/** Strip ANSI escapes from terminal output. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}
