/** The output-folder guard of `build` and `pdf`, as a usage error (exit 2) before any work. */
import { assertReplaceableOutput, OutputDirError } from '../build/output-dir.ts';
import { PACKAGE_ROOT } from '../core/index.ts';
import { UsageError } from './command.ts';

export async function refuseUnsafeOutput(outDir: string, contentDir: string): Promise<void> {
  try {
    await assertReplaceableOutput({ outDir, contentDir, packageRoot: PACKAGE_ROOT });
  } catch (error) {
    if (error instanceof OutputDirError) throw new UsageError(error.message);
    throw error;
  }
}
