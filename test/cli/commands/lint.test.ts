/** `jianbao lint` on real files: report, --fix, idempotence, paths, JSON, check integration, frozen entries. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/core/registry.ts';
import { loadContent } from '../../../src/core/load/content.ts';
import { fixEntryFiles } from '../../../src/core/text/fix-files.ts';
import { copyContent, runCli, SAMPLE_CONTENT } from '../../helpers/index.ts';

const DIRTY = [
  '---',
  'section: work-updates',
  'date: 2024-05-06',
  'unit: qsz',
  '---',
  '5月6日,青石镇开展"安全生产月"活动 ,检查企业１２家。。',
  '',
  '见`a,b`和 https://example.gov.cn/a,b 。',
  '',
].join('\n');
const CLEAN = [
  '---',
  'section: work-updates',
  'date: 2024-05-06',
  'unit: qsz',
  '---',
  '5月6日，青石镇开展“安全生产月”活动，检查企业12家。',
  '',
  '见`a,b`和 https://example.gov.cn/a,b 。',
  '',
].join('\n');

let content: string;
let file: string;

beforeEach(async () => {
  content = await copyContent();
  file = join(content, 'entries/2024/脏稿.md');
  await writeFile(file, DIRTY);
});

describe('jianbao lint', () => {
  it('reports each problem with file:line:column, rule id and a Chinese message; exit 1', async () => {
    const result = await runCli(['lint', '--content', content]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((line) => line.includes('脏稿.md:'));
    expect(
      lines.some((line) =>
        /脏稿\.md:6:5 错误 中文中使用了半角标点“,”，应为“，” \[lint\/fullwidth-punctuation\]/.test(line),
      ),
    ).toBe(true);
    expect(
      lines.some((line) => /脏稿\.md:6:11 错误 中文中使用了直引号 "…"，应为 “…” \[lint\/quotes\]/.test(line)),
    ).toBe(true);
    expect(lines.some((line) => line.includes('[lint/fullwidth-alphanumerics]'))).toBe(true);
    expect(lines.some((line) => line.includes('[lint/repeated-punctuation]'))).toBe(true);
    expect(result.stdout).toContain('可用 jianbao lint --fix 自动修复');
    // Nothing in the inline code or the URL.
    expect(lines.every((line) => !/脏稿\.md:8:/.test(line))).toBe(true);
  });

  it('--fix rewrites only the body, and a second run changes nothing', async () => {
    const fixed = await runCli(['lint', '--fix', '--content', content]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/已修复 \S*脏稿\.md：/);
    expect(await readFile(file, 'utf8')).toBe(CLEAN);
    const again = await runCli(['lint', '--fix', '--content', content]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('已修复');
    expect(again.stdout).toContain('✓ 没有发现问题');
    expect(await readFile(file, 'utf8')).toBe(CLEAN);
  });

  it('lints only the paths given', async () => {
    const other = await runCli(['lint', join(content, 'entries/2024/应急检查.md'), '--content', content]);
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('1 篇稿件');
    const dirty = await runCli(['lint', join(content, 'entries/2024'), '--content', content]);
    expect(dirty.code).toBe(1);
    const missing = await runCli(['lint', join(content, 'entries/1999'), '--content', content]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('没有找到这些稿件');
  });

  it('prints JSON with --format json', async () => {
    const result = await runCli(['lint', '--format', 'json', '--content', content]);
    const json = JSON.parse(result.stdout) as {
      errors: number;
      diagnostics: { rule: string; line: number; column: number; fixable?: boolean }[];
    };
    expect(json.errors).toBeGreaterThan(0);
    expect(json.diagnostics[0]).toMatchObject({
      rule: 'lint/fullwidth-punctuation',
      line: 6,
      column: 5,
      fixable: true,
    });
  });

  it('lists its rules', async () => {
    const result = await runCli(['lint', '--rules']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('lint/pinyin-annotations');
    expect(result.stdout).toContain('lint/leader-titles');
  });

  it('shows in check as warnings, which do not fail check', async () => {
    const result = await runCli(['check', '--content', content]);
    expect(result.stdout).toMatch(/脏稿\.md:6:5 警告 中文中使用了半角标点/);
    expect(result.stdout).not.toMatch(/错误 .*\[lint\//);
  });

  it('never rewrites an entry of a published issue', async () => {
    await writeFile(
      join(content, 'entries/2024/应急检查.md'),
      (await readFile(join(content, 'entries/2024/应急检查.md'), 'utf8')).trimEnd() + '要求各单位认真落实,确保安全.\n',
    );
    const before = await readFile(join(content, 'entries/2024/应急检查.md'), 'utf8');
    const loaded = await loadContent(content);
    for (const issue of loaded.issues) issue.data.status = 'published';
    const entries = loaded.entries.filter((entry) => entry.id === '2024/应急检查');
    const reports = await fixEntryFiles(loaded, buildRegistry(loaded), entries);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.skipped).toContain('已发布');
    expect(await readFile(join(content, 'entries/2024/应急检查.md'), 'utf8')).toBe(before);
  });

  it('finds nothing in the sample content', async () => {
    const result = await runCli(['lint', '--content', SAMPLE_CONTENT]);
    expect(result.stdout).toContain('✓ 没有发现问题');
    expect(result.code).toBe(0);
  });

  it('says how many entries of published issues it skipped', async () => {
    const { loadContent } = await import('../../../src/core/index.ts');
    const { frozenEntryIds } = await import('../../../src/core/text/lint.ts');
    const content = await loadContent(SAMPLE_CONTENT);
    const frozen = content.entries.filter((entry) => frozenEntryIds(content).has(entry.id)).length;
    expect(frozen).toBeGreaterThan(0);
    const result = await runCli(['lint', '--content', SAMPLE_CONTENT]);
    expect(result.stdout).toMatch(
      new RegExp(
        `（${content.entries.length - frozen} 篇稿件；另有 ${frozen} 篇已发布期刊的稿件未检查，要检查可写明路径，如 jianbao lint entries/…，用时`,
      ),
    );
  });
});
