/**
 * A published issue is frozen. `publish` records the digest; here the test
 * records it through the core API and checks what `check` says after edits.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, computeDigest, entriesById, type IssueRecord } from '../../../src/core/index.ts';
import { validateFrozen } from '../../../src/core/validate/frozen.ts';
import { loadBase, shown } from '../../helpers/content.ts';
import { copyContent, runCli } from '../../helpers/index.ts';

/** Mark issues/2024-03.md published with its current digest (what `publish` does). */
async function publish(dir: string): Promise<string> {
  const result = await checkContent(dir);
  const issue = result.content.issues.find((item) => item.file === 'issues/2024-03.md') as IssueRecord;
  const digest = computeDigest(issue, entriesById(result.content.entries));
  const file = join(dir, issue.file);
  const text = await readFile(file, 'utf8');
  const entries = Object.entries(digest.entries)
    .map(([id, hash]) => `    ${id}: "${hash}"`)
    .join('\n');
  await writeFile(
    file,
    text.replace(
      /\n---\n/,
      `\nstatus: published\ndigest:\n  issue: "${digest.issue}"\n  entries:\n${entries}\n  errata: 0\n---\n`,
    ),
  );
  return file;
}

/** What check says, less the reminder that an issue published with the old digest is not archived yet (tested below). */
const rules = async (dir: string) =>
  (await checkContent(dir)).diagnostics
    .filter((d) => d.rule !== 'archive/not-archived')
    .map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`);

describe('issues published with the old digest', () => {
  it('are reminded to be archived; jianbao archive archives them and check is clean', async () => {
    const dir = await copyContent();
    await publish(dir);
    const before = (await checkContent(dir)).diagnostics;
    expect(before.map((d) => [d.rule, d.severity, d.file])).toEqual([
      ['archive/not-archived', 'warning', 'issues/2024-03.md'],
    ]);
    const migrated = await runCli(['archive', '--content', dir]);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('2024年第3期（2024-3）：published/zhuanbao/2024-03/1.json');
    expect((await checkContent(dir)).diagnostics).toEqual([]);
    expect(await readFile(join(dir, 'issues/2024-03.md'), 'utf8')).not.toContain('digest:');
  });

  it('an issue changed since is not archived, and the command says what changed', async () => {
    const dir = await copyContent();
    await publish(dir);
    const entry = join(dir, 'entries/2024/应急检查.md');
    await writeFile(entry, (await readFile(entry, 'utf8')).replace('专项检查', '专项执法检查'));
    const migrated = await runCli(['archive', '--content', dir]);
    expect(migrated.code).toBe(1);
    expect(migrated.stderr).toContain('发布后被修改，未建立存档');
    expect(migrated.stderr).toContain('entries/2024/应急检查.md');
  });
});

describe('published issues are frozen', () => {
  it('a freshly published issue checks clean', async () => {
    const dir = await copyContent();
    await publish(dir);
    expect(await rules(dir)).toEqual([]);
  });

  it('editing an entry of a published issue is an error naming the issue and the entry', async () => {
    const dir = await copyContent();
    await publish(dir);
    const entry = join(dir, 'entries/2024/应急检查.md');
    await writeFile(entry, (await readFile(entry, 'utf8')).replace('专项检查', '专项执法检查'));
    expect(await rules(dir)).toEqual([
      'issues/2024-03.md:10 issue/frozen-changed 2024年第3期已发布，发布后被修改：稿件 entries/2024/应急检查.md',
    ]);
  });

  it('editing the issue itself (the 按语) is an error too', async () => {
    const dir = await copyContent();
    const file = await publish(dir);
    await writeFile(file, (await readFile(file, 'utf8')).replace('本期聚焦', '本期重点聚焦'));
    expect(await rules(dir)).toEqual([
      'issues/2024-03.md:10 issue/frozen-changed 2024年第3期已发布，发布后被修改：期刊文件 issues/2024-03.md',
    ]);
  });

  it('cosmetic changes do not count: CRLF line ends, Chinese keys, trailing spaces', async () => {
    const dir = await copyContent();
    await publish(dir);
    const entry = join(dir, 'entries/2024/应急检查.md');
    const text = (await readFile(entry, 'utf8'))
      .replace('section:', '栏目:')
      .replace('date:', '日期:')
      .replace('。', '。  ');
    await writeFile(entry, text.replace(/\n/g, '\r\n'));
    expect((await rules(dir)).filter((line) => !line.includes('encoding/crlf'))).toEqual([]);
  });

  it('an erratum explains the change: a warning asking to re-freeze, no error', async () => {
    const dir = await copyContent();
    const file = await publish(dir);
    const entry = join(dir, 'entries/2024/应急检查.md');
    await writeFile(entry, (await readFile(entry, 'utf8')).replace('专项检查', '专项执法检查'));
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'status: published',
        'status: published\nerrata:\n  - { date: 2024-06-12, note: 更正区应急管理局检查名称 }',
      ),
    );
    const result = await checkContent(dir);
    expect(result.errors).toBe(0);
    result.diagnostics = result.diagnostics.filter((d) => d.rule !== 'archive/not-archived');
    expect(result.diagnostics.map((d) => `${d.rule} ${d.message}`)).toEqual([
      'issue/errata-pending 2024年第3期已按勘误修改（稿件 entries/2024/应急检查.md）',
    ]);
    expect(result.diagnostics[0]!.hint).toBe('核对无误后运行 jianbao publish 2024-3 重新冻结');
  });

  it('a published status without a digest is an error pointing to publish', async () => {
    const dir = await copyContent();
    const file = join(dir, 'issues/2024-03.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('year: 2024', 'status: published\nyear: 2024'));
    const result = await checkContent(dir);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['2:9 issue/digest-missing']);
    expect(result.diagnostics[0]!.hint).toContain('jianbao publish 2024-3');
  });
});

describe('published issues with images', () => {
  it('replacing a photo of a published entry is a change', async () => {
    const dir = await copyContent();
    const png = (width: number) => {
      // A minimal valid PNG header is enough for the check (it sniffs the first bytes and reads the size).
      const header = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      return Buffer.concat([header, Buffer.alloc(width, 1)]);
    };
    await writeFile(join(dir, 'entries/2024/现场.png'), png(100));
    const entry = join(dir, 'entries/2024/应急检查.md');
    await writeFile(entry, `${await readFile(entry, 'utf8')}\n![检查现场](./现场.png)\n`);
    await publish(dir);
    expect(await rules(dir)).toEqual([]);
    await writeFile(join(dir, 'entries/2024/现场.png'), png(180));
    expect(await rules(dir)).toEqual([
      'issues/2024-03.md:10 issue/frozen-changed 2024年第3期已发布，发布后被修改：稿件 entries/2024/应急检查.md',
    ]);
  });
});

describe('validateFrozen (the rule by itself, on records in memory)', () => {
  /** issues/2024-03.md marked published, with `digest` (default: the one publish would record now). */
  async function published(options: { digest?: 'none' | 'now'; entryEdit?: string; errata?: number } = {}) {
    const { content, issue } = await loadBase();
    const byId = entriesById(content.entries);
    const record = issue('issues/2024-03.md');
    const digest = computeDigest(record, byId);
    if (options.entryEdit) {
      const entry = byId.get('2024/应急检查')!;
      byId.set(entry.id, { ...entry, body: entry.body.replace('专项检查', options.entryEdit) });
    }
    const errata = Array.from({ length: options.errata ?? 0 }, () => ({ date: '2024-06-12', note: '更正一处文字' }));
    const frozen = {
      ...record,
      data: { ...record.data, status: 'published' as const, errata, ...(options.digest === 'none' ? {} : { digest }) },
    };
    return validateFrozen(frozen, byId, '2024-3').map(shown);
  }

  it('says nothing of an issue that is not published', async () => {
    const { content, issue } = await loadBase();
    expect(validateFrozen(issue('issues/2024-03.md'), entriesById(content.entries), '2024-3')).toEqual([]);
  });

  it('accepts a published issue whose digest still matches', async () => {
    expect(await published()).toEqual([]);
  });

  it('wants a digest on a published issue: only publish may set the status', async () => {
    expect(await published({ digest: 'none' })).toEqual([
      'issues/2024-03.md:2:1 issue/digest-missing 2024年第3期标为已发布，但没有摘要 → 用 jianbao publish 2024-3 发布（它会记录摘要），不要手工改状态',
    ]);
  });

  it('names the changed entry, and accepts the change as pending once an erratum explains it', async () => {
    expect(await published({ entryEdit: '专项执法检查' })).toEqual([
      'issues/2024-03.md:2:1 issue/frozen-changed 2024年第3期已发布，发布后被修改：稿件 entries/2024/应急检查.md → 已发布的期刊不能直接修改：撤销修改，或在 勘误 中加一项 {日期, 说明} 说明更正，再运行 jianbao publish 2024-3',
    ]);
    expect(await published({ entryEdit: '专项执法检查', errata: 1 })).toEqual([
      'issues/2024-03.md:2:1 issue/errata-pending 2024年第3期已按勘误修改（稿件 entries/2024/应急检查.md） → 核对无误后运行 jianbao publish 2024-3 重新冻结',
    ]);
  });
});
