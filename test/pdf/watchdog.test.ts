/**
 * Every browser step of the PDF run has a watchdog: a browser that never
 * starts is reported within the launch limit, a browser frozen with SIGSTOP
 * after the first PDF is killed and reported, a browser killed mid-build is
 * reported as a crash (not as fonts that failed to load) and the old site
 * stays. Real Chromium processes, started through a small wrapper script that
 * records the browser's pid.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { checkContent, compileSite, type CompiledSite } from '../../src/core/index.ts';
import { PdfError, renderPdfs } from '../../src/pdf/index.ts';
import { copyContent, runCli, tempDir, testBrowser } from '../helpers/index.ts';
import { hashTree } from '../helpers/site.ts';

const chromium = await testBrowser('PDF 看门狗测试');

let content: string;
let dist: string;
let site: CompiledSite;
let scripts: string;

/** A browser program: `body` is shell run before (or instead of) the real browser; `$PIDFILE` gets its pid. */
async function wrapper(name: string, body: string): Promise<{ path: string; pid: () => Promise<number> }> {
  const path = join(scripts, name);
  const pidFile = join(scripts, `${name}.pid`);
  await writeFile(path, `#!/bin/sh\necho $$ > '${pidFile}'\n${body}\n`);
  await chmod(path, 0o755);
  return { path, pid: async () => Number(await readFile(pidFile, 'utf8')) };
}

function io(onLine: (text: string) => void = () => {}) {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: (text: string) => {
        stdout += text;
        onLine(text);
      },
      stderr: (text: string) => {
        stderr += text;
      },
      env: {},
      cwd: scripts,
      isTTY: false,
    },
    output: () => ({ stdout, stderr }),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie or stopped-then-killed process is gone for our purposes once ps no longer lists it as running.
    return !/^[ZX]/.test(execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  } catch {
    return false;
  }
}

beforeAll(async () => {
  if (!chromium) return;
  scripts = await tempDir('jianbao-watchdog-');
  content = await copyContent();
  // A third issue: with two pages printing at once, a kill after the first PDF always leaves one unprinted.
  await writeFile(
    join(content, 'entries/2024/第五期.md'),
    '---\nsection: work-updates\ndate: 2024-06-29\nunit: qsz\n---\n\n6月29日，青石镇开展夜查。\n',
  );
  await writeFile(
    join(content, 'issues/2024-05.md'),
    '---\n年度: 2024\n期号: 5\n总期号: 12\n印发日期: 2024年6月30日\n稿件: [2024/第五期]\n---\n',
  );
  dist = join(scripts, 'dist');
  const built = await runCli(['build', '--drafts', '--content', content, '--out', dist]);
  expect(built.code, built.stdout + built.stderr).toBe(0);
  const checked = await checkContent(content);
  site = compileSite(checked.content, checked.registry);
  expect(site.issues.length).toBe(3);
}, 240_000);

describe.runIf(chromium)('PDF watchdogs', () => {
  it('a browser that never starts is reported within the launch limit', { timeout: 60_000 }, async () => {
    // Hangs before the browser would say it is ready, keeping the command line it was given.
    const never = await wrapper('never', `exec '${process.execPath}' -e 'setInterval(() => {}, 1000)' -- "$@"`);
    const run = io();
    const error = await renderPdfs({
      distDir: dist,
      site,
      io: run.io,
      browser: never.path,
      timeouts: { launch: 3_000 },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as Error).message).toContain('3 秒内没有启动');
    expect((error as Error).message).toContain(never.path);
    expect(alive(await never.pid())).toBe(false);
  });

  it('a browser frozen (SIGSTOP) after the first PDF is killed and reported', { timeout: 120_000 }, async () => {
    const frozen = await wrapper('frozen', `exec '${chromium}' "$@"`);
    let stopped = false;
    const run = io((text) => {
      if (!stopped && text.includes('PDF：')) {
        stopped = true;
        void frozen.pid().then((pid) => process.kill(pid, 'SIGSTOP'));
      }
    });
    const error = await renderPdfs({
      distDir: dist,
      site,
      io: run.io,
      browser: frozen.path,
      concurrency: 1,
      timeouts: { page: 5_000, print: 5_000 },
    }).catch((caught: unknown) => caught);
    expect(stopped).toBe(true);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as Error).message).toMatch(/5 秒内没有完成.*已停止它/);
    expect((error as Error).message).not.toContain('字体');
    expect(alive(await frozen.pid())).toBe(false);
  });

  it('a browser killed mid-build: reported as a crash, exit 1, the old site kept', { timeout: 240_000 }, async () => {
    const killed = await wrapper('killed', `exec '${chromium}' "$@"`);
    const before = await hashTree(dist);
    let done = false;
    const run = io((text) => {
      if (!done && text.includes('PDF：')) {
        done = true;
        process.kill(Number(readFileSync(join(scripts, 'killed.pid'), 'utf8')), 'SIGKILL');
      }
    });
    const code = await main(['build', '--drafts', '--pdf', '--content', content, '--out', dist], {
      ...run.io,
      env: { JIANBAO_BROWSER: killed.path },
    });
    const { stdout, stderr } = run.output();
    expect(done).toBe(true);
    expect(code).toBe(1);
    expect(stderr).toContain('意外退出');
    expect(stderr).not.toContain('字体');
    expect(stdout + stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(await hashTree(dist)).toEqual(before);
  });
});
