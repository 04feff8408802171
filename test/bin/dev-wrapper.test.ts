/** `npx jianbao dev` runs the server under a wrapper (npm, a shell): killing the wrapper stops the server. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, ROOT } from '../helpers/index.ts';

async function responds(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return true;
  } catch {
    return false;
  }
}

async function until(what: () => Promise<boolean>, seconds: number): Promise<boolean> {
  for (
    const end = Date.now() + seconds * 1000;
    Date.now() < end;
    await new Promise((resolve) => setTimeout(resolve, 250))
  ) {
    if (await what()) return true;
  }
  return false;
}

describe('jianbao dev under a wrapper', { timeout: 240_000 }, () => {
  it('stops serving when the wrapper is killed', async () => {
    const content = await copyContent();
    // A shell that waits for its child, as npx does; `; true` keeps it from exec-ing node.
    const port = 41000 + Math.floor(Math.random() * 8000);
    const wrapper = spawn(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${join(ROOT, 'bin/jianbao.js')}" dev --host 127.0.0.1 --port ${port} --content "${content}"; true`,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    wrapper.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    wrapper.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = await until(async () => /预览已启动：(http:\/\/\S+)/.test(output), 180);
    expect(started, output).toBe(true);
    const url = `http://127.0.0.1:${port}/`;
    expect(await until(() => responds(url), 120), output).toBe(true);
    wrapper.kill('SIGKILL'); // the wrapper dies without passing anything on
    // Liveness, not speed: the orphaned server must go away within a generous while.
    expect(await until(async () => !(await responds(url)), 60), `still serving ${url}`).toBe(true);
  });
});
