/** Process glue: real argv, streams and environment; crashes reported as our bug. */
import { mkdirSync } from 'node:fs';
import { PACKAGE_ROOT } from '../core/index.ts';
import { bundleEnv, bundleHome } from './bundle-home.ts';
import { main } from './main.ts';
import { sourceStack } from './stack.ts';

/**
 * Writes to a stream whose reader may go away (`jianbao lint --rules | head -1`):
 * then the rest of the output is dropped quietly and the command finishes its
 * work (a fix is never left half done), instead of dying with an EPIPE stack.
 */
export function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let gone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') gone = true;
    else throw error;
  });
  return (text) => {
    if (!gone) stream.write(text);
  };
}

export async function run(): Promise<number> {
  // The offline bundle keeps what the browser would leave in the home folder inside its own folder.
  const bundle = bundleHome(PACKAGE_ROOT);
  if (bundle) {
    try {
      mkdirSync(bundle.browserDir, { recursive: true });
    } catch (error) {
      process.stderr.write(
        `无法在 ${bundle.dir} 中写入文件（${(error as Error).message}）。\n请把离线版解压到可以写入的文件夹（例如 D 盘或桌面），再运行。\n`,
      );
      return 1;
    }
    Object.assign(process.env, bundleEnv(bundle));
  }
  try {
    return await main(process.argv.slice(2), {
      stdout: quietWriter(process.stdout),
      stderr: quietWriter(process.stderr),
      env: process.env,
      cwd: process.cwd(),
      isTTY: Boolean(process.stdout.isTTY),
      stdin: process.stdin,
      stdoutStream: process.stdout,
      ...(bundle ? { bundle } : {}),
    });
  } catch (error) {
    const stack = (error as Error).stack;
    process.stderr.write(
      `jianbao 内部错误（这是程序的缺陷，不是内容问题，请附上以下信息报告）：\n${stack ? sourceStack(stack) : String(error)}\n`,
    );
    return 70;
  }
}
