import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedText } from '../../../src/core/workflow/publish.ts';
import { FIXTURES, listFiles } from '../../helpers/index.ts';
import { checkJson, cli, copyContent, frontMatter, sampleCopy } from '../../helpers/workflow.ts';

const ORDER = join(FIXTURES, 'order/content');
const field = (data: Record<string, unknown>, en: string, zh: string) => data[en] ?? data[zh];

/** A draft issue of the sample content that lists entries: its file, ref and first entry. */
async function sampleIssue(dir: string) {
  for (const file of (await listFiles(join(dir, 'issues'))).map((name) => `issues/${name}`)) {
    const data = await frontMatter(dir, file);
    const entries = field(data, 'entries', '稿件') as string[] | undefined;
    if (!entries?.length || ['published', '已发布'].includes(String(field(data, 'status', '状态')))) continue;
    const ref = `${String(field(data, 'series', '刊物'))}/${String(field(data, 'year', '年度'))}-${String(field(data, 'number', '期号'))}`;
    return { file, ref, entry: entries[0]!, chinese: '刊物' in data };
  }
  throw new Error('the sample content has no draft issue with entries');
}

async function append(path: string, text: string) {
  await writeFile(path, (await readFile(path, 'utf8')) + text);
}

/** The issue's front matter lines without the status line and the old digest block. */
function withoutFreeze(text: string): string {
  return text.replace(/^(status|状态): .*\n/m, '').replace(/^(digest|摘要):\n(?: {2}.*\n)+/m, '');
}

/** The ledger's versions of an issue. */
async function versionsOf(dir: string, key: string): Promise<{ version: number; file: string; errata: number }[]> {
  const ledger = JSON.parse(await readFile(join(dir, 'published/ledger.json'), 'utf8')) as {
    issues: { key: string; versions: { version: number; file: string; errata: number }[] }[];
  };
  return ledger.issues.find((item) => item.key === key)?.versions ?? [];
}

