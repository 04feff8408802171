/**
 * Why an authoring command (new, publish) refused to act: a UserError with its
 * hint and the diagnostics behind the refusal; `usage` when the command line was wrong.
 */
import { UserError, type UserErrorOptions } from '../errors.ts';

export class WorkflowError extends UserError {
  /** The form field at fault (series, section, unit, date, title, people, status), for the studio. */
  readonly field: string | undefined;

  constructor(message: string, options: UserErrorOptions & { field?: string } = {}) {
    super(message, options);
    this.field = options.field;
  }
}
