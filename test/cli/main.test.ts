import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/index.ts';

describe('jianbao (command line)', () => {
  it('prints the command list and exits 2 without a command', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('用法：jianbao <命令>');
    expect(result.stdout).toContain('check');
  });

  it('suggests the nearest command for a typo', async () => {
    const result = await runCli(['chek']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知的命令「chek」，是不是「check」？');
  });

  it('rejects an unknown option with usage, exit 2', async () => {
    const result = await runCli(['check', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知的选项 --bogus');
    expect(result.stderr).toContain('用法：jianbao check');
  });

  it('exits 2 when the content directory does not exist', async () => {
    const result = await runCli(['check', '--content', '/nonexistent/jianbao']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('内容目录不存在');
  });
});
