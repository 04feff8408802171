/** Process glue: real argv, streams and environment; crashes reported as our bug. */
import { main } from './main.ts';
import { sourceStack } from './stack.ts';

export async function run(): Promise<number> {
  try {
    return await main(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
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
