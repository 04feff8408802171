/** Process glue: real argv, streams and environment; crashes reported as our bug. */
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
  try {
    return await main(process.argv.slice(2), {
      stdout: quietWriter(process.stdout),
      stderr: quietWriter(process.stderr),
      env: process.env,
      cwd: process.cwd(),
      isTTY: Boolean(process.stdout.isTTY),
      stdin: process.stdin,
      stdoutStream: process.stdout,
    });
  } catch (error) {
    const stack = (error as Error).stack;
    process.stderr.write(`jianbao 内部错误（这是程序的缺陷，不是内容问题，请附上以下信息报告）：\n${stack ? sourceStack(stack) : String(error)}\n`);
    return 70;
  }
}
