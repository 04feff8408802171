/** `jianbao lint --rules | head -1`: when the reader goes away, the command stops writing quietly (no EPIPE stack). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_CONTENT } from '../helpers/index.ts';

/** Run bin/jianbao.js, read `keep` bytes of its output, then close the pipe as `head` does. */
function runClosingEarly(
  args: string[],
  keep: number,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/jianbao.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.length >= keep) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('output into a closed pipe', { timeout: 120_000 }, () => {
  for (const args of [
    ['lint', '--rules'],
    ['check', '--content', SAMPLE_CONTENT],
  ]) {
    it(`jianbao ${args[0]} stops quietly`, async () => {
      const result = await runClosingEarly(args, 1);
      expect(result.stderr).not.toMatch(/EPIPE|at .*\.js|Error/);
      expect(result.stderr).toBe('');
      expect(result.code === 0 || result.code === 1).toBe(true);
    });
  }
});
