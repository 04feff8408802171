/** `jianbao studio` as a real process: the Chinese address with its token, refused without it, stopped by Ctrl+C (SIGINT) cleanly. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/index.ts';
import { sampleCopy } from '../../helpers/workflow.ts';

describe('jianbao studio (process)', () => {
  it('prints http://127.0.0.1:PORT/?token=… in Chinese, answers only with the token, and stops on SIGINT', async () => {
    const dir = await sampleCopy();
    const child = spawn(process.execPath, [join(ROOT, 'bin/jianbao.js'), 'studio', '--port', '0', '--content', dir], {
      cwd: join(dir, '..'),
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', () => {
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(stdout);
        if (match) done(match[0]);
      });
      void exited.then((code) => fail(new Error(`studio exited (${code}): ${stdout}${stderr}`)));
    });
    expect(stdout).toContain('编辑台已启动');
    expect(stdout).toContain('按 Ctrl+C 停止');
    const { origin } = new URL(url);
    expect((await fetch(`${origin}/api/entries`)).status).toBe(401);
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(303);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const entries = (await (await fetch(`${origin}/api/entries`, { headers: { cookie } })).json()) as {
      entries: unknown[];
    };
    expect(entries.entries.length).toBeGreaterThan(90);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('编辑台已停止');
    expect(stderr).toBe('');
  });

  it('refuses a bad port with a Chinese usage message (exit 2)', async () => {
    const dir = await sampleCopy();
    const child = spawn(process.execPath, [join(ROOT, 'bin/jianbao.js'), 'studio', '--port', 'abc', '--content', dir]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    expect(await new Promise((done) => child.on('close', done))).toBe(2);
    expect(stderr).toContain('端口应为 0–65535 的整数');
  });
});
