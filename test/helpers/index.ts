/** Shared test helpers: run the CLI in-process, copy fixtures to a temp dir. */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const SAMPLE_CONTENT = join(ROOT, 'content');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `jianbao …` in-process; `cwd` defaults to the project root. */
export async function runCli(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string | Buffer } = {},
): Promise<CliResult> {
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
    ...(options.stdin !== undefined ? { stdin: Readable.from([Buffer.from(options.stdin)]) } : {}),
  });
  return { code, stdout, stderr };
}

/** `node bin/jianbao.js …` as a real process (no colours; JIANBAO_CONTENT unset unless `env` sets it). */
export function spawnCli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/jianbao.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', JIANBAO_CONTENT: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, all: result.stdout + result.stderr };
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
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join((entry as unknown as { parentPath: string }).parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/**
 * The system browser for tests that need one. Without a browser such tests
 * are skipped with a visible message — except in CI (CI=true), where a
 * missing browser is a failure: CI installs Chromium and must test for real.
 */
export async function testBrowser(what: string): Promise<string | undefined> {
  const { findBrowser } = await import('../../src/pdf/browser.ts');
  try {
    return findBrowser({ env: process.env }).path;
  } catch {
    if (process.env.CI) throw new Error(`CI 中必须有浏览器才能运行「${what}」：请在 .ci/run 中安装 chromium`);
    console.warn(`⚠ 跳过「${what}」：本机没有 Chromium/Chrome/Edge（CI 会安装 chromium）。`);
    return undefined;
  }
}

/** Headless Chromium from `testBrowser()`, with the flags this sandbox needs. */
export async function launchBrowser(executablePath: string) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
