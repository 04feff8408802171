/**
 * Vitest global setup: one temporary folder for the whole run. Every test,
 * every CLI process and every browser it starts makes its temporary folders
 * inside it (TMPDIR is set before the workers start, so `os.tmpdir()` and
 * child processes see it), and the run removes it at the end — a run no
 * longer leaves a few thousand folders in /tmp. `JIANBAO_KEEP_TEST_TMP=1`
 * keeps it to look at after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): (() => void) | undefined {
  // Each vitest project runs the global setup; the first one's folder serves them all.
  if (process.env.JIANBAO_TEST_TMP) return undefined;
  const outer = tmpdir();
  const root = mkdtempSync(join(outer, 'jianbao-tests-'));
  process.env.TMPDIR = root;
  process.env.JIANBAO_TEST_TMP = root;
  return () => {
    process.env.TMPDIR = outer;
    delete process.env.JIANBAO_TEST_TMP;
    if (process.env.JIANBAO_KEEP_TEST_TMP) console.warn(`测试的临时文件保留在 ${root}`);
    else rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
