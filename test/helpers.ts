/** Shared test helpers: run the CLI in-process, copy fixtures to a temp dir. */
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/main.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const SAMPLE_CONTENT = join(ROOT, 'content');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `jianbao …` in-process; `cwd` defaults to the project root. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory. */
export async function tempDir(prefix = 'jianbao-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Copy a content directory (default: the base fixture) to a temp dir and return its path. */
export async function copyContent(from = join(FIXTURES, 'base/content')): Promise<string> {
  const dir = join(await tempDir(), 'content');
  await cp(from, dir, { recursive: true });
  return dir;
}

/** Every file under a directory, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  return ((await readdir(dir, { recursive: true, withFileTypes: true })) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join((entry as unknown as { parentPath: string }).parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
