/** Every command finds jianbao.yaml by walking up from the working directory, as git finds its repository. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveContentDir } from '../../src/core/index.ts';
import { copyContent, runCli, tempDir } from '../helpers/index.ts';

describe('the content directory', () => {
  it('is found from a subfolder of the content or of the project', async () => {
    const content = await copyContent();
    const project = join(content, '..');
    await mkdir(join(project, 'notes/2024'), { recursive: true });
    expect(resolveContentDir(undefined, {}, join(content, 'entries/2024'))).toBe(content);
    expect(resolveContentDir(undefined, {}, content)).toBe(content);
    expect(resolveContentDir(undefined, {}, join(project, 'notes/2024'))).toBe(content);
    expect(resolveContentDir(undefined, {}, project)).toBe(content);
    // A flag or JIANBAO_CONTENT still wins.
    expect(resolveContentDir('other', {}, project)).toBe(join(project, 'other'));
    expect(resolveContentDir(undefined, { JIANBAO_CONTENT: '/srv/content' }, project)).toBe('/srv/content');
    // Nowhere to be found: ./content, which the commands explain.
    const empty = await tempDir();
    expect(resolveContentDir(undefined, {}, empty)).toBe(join(empty, 'content'));

    const result = await runCli(['check'], { cwd: join(content, 'entries/2024') });
    expect(result.stdout).toMatch(/✓ 没有发现问题（10 个文件，4 篇稿件，2 期/);
  });
});
