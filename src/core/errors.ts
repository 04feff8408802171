/**
 * Problems the user can fix, as opposed to bugs in jianbao. Every module throws
 * a `UserError` (or a subclass naming where it came from) with a Chinese message,
 * an optional hint and the diagnostics behind it; `src/cli/main.ts` is the one
 * place that prints them and turns them into an exit code. Anything else thrown
 * is a bug and gets a stack trace.
 */
import type { Diagnostic } from './diagnostics.ts';

/** Exit codes of `jianbao`: 0 no errors, 1 the content (or the machine) has a problem, 2 the command line is wrong. */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface UserErrorOptions {
  /** How to fix it, in Chinese. */
  hint?: string;
  /** Problems with file:line:column behind the error (broken template, content errors). */
  diagnostics?: readonly Diagnostic[];
  /** The command line was wrong (exit 2) rather than the content or the machine (exit 1). */
  usage?: boolean;
  cause?: unknown;
}

export class UserError extends Error {
  /** How to fix it, in Chinese. */
  readonly hint: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode: ExitCode;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.diagnostics = options.diagnostics ?? [];
    this.exitCode = options.usage ? EXIT.usage : EXIT.problem;
  }
}

/** A wrong command line: main prints the message and the command's usage, exit 2. */
export class UsageError extends UserError {
  constructor(message: string, options: Omit<UserErrorOptions, 'usage'> = {}) {
    super(message, { ...options, usage: true });
  }
}
