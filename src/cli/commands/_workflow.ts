/**
 * Shared by the authoring commands (new, publish): today's date in local
 * time, the content directory guard, and how a refusal is printed.
 */
import { format } from 'date-fns';
import { WorkflowError } from '../../core/workflow/errors.ts';
import type { CliIO } from '../command.ts';
import { formatDiagnostic, paint } from '../report.ts';

/** Today as `YYYY-MM-DD` in the clerk's local time zone. */
export function localToday(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

export { requireContentDir } from '../command.ts';

/** Print why the command refused (with file:line:column where known); returns the exit code. */
export function printRefusal(error: WorkflowError, io: CliIO, contentDir: string): number {
  const colors = paint(io);
  for (const d of error.diagnostics) io.stderr(`${formatDiagnostic(d, io, contentDir, colors)}\n`);
  if (error.diagnostics.length) io.stderr('\n');
  io.stderr(`${colors.red('错误')} ${error.message}\n`);
  if (error.hint) io.stderr(`  ${colors.dim('→')} ${error.hint}\n`);
  return error.usage ? 2 : 1;
}

/** Run an authoring step; a WorkflowError becomes its printed refusal and exit code. */
export async function refusing(io: CliIO, contentDir: string, step: () => Promise<number>): Promise<number> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof WorkflowError) return printRefusal(error, io, contentDir);
    throw error;
  }
}
