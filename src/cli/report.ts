/** Printing diagnostics for people (`path:line:col 错误 message [rule]`) and machines (JSON). */
import { relative, join } from 'node:path';
import type { Diagnostic, UserError } from '../core/index.ts';
import type { CliIO } from './command.ts';
import { terminalSafe } from './terminal.ts';

const SEVERITY_NAMES = { error: '错误', warning: '警告' } as const;

export interface Paint {
  red: (text: string) => string;
  yellow: (text: string) => string;
  dim: (text: string) => string;
  green: (text: string) => string;
  bold: (text: string) => string;
}

export function paint(io: CliIO): Paint {
  const on = io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (text: string) =>
    on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), green: wrap(32, 39), bold: wrap(1, 22) };
}

/** The file path as the user should see it: relative to where they ran the command. */
export function displayPath(io: CliIO, contentDir: string, file: string): string {
  const path = relative(io.cwd, join(contentDir, file)).replace(/\\/g, '/');
  return path.startsWith('..') ? join(contentDir, file).replace(/\\/g, '/') : path;
}

export function formatDiagnostic(d: Diagnostic, io: CliIO, contentDir: string, colors = paint(io)): string {
  const severity = d.severity === 'error' ? colors.red(SEVERITY_NAMES.error) : colors.yellow(SEVERITY_NAMES.warning);
  // The path, message and hint may quote the content: its control characters are shown, not obeyed.
  const head = `${terminalSafe(displayPath(io, contentDir, d.file))}:${d.line}:${d.column} ${severity} ${terminalSafe(d.message)} ${colors.dim(`[${d.rule}]`)}`;
  return d.hint ? `${head}\n  ${colors.dim('→')} ${terminalSafe(d.hint)}` : head;
}

function summaryLine(errors: number, warnings: number, detail: string, colors: Paint): string {
  if (errors === 0 && warnings === 0) return colors.green(`✓ 没有发现问题${detail}`);
  const parts = [
    errors ? colors.red(`${errors} 个错误`) : '0 个错误',
    warnings ? colors.yellow(`${warnings} 个警告`) : '0 个警告',
  ];
  return `共 ${parts.join('，')}${detail}`;
}

export function diagnosticsJson(
  diagnostics: Diagnostic[],
  io: CliIO,
  contentDir: string,
  extra: Record<string, unknown> = {},
): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return `${JSON.stringify(
    {
      ...extra,
      errors,
      warnings: diagnostics.length - errors,
      diagnostics: diagnostics.map((d) => ({ ...d, path: displayPath(io, contentDir, d.file) })),
    },
    null,
    2,
  )}\n`;
}

/** Print diagnostics plus a summary; returns the exit code (1 when there are errors). */
export function printDiagnostics(diagnostics: Diagnostic[], io: CliIO, contentDir: string, detail = ''): number {
  const colors = paint(io);
  for (const d of diagnostics) io.stdout(`${formatDiagnostic(d, io, contentDir, colors)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (diagnostics.length) io.stdout('\n');
  io.stdout(`${summaryLine(errors, diagnostics.length - errors, detail, colors)}\n`);
  return errors > 0 ? 1 : 0;
}

/** Why a command stopped (a UserError): the diagnostics behind it, then the message and how to fix it. */
export function printUserError(error: UserError, io: CliIO, contentDir: string): void {
  const colors = paint(io);
  for (const d of error.diagnostics) io.stderr(`${formatDiagnostic(d, io, contentDir, colors)}\n`);
  if (error.diagnostics.length) io.stderr('\n');
  io.stderr(`${colors.red('错误')} ${terminalSafe(error.message)}\n`);
  if (error.hint) io.stderr(`  ${colors.dim('→')} ${terminalSafe(error.hint)}\n`);
}
