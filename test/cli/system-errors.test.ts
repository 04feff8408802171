/** Errors of the file system reach the clerk in Chinese (no ENOENT, no stack): what failed, where, and why. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errnoReason, systemErrorMessage } from '../../src/core/errno.ts';
import { copyContent, runCli, tempDir } from '../helpers/index.ts';

describe('system errors', () => {
  it('a folder that is a file: new entry says it in Chinese, exit 1', async () => {
    const content = await copyContent();
    await writeFile(join(content, 'entries/2023'), 'not a folder');
    const result = await runCli([
      'new',
      'entry',
      '--content',
      content,
      '--section',
      '工作动态',
      '--unit',
      '应急局',
      '--date',
      '2023-01-05',
      '--title',
      '测试',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`错误 无法建立文件夹 ${join(content, 'entries/2023/01')}：路径中有一段不是文件夹\n`);
  });

  it('import of a missing file says 文件或文件夹不存在, not ENOENT', async () => {
    const content = await copyContent();
    const missing = join(await tempDir(), '没有这个文件.docx');
    const result = await runCli(['import', missing, '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('无法读取文件：文件或文件夹不存在');
    expect(result.stdout + result.stderr).not.toContain('ENOENT');
  });

  it('names the common codes', () => {
    expect(errnoReason('EACCES')).toBe('没有权限');
    expect(errnoReason('ENOSPC')).toBe('磁盘空间不足');
    expect(errnoReason('EWHATEVER')).toBe('系统错误（EWHATEVER）');
    const error = Object.assign(new Error('EACCES: permission denied'), {
      code: 'EACCES',
      syscall: 'open',
      path: '/srv/www/a.html',
    });
    expect(systemErrorMessage(error)).toBe('无法打开 /srv/www/a.html：没有权限');
  });
});
