/** Run npm (the ordinary client: its cache, its integrity checks, the configured registry). */
import { spawn } from 'node:child_process';

export class NpmError extends Error {}

/** `npm ...args` in `cwd`; resolves to stdout, rejects with npm's own message. */
export function npm(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // npm is npm.cmd on Windows, which only a shell runs.
    const child = spawn('npm', args, { cwd, shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new NpmError(`无法运行 npm：${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new NpmError(`npm ${args.join(' ')} 失败（退出码 ${code}）：\n${Buffer.concat(err).toString('utf8').trim()}`),
        );
    });
  });
}
