/**
 * Why an authoring command refused to act. The core throws these; the CLI
 * prints the Chinese message and hint and exits 1 (or 2 for `usage`).
 */
import type { Diagnostic } from '../diagnostics.ts';

export class WorkflowError extends Error {
  /** How to fix it, in Chinese. */
  readonly hint: string | undefined;
  /** Problems with file:line:column behind the refusal (broken template, content errors). */
  readonly diagnostics: Diagnostic[];
  /** True when the command line was wrong (exit 2) rather than the content (exit 1). */
  readonly usage: boolean;

  constructor(message: string, options: { hint?: string; diagnostics?: Diagnostic[]; usage?: boolean } = {}) {
    super(message);
    this.name = 'WorkflowError';
    this.hint = options.hint;
    this.diagnostics = options.diagnostics ?? [];
    this.usage = options.usage ?? false;
  }
}
