/**
 * Every door to the content gives the same answers: the commands, the build,
 * the dev server and the pages check and compile through one project
 * (core/project.ts), never with their own check → compile sequence.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, listFiles, ROOT, tempDir } from '../../helpers/index.ts';
import { cli, copyContent } from '../../helpers/workflow.ts';

/** The core steps a door must reach through `openProject` (the project's own module is where they are called). */
const STEPS = /\b(checkContent|compileSite|publishIssue|archiveLegacyIssues|createEntry|createIssue)\(/;

describe('one project context behind every command', () => {
  it('no command, build step, renderer or page checks or compiles on its own', async () => {
    const offenders: string[] = [];
    for (const folder of ['src/cli', 'src/build', 'src/site', 'src/pages', 'src/components', 'src/pdf', 'src/docx']) {
      for (const file of await listFiles(join(ROOT, folder))) {
        const text = await readFile(join(ROOT, folder, file), 'utf8');
        text.split('\n').forEach((line, index) => {
          if (STEPS.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${folder}/${file}:${index + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it('pdf, docx and stats refuse content with errors with exactly the errors check reports, writing nothing', async () => {
    const dir = await copyContent(join(FIXTURES, 'rules', 'entry-unknown-unit', 'content'));
    const errorLines = (text: string) => text.split('\n').filter((line) => / 错误 /.test(line));
    const check = await cli(dir, 'check');
    expect(check.code).toBe(1);
    const expected = errorLines(check.stdout);
    expect(expected.length).toBeGreaterThan(0);
    for (const command of ['pdf', 'docx']) {
      const out = join(await tempDir(), 'dist');
      const result = await cli(dir, command, '--out', out);
      expect(result.code, command).toBe(1);
      expect(errorLines(result.stdout), command).toEqual(expected);
      expect(existsSync(out), command).toBe(false);
    }
    const stats = await cli(dir, 'stats');
    expect(stats.code).toBe(1);
    expect(errorLines(stats.stderr)).toEqual(expected);
  });
});
