/**
 * `main(argv, io)`: pick the command, parse its flags, run it, return the
 * exit code. 0 clean, 1 content errors, 2 usage errors. A stack trace only
 * for our own bugs.
 */
import { resolveContentDir } from '../core/paths.ts';
import { commandHelp, parseCommandArgs, UsageError, type CliIO } from './command.ts';
import { COMMANDS } from './commands/index.ts';

export const VERSION = '0.1.0';

function mainHelp(): string {
  const names = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(10)} ${entry.description}`);
  return [
    'jianbao — 安全生产工作简报生成器',
    '',
    '用法：jianbao <命令> [选项]',
    '',
    '命令：',
    ...names,
    '',
    '通用选项：--content <目录>  内容目录（默认：环境变量 JIANBAO_CONTENT，否则从当前目录向上找 jianbao.yaml 或 content/jianbao.yaml）',
    '运行 jianbao <命令> --help 查看该命令的选项。',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const { didYouMean } = await import('../core/diagnostics.ts');
    const suggestion = didYouMean(name, Object.keys(COMMANDS));
    io.stderr(`未知的命令「${name}」${suggestion ? `，是不是「${suggestion}」？` : ''}\n\n${mainHelp()}`);
    return 2;
  }
  const def = (await entry.load()).default;
  try {
    const parsed = parseCommandArgs(def, rest);
    if (parsed.values.help) {
      io.stdout(commandHelp(def));
      return 0;
    }
    const contentDir = resolveContentDir(parsed.values.content as string | undefined, io.env, io.cwd);
    return await def.run({ values: parsed.values, positionals: parsed.positionals, io, contentDir });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${commandHelp(def)}`);
      return 2;
    }
    // A file the system would not read or write (permissions, a full disk…): the clerk's to fix, said in Chinese.
    const { isSystemError, systemErrorMessage } = await import('../core/errno.ts');
    if (isSystemError(error)) {
      io.stderr(`错误 ${systemErrorMessage(error)}\n`);
      return 1;
    }
    throw error;
  }
}