describe('jianbao publish', () => {
  it('freezes an issue; an edit then fails check naming the issue and the entry; an erratum lets it be frozen again (sample content)', async () => {
    const dir = await sampleCopy();
    const { file, ref, entry, chinese } = await sampleIssue(dir);
    const original = await readFile(join(dir, file), 'utf8');

    const published = await cli(dir, 'publish', ref);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout).toContain(`已发布`);
    expect(published.stdout).toContain(`（${ref}）`);
    const text = await readFile(join(dir, file), 'utf8');
    const data = await frontMatter(dir, file);
    expect(field(data, 'status', '状态')).toBe(chinese ? '已发布' : 'published');
    expect(field(data, 'digest', '摘要')).toBeUndefined();
    const key = ref.replace('-', '/').replace(/^(\d)/, 'zhuanbao/$1');
    const [first] = await versionsOf(dir, key);
    expect(first).toMatchObject({ version: 1, errata: 0 });
    const snapshot = JSON.parse(await readFile(join(dir, first!.file), 'utf8')) as {
      issue: { entries: { id: string }[] };
    };
    expect(snapshot.issue.entries.map((e) => e.id)).toContain(entry);
    // Nothing else in the file moved.
    expect(withoutFreeze(text)).toBe(withoutFreeze(original));
    expect((await checkJson(dir)).errors).toBe(0);

    // Publishing again changes nothing.
    const again = await cli(dir, 'publish', ref);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已经发布，发布后没有改动');
    expect(await readFile(join(dir, file), 'utf8')).toBe(text);

    // Edit an entry of the issue: check fails, naming the issue file and the entry.
    await append(join(dir, `entries/${entry}.md`), '\n发布后补充的一句话。\n');
    const broken = await cli(dir, 'check');
    expect(broken.code).toBe(1);
    const frozen = (await checkJson(dir)).diagnostics.filter((d) => d.rule === 'issue/frozen-changed');
    expect(frozen).toHaveLength(1);
    expect(frozen[0]!.file).toBe(file);
    expect(frozen[0]!.message).toContain('发布后补充的一句话');
    expect(broken.stdout).toContain(`${file}:`);

    // publish refuses with the same message, and writes nothing.
    const refused = await cli(dir, 'publish', ref);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('发布后补充的一句话');
    expect(refused.stderr).toContain('勘误');
    expect(await readFile(join(dir, file), 'utf8')).toBe(text);

    // An erratum explains the change: check passes (a reminder to re-freeze), publish re-freezes.
    const errata = chinese
      ? '勘误:\n  - 日期: 2025-12-20\n    说明: 补充一句话\n'
      : 'errata:\n  - date: 2025-12-20\n    note: 补充一句话\n';
    await writeFile(join(dir, file), text.replace(/^(status|状态):/m, `${errata}$1:`));
    const pending = await checkJson(dir);
    expect(pending.errors).toBe(0);
    expect(pending.diagnostics.filter((d) => d.rule === 'issue/errata-pending').map((d) => d.file)).toEqual([file]);
    const refrozen = await cli(dir, 'publish', ref);
    expect(refrozen.code).toBe(0);
    expect(refrozen.stdout).toContain('已按勘误重新发布');
    const after = await checkJson(dir);
    expect(after.errors).toBe(0);
    expect(after.diagnostics.filter((d) => d.file === file)).toEqual([]);
    // Both versions are kept: 第一次印发 and 勘误后.
    expect((await versionsOf(dir, key)).map((v) => [v.version, v.errata])).toEqual([
      [1, 0],
      [2, 1],
    ]);

    // And a second edit needs a second erratum.
    await append(join(dir, `entries/${entry}.md`), '再补充一句。\n');
    expect((await cli(dir, 'check')).code).toBe(1);
  });

  it('fails check when the issue file itself is edited after publishing', async () => {
    const dir = await copyContent(ORDER);
    expect((await cli(dir, 'publish', 'zhuanbao/2024-5')).code).toBe(0);
    const path = join(dir, 'issues/zhuanbao/2024-05.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('signer: 王五', 'signer: 赵六'));
    const check = await checkJson(dir);
    expect(check.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, d.file, d.message])).toEqual([
      [
        'issue/frozen-changed',
        'issues/zhuanbao/2024-05.md',
        '2024年第5期已发布，发布后被修改：编辑、审核、签发：「编辑：张三 审核：李四 签发：王五」→「编辑：张三 审核：李四 签发：赵六」',
      ],
    ]);
  });

  it('writes Chinese keys into a Chinese file and keeps its comments, order and quoting', async () => {
    const dir = await copyContent(ORDER);
    const path = join(dir, 'issues/zhuanbao/2024-05.md');
    const chinese = `---
# 2024年第5期（示例注释）
刊物: zhuanbao
年度: 2024
期号: 5 # 续接纸质专报
总期号: 20
印发日期: 2024年6月10日
稿件: [2024/06/已编]
编辑: "张三"
状态: 草稿

# 按语写在正文
---

本期按语。
`;
    await writeFile(path, chinese);
    const result = await cli(dir, 'publish', '2024-5', '--content', dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await readFile(path, 'utf8');
    // Only the status changes; comments, order and quoting stay.
    expect(text).toBe(chinese.replace('状态: 草稿\n', '状态: 已发布\n'));
    expect((await checkJson(dir)).errors).toBe(0);
  });

  it('adds the status in English to an English file that has no status (issue named by its path)', async () => {
    const dir = await copyContent(ORDER);
    expect((await cli(dir, 'publish', join(dir, 'issues/zhuanbao/2024-05.md'))).code).toBe(0);
    const data = await frontMatter(dir, 'issues/zhuanbao/2024-05.md');
    expect(Object.keys(data).at(-1)).toBe('status');
    expect(data.status).toBe('published');
    // The path inside the content directory names it too.
    const again = await cli(dir, 'publish', 'issues/zhuanbao/2024-05.md');
    expect([again.code, again.stdout]).toEqual([
      0,
      '2024年第5期（zhuanbao/2024-5）已经发布，发布后没有改动，无需重新发布。\n',
    ]);
  });

  it('archives an issue marked published by hand', async () => {
    const dir = await copyContent(ORDER);
    const path = join(dir, 'issues/zhuanbao/2024-05.md');
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace('signer: 王五\n', 'signer: 王五\nstatus: published\n'),
    );
    expect((await checkJson(dir)).diagnostics.map((d) => d.rule)).toContain('issue/digest-missing');
    const result = await cli(dir, 'publish', 'zhuanbao/2024-5');
    expect(result.code).toBe(0);
    expect((await checkJson(dir)).diagnostics.map((d) => d.rule)).not.toContain('issue/digest-missing');
  });

  it('refuses an issue with errors, naming them, and writes nothing', async () => {
    const dir = await copyContent(ORDER);
    const path = join(dir, 'issues/zhuanbao/2024-05.md');
    const text = (await readFile(path, 'utf8')).replace(
      'entries: [2024/06/已编]',
      'entries: [2024/06/已编, 2024/06/不存在]',
    );
    await writeFile(path, text);
    const result = await cli(dir, 'publish', 'zhuanbao/2024-5');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/issues\/zhuanbao\/2024-05\.md:\d+:\d+ 错误 稿件「2024\/06\/不存在」不存在/);
    expect(result.stderr).toContain('2024年第5期有错误，不能发布');
    expect(await readFile(path, 'utf8')).toBe(text);
    expect(await readdir(join(dir, 'issues/zhuanbao'))).toEqual(['2024-05.md']);
  });

  it('names issues as 2023-6 or series/2023-6 and explains a wrong one (exit 2)', async () => {
    const dir = await sampleCopy();
    const missing = await cli(dir, 'publish', '2099-1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到2099年第1期');
    const malformed = await cli(dir, 'publish', '第六期');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('「第六期」不是期刊的写法');
    const series = await cli(dir, 'publish', 'zhuanbo/2024-6');
    expect(series.code).toBe(2);
    expect(series.stderr).toContain('是不是「zhuanbao」？');
    const none = await cli(dir, 'publish');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请指明要发布的期刊');
  });

  it('asks for the series when a year-number names issues of several series', async () => {
    const dir = await copyContent(ORDER);
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-07-31')).code).toBe(0);
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-08-31', '--empty')).code).toBe(0);
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-09-30', '--empty')).code).toBe(0);
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-10-30', '--empty')).code).toBe(0);
    expect((await cli(dir, 'new', 'issue', '--series', 'kuaibao', '--date', '2024-11-30', '--empty')).code).toBe(0);
    const ambiguous = await cli(dir, 'publish', '2024-5');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('写明刊物，如 zhuanbao/2024-5 或 kuaibao/2024-5');
    expect((await cli(dir, 'publish', 'kuaibao/2024-5')).code).toBe(0);
  });
});

