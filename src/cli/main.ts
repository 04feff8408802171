/**
 * `main(argv, io)`: pick the command, parse its flags, run it, return the
 * exit code (EXIT in core/errors.ts: 0 clean, 1 content errors, 2 usage errors).
 * This is the one place a UserError becomes printed text and an exit code;
 * anything else thrown is our bug and gets a stack trace.
 */
import { EXIT, UserError, isSystemError, resolveContentDir, systemErrorMessage } from '../core/index.ts';
import { chooseBundleContent, rememberContent } from './bundle-home.ts';
import { commandHelp, parseCommandArgs, UsageError, type CliIO } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { printUserError } from './report.ts';

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

/** The content directory: flag, environment, default; in the offline bundle, the remembered folder. */
function chooseContentDir(flag: string | undefined, io: CliIO): string {
  if (!io.bundle) return resolveContentDir(flag, io.env, io.cwd);
  const choice = chooseBundleContent(flag, io.env, io.cwd, io.bundle);
  if (choice.notice) io.stderr(choice.notice);
  if (choice.remember) {
    try {
      rememberContent(io.bundle, choice.contentDir);
    } catch (error) {
      const reason = isSystemError(error) ? systemErrorMessage(error) : (error as Error).message;
      io.stderr(`提示：无法记住内容目录（${reason}），下次请再用 --content 指定。\n`);
    }
  }
  return choice.contentDir;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const { didYouMean } = await import('../core/index.ts');
    const suggestion = didYouMean(name, Object.keys(COMMANDS));
    io.stderr(`未知的命令「${name}」${suggestion ? `，是不是「${suggestion}」？` : ''}\n\n${mainHelp()}`);
    return EXIT.usage;
  }
  const def = (await entry.load()).default;
  let contentDir = io.cwd;
  try {
    const parsed = parseCommandArgs(def, rest);
    if (parsed.values.help) {
      io.stdout(commandHelp(def));
      return EXIT.ok;
    }
    contentDir = chooseContentDir(parsed.values.content as string | undefined, io);
    return await def.run({ values: parsed.values, positionals: parsed.positionals, io, contentDir });
  } catch (error) {
    if (!(error instanceof UserError)) {
      // A file the system would not read or write (permissions, a full disk…): the clerk's to fix, said in Chinese.
      if (isSystemError(error)) {
        io.stderr(`错误 ${systemErrorMessage(error)}\n`);
        return EXIT.problem;
      }
      throw error;
    }
    if (error instanceof UsageError) io.stderr(`${error.message}\n\n${commandHelp(def)}`);
    else printUserError(error, io, contentDir);
    return error.exitCode;
  }
}
