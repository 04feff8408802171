import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, runCli } from '../helpers/index.ts';

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

  it('prints a refusal as 错误 + message + hint, without usage or a stack: exit 2 for a wrong issue', async () => {
    const dir = await copyContent();
    const result = await runCli(['publish', '2099-1', '--content', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^错误 找不到.+\n {2}→ .+\n$/);
    expect(result.stderr).not.toContain('用法：');
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('prints the diagnostics behind a refusal first, and exits 1 when the content is at fault', async () => {
    const dir = await copyContent();
    const entry = join(dir, 'entries/2024/青石镇排查.md');
    await writeFile(entry, (await readFile(entry, 'utf8')).replace(/^unit: .*$/m, 'unit: 不存在的单位'));
    const result = await runCli(['publish', '2024-4', '--content', dir]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /entries\/2024\/青石镇排查\.md:\d+:\d+ 错误 报送单位「不存在的单位」不在 units\.yaml 中 \[entry\/unknown-unit\]/,
    );
    expect(lines.at(-2)).toMatch(/^错误 .+有错误，不能发布$/);
    expect(lines.at(-1)).toBe('  → 改正上面的错误后再运行 jianbao publish');
  });
});