describe('jianbao publish: what clerks trip over', () => {
  it('keeps every other byte of the front matter: comment spacing, blank lines, a comment after the last key', async () => {
    const dir = await copyContent();
    const path = join(dir, 'issues/2024-03.md');
    const original = (await readFile(path, 'utf8'))
      .replace('number: 3\n', 'number: 3      # 第3期（续接纸质专报）\n#   版记照旧\n')
      .replace('total: 10\n', 'total: 10    ## 总期号\n\n')
      .replace(/\n---\n/, '\n# 以上由信息员填写\n---\n');
    await writeFile(path, original);
    expect((await cli(dir, 'publish', '2024-3')).code).toBe(0);
    const text = await readFile(path, 'utf8');
    // The file had no status: one line added after the last key's value, nothing else touched.
    expect(text.replace('status: published\n', '')).toBe(original);
    expect(text).toContain('  - 2024/应急检查\nstatus: published\n# 以上由信息员填写\n---\n');
    // Re-published after an erratum: the issue file is not touched at all (the archive holds the new version).
    const corrected = text.replace(
      'status: published',
      'errata:\n  - date: 2024-06-20\n    note: 更正一处\nstatus:   published   # 已发布',
    );
    await writeFile(path, corrected);
    expect((await cli(dir, 'publish', '2024-3')).code).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(corrected);
  });

  it('changes only the status value where it stands, and cuts out an old in-file digest whole', () => {
    const original = [
      '---',
      '年度: 2024   # 年度',
      '期号: 3',
      '状态:   草稿    # 定稿后改',
      '稿件:',
      '  - 2024/应急检查   #  第一篇',
      '摘要:',
      '  期刊: 97f5c9c0a7a8d8fb',
      '  稿件:',
      '    2024/应急检查: add76d72101124c9',
      '  勘误数: 0',
      '',
      '# 结尾的注释',
      '---',
      '正文',
      '',
    ].join('\n');
    expect(publishedText(original)).toBe(
      original.replace('状态:   草稿    #', '状态:   已发布    #').replace(/摘要:\n(?: {2}.*\n)+/, ''),
    );
    const english = '---\nyear: 2024\nstatus: "draft"  # quoted\nentries: [a]\n---\n';
    expect(publishedText(english)).toBe('---\nyear: 2024\nstatus: published  # quoted\nentries: [a]\n---\n');
  });

  it('warns when earlier issues of the series are still drafts; a wrong number points to the latest issue', async () => {
    const dir = await copyContent();
    const later = await cli(dir, 'publish', '2024-4');
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(
      '注意：同一刊物更早的 2024年第3期还是草稿，没有发布，站点中不会有这一期。要发布：jianbao publish 2024-3',
    );
    const first = await cli(dir, 'publish', '2024-3');
    expect(first.stdout).not.toContain('注意');
    const wrong = await cli(dir, 'publish', '2024-9');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('找不到2024年第9期');
    expect(wrong.stderr).toContain('最新一期是 2024-4（2024年第4期，issues/2024-04.md）');
    expect(wrong.stderr).not.toContain('是不是 2024-3');
  });
});
