/**
 * How a command is declared: metadata, flags and a `run` that returns the
 * exit code. Commands print through `io`, never through console directly,
 * so tests can run them in-process.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import stringWidth from 'string-width';
import type { BundleHome } from './bundle-home.ts';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stdout is a terminal (colours, prompts, progress). */
  isTTY: boolean;
  /** Input for interactive prompts; tests pass their own stream. */
  stdin?: NodeJS.ReadableStream;
  /** Output stream for interactive prompts. */
  stdoutStream?: NodeJS.WritableStream;
  /** Set when running from the offline bundle: where the content folder is remembered. */
  bundle?: BundleHome;
}

export interface ArgSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Shown in --help, Chinese. */
  description: string;
  /** Placeholder in --help, e.g. 目录. */
  valueHint?: string;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  io: CliIO;
  /** Absolute content directory from --content, JIANBAO_CONTENT or ./content (in the offline bundle: the remembered one). */
  contentDir: string;
}

export interface CommandDef {
  meta: { name: string; description: string; usage?: string };
  args: Record<string, ArgSpec>;
  run: (context: CommandContext) => Promise<number>;
}

export function defineCommand(def: CommandDef): CommandDef {
  return def;
}

import { UsageError } from '../core/index.ts';

export { UsageError };

/** Options every command accepts. */
const COMMON_ARGS: Record<string, ArgSpec> = {
  content: {
    type: 'string',
    description:
      '内容目录（默认：环境变量 JIANBAO_CONTENT，否则从当前目录向上找 jianbao.yaml 或 content/jianbao.yaml）',
    valueHint: '目录',
  },
  help: { type: 'boolean', short: 'h', description: '显示帮助' },
};

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(def: CommandDef, argv: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries({ ...COMMON_ARGS, ...def.args }).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...(spec.short ? { short: spec.short } : {}),
        ...(spec.multiple ? { multiple: true } : {}),
        ...(spec.default !== undefined ? { default: spec.default } : {}),
      },
    ]),
  );
  try {
    const parsed = parseArgs({ args: argv, options: options as never, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
}

/** What Node's parseArgs complains about, in Chinese (its own messages are English). */
export function parseArgsMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  // Node quotes the option, with ` <value>` after it when the value is missing.
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的选项 ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `选项 ${option} 不带值：只写 ${option}，不要写 ${option}=…`;
    if (/ambiguous/.test(message))
      return `选项 ${option} 缺少值（后面紧跟的是另一个选项）；值本身以 - 开头时写作 ${option}=-…`;
    return `选项 ${option} 缺少值：写作 ${option} 值`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数：${/'([^']*)'/.exec(message)?.[1] ?? ''}`;
  return `命令行参数有误：${message}`;
}

export function commandHelp(def: CommandDef): string {
  const lines = [
    `jianbao ${def.meta.name} — ${def.meta.description}`,
    '',
    `用法：jianbao ${def.meta.usage ?? def.meta.name} [选项]`,
    '',
    '选项：',
  ];
  for (const [name, spec] of Object.entries({ ...def.args, ...COMMON_ARGS })) {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` <${spec.valueHint ?? '值'}>` : ''}`;
    lines.push(`  ${flag}${' '.repeat(Math.max(1, 28 - stringWidth(flag)))} ${spec.description}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Stop with a usage error (exit 2) when the content directory does not exist. */
export async function requireContentDir(contentDir: string): Promise<void> {
  let info;
  try {
    info = await stat(contentDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      throw new UsageError(`无法访问内容目录 ${contentDir}：没有权限（它或它的上级文件夹不允许当前用户进入）`);
    throw new UsageError(`内容目录不存在：${contentDir}`);
  }
  if (!info.isDirectory())
    throw new UsageError(
      `内容目录 ${contentDir} 是一个文件，不是文件夹：--content 写内容文件夹（其中有 jianbao.yaml）`,
    );
}

/** The value of `--format`, one of `allowed` (the first is the default). */
export function formatOption<const T extends string>(value: unknown, allowed: readonly [T, ...T[]]): T {
  const format = (value as string | undefined) ?? allowed[0];
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(`--format 只能是 ${allowed.slice(0, -1).join('、')} 或 ${allowed.at(-1)}`);
  }
  return format as T;
}
