/** Input hygiene end to end: `check` reports, `check --fix` repairs, the output format. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { copyContent, runCli } from '../../helpers/index.ts';

const ENTRY =
  '---\n栏目：工作动态\n日期: 2024-06-06\n单位： qsz\n状态: 草稿\n---\n\n6月6日，青石镇开展燃气安全检查。\n';
const ENTRY_OK = ENTRY.replace('栏目：', '栏目: ').replace('单位： ', '单位: ');

describe('check --fix', () => {
  it('re-encodes GBK, strips the BOM, converts CRLF and fixes full-width colons, then checks clean', async () => {
    const dir = await copyContent();
    const gbk = join(dir, 'entries/2024/燃气.md');
    const bom = join(dir, 'entries/2024/带BOM.md');
    const crlf = join(dir, 'entries/2024/换行.md');
    await writeFile(gbk, iconv.encode(ENTRY_OK, 'gbk'));
    await writeFile(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ENTRY_OK)]));
    await writeFile(crlf, ENTRY.replace(/\n/g, '\r\n'));

    const before = await runCli(['check', '--content', dir]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('文件是 GBK/GB18030 编码，不是 UTF-8 [encoding/not-utf8]');
    expect(before.stdout).toContain(
      '/entries/2024/换行.md:2:3 错误 键「栏目」后面用了全角冒号「：」 [yaml/fullwidth-colon]',
    );

    const fixed = await runCli(['check', '--fix', '--content', dir]);
    expect(fixed.stdout).toMatch(/已修复 .*燃气\.md：由 GBK\/GB18030 转为 UTF-8/);
    expect(fixed.stdout).toMatch(/已修复 .*带BOM\.md：删除 BOM/);
    expect(fixed.stdout).toMatch(/已修复 .*换行\.md：CRLF 换行改为 LF；第 2、4 行键名后的全角冒号改为英文冒号/);
    // Drafts: nothing pending, nothing left to report.
    expect(fixed.stdout).toContain('✓ 没有发现问题');
    expect(fixed.code).toBe(0);

    const gbkAfter = await readFile(gbk, 'utf8');
    expect(gbkAfter).toBe(ENTRY_OK);
    expect((await readFile(bom))[0]).toBe(0x2d); // '-'
    const crlfAfter = await readFile(crlf, 'utf8');
    expect(crlfAfter).not.toContain('\r');
    expect(crlfAfter).toContain('栏目: 工作动态\n');
    expect(crlfAfter).toContain('单位: qsz\n');
    expect(crlfAfter).toContain('6月6日，青石镇开展燃气安全检查。');

    const again = await runCli(['check', '--fix', '--content', dir]);
    expect(again.stdout).not.toContain('已修复');
  });

  it('does not touch files with problems it cannot fix safely', async () => {
    const dir = await copyContent();
    const file = join(dir, 'entries/2024/未结束.md');
    const text = '---\nsection: work-updates\ndate: 2024-06-06\nunit: qsz\n\n正文。\n';
    await writeFile(file, text);
    const result = await runCli(['check', '--fix', '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('已修复');
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});

describe('check output', () => {
  it('prints path:line:col, severity, message, rule id, a hint and a summary', async () => {
    const dir = await copyContent();
    await writeFile(
      join(dir, 'entries/2024/单位.md'),
      '---\nsection: work-updates\ndate: 2024-06-06\nunit: 应急管理\nstatus: draft\n---\n正文。\n',
    );
    const result = await runCli(['check', '--content', dir], { cwd: join(dir, '..') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'content/entries/2024/单位.md:4:7 错误 报送单位「应急管理」不在 units.yaml 中 [entry/unknown-unit]\n  → 是不是「测试区应急管理局」？',
    );
    expect(result.stdout).toMatch(/共 1 个错误，0 个警告（\d+ 个文件，5 篇稿件，2 期，用时 [\d.]+ 秒）/);
  });

  it('--format json gives the same diagnostics as data', async () => {
    const dir = await copyContent();
    await writeFile(
      join(dir, 'entries/2024/单位.md'),
      '---\nsection: work-updates\ndate: 2024-06-06\nunit: 应急管理\nstatus: draft\n---\n正文。\n',
    );
    const result = await runCli(['check', '--format', 'json', '--content', dir]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { errors: number; diagnostics: object[] };
    expect(json.errors).toBe(1);
    expect(json.diagnostics[0]).toMatchObject({
      rule: 'entry/unknown-unit',
      file: 'entries/2024/单位.md',
      line: 4,
      column: 7,
      severity: 'error',
      suggestion: '测试区应急管理局',
    });
  });

  it('honours JIANBAO_CONTENT', async () => {
    const dir = await copyContent();
    const result = await runCli(['check'], { env: { JIANBAO_CONTENT: dir } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('4 篇稿件，2 期');
  });

  it('rejects an unknown --format as a usage error', async () => {
    const result = await runCli(['check', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format 只能是 text 或 json');
  });
});
