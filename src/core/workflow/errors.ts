/**
 * Why an authoring command (new, publish) refused to act: a UserError with its
 * hint and the diagnostics behind the refusal; `usage` when the command line was wrong.
 */
import { UserError } from '../errors.ts';

export class WorkflowError extends UserError {}
