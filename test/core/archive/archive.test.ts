/**
 * A published issue is a record. Every way of changing what it shows —
 * through its own file, its entries or the settings — is an error that
 * names the change; changes that are not changes stay silent; deleting an
 * entry file is only a warning, because the archive keeps what was printed.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent, compileSite } from '../../../src/core/index.ts';
import { canonicalJson, recordOf } from '../../../src/core/archive/records.ts';
import { compileIssue } from '../../../src/core/compile/issue.ts';
import { entriesById } from '../../../src/core/validate/index.ts';
import { checkJson, cli, editFile as edit, sampleCopy, type CheckJson } from '../../helpers/workflow.ts';

const ISSUE = 'issues/zhuanbao/2024-06.md';
const ENTRY = 'entries/2024/06/省防汛视频会.md';

const errors = (check: CheckJson) => check.diagnostics.filter((d) => d.severity === 'error');

/** One error, of `rule`, whose message contains every one of `words`. */
function expectOneError(check: CheckJson, rule: string, ...words: string[]) {
  const found = errors(check);
  expect(found.map((d) => d.rule)).toEqual([rule]);
  for (const word of words) expect(found[0]!.message).toContain(word);
  return found[0]!;
}

/**
 * The error of `rule` on ISSUE, whose message contains every one of `words`;
 * a change to the settings shows in every published issue that uses them,
 * so the other errors may only be the same rule on other issues.
 */
function expectIssueError(check: CheckJson, rule: string, ...words: string[]) {
  const found = errors(check);
  expect([...new Set(found.map((d) => d.rule))]).toEqual([rule]);
  const mine = found.filter((d) => d.file === ISSUE);
  expect(mine).toHaveLength(1);
  for (const word of words) expect(mine[0]!.message).toContain(word);
  return mine[0]!;
}

describe('changes to a published issue are caught and named', () => {
  const cases: [string, (dir: string) => Promise<void>, string, string[]][] = [
    [
      'the series name (jianbao.yaml)',
      (dir) =>
        edit(dir, 'jianbao.yaml', (t) => t.replace('name: 示例区安全生产工作专报', 'name: 示例区安全生产工作快报')),
      'issue/frozen-changed',
      ['报头 刊物名称', '「示例区安全生产工作快报」', 'jianbao.yaml'],
    ],
    [
      'the publisher',
      (dir) =>
        edit(dir, 'jianbao.yaml', (t) => t.replace('publisher: 示例区安全生产委员会办公室', 'publisher: 示例区安委办')),
      'issue/frozen-changed',
      ['编印单位'],
    ],
    [
      'the marking',
      (dir) => edit(dir, 'jianbao.yaml', (t) => t.replace('marking: 内部资料　注意保存', 'marking: 内部资料')),
      'issue/frozen-changed',
      ['密级标注'],
    ],
    [
      'the print colour',
      (dir) =>
        edit(dir, 'jianbao.yaml', (t) =>
          t.replace('    since: 2024-6', '    since: 2024-6\n    打印: { 红色: "#FF0000" }'),
        ),
      'issue/frozen-changed',
      ['打印设置'],
    ],
    [
      'a unit name (the old name kept as an alias)',
      (dir) =>
        edit(dir, 'units.yaml', (t) =>
          t
            .replace('  名称: 区住房和城乡建设局', '  名称: 区住房和城乡建设委员会')
            .replace('[区住建局, 住建局]', '[区住建局, 住建局, 区住房和城乡建设局]'),
        ),
      'issue/frozen-changed',
      ['报送单位', '区住房和城乡建设委员会', 'units.yaml'],
    ],
    [
      'a leader title',
      (dir) =>
        edit(dir, 'people.yaml', (t) => t.replace('区委书记, from: 2021-05-01', '区委书记（兼）, from: 2021-05-01')),
      'issue/frozen-changed',
      ['领导 周正宇 的职务', 'people.yaml'],
    ],
    [
      'a leader title date',
      (dir) => edit(dir, 'people.yaml', (t) => t.replace('区委书记, from: 2021-05-01', '区委书记, from: 2024-07-01')),
      'issue/frozen-changed',
      ['周正宇'],
    ],
    [
      'a recipients group suffix',
      (dir) => edit(dir, 'recipients.yaml', (t) => t.replace('    后缀: 同志', '    后缀: 领导')),
      'issue/frozen-changed',
      ['版记「报」'],
    ],
    [
      'a recipients group member',
      (dir) => edit(dir, 'recipients.yaml', (t) => t.replace('人员: [周正宇, 黄志远,', '人员: [黄志远,')),
      'issue/frozen-changed',
      ['版记'],
    ],
    [
      'an alias moved to another unit (the entry now resolves to it)',
      (dir) =>
        edit(dir, 'units.yaml', (t) =>
          t
            .replace('别名: [区防指办, 防指办]', '别名: [区防指办]')
            .replace('别名: [应急局, 区应急局]', '别名: [应急局, 区应急局, 防指办]'),
        ),
      'issue/frozen-changed',
      ['报送单位', '「区防汛抗旱指挥部办公室」→「区应急管理局」'],
    ],
    [
      'the default distribution (jianbao.yaml)',
      (dir) =>
        edit(dir, 'jianbao.yaml', (t) =>
          t.replace('send: [区委办, 区政府办, 区人大办, 区政协办]', 'send: [区委办, 区政府办]'),
        ),
      'issue/frozen-changed',
      ['版记「送」', '「区委办，区政府办」'],
    ],
    [
      'the default contact (jianbao.yaml)',
      (dir) => edit(dir, 'jianbao.yaml', (t) => t.replace('phone: "0734-0000000"', 'phone: "0734-1111111"')),
      'issue/frozen-changed',
      ['版记 联系方式', '0734-1111111'],
    ],
    [
      'the body of an entry',
      (dir) => edit(dir, ENTRY, (t) => t.replace('。', '。补充一句。')),
      'issue/frozen-changed',
      ['稿件「全省防汛工作视频调度会精神」正文第1段', '补充一句'],
    ],
    [
      'two trailing spaces (a visible line break)',
      (dir) => edit(dir, ENTRY, (t) => t.replace(/。/, '。  \n')),
      'issue/frozen-changed',
      ['正文第1段'],
    ],
  ];
  for (const [what, mutate, rule, words] of cases) {
    it(what, async () => {
      const dir = await sampleCopy();
      await mutate(dir);
      const d = expectIssueError(await checkJson(dir), rule, ...words);
      expect(d.hint).toContain('勘误');
    });
  }

  it('setting the status back to draft, then publish again: refused, nothing re-frozen', async () => {
    const dir = await sampleCopy();
    await edit(dir, ISSUE, (t) => t.replace('status: published', 'status: draft'));
    await edit(dir, ENTRY, (t) => t.replace('。', '。改过的一句。'));
    const check = await checkJson(dir);
    expect(
      errors(check)
        .map((d) => d.rule)
        .sort(),
    ).toEqual(['archive/status-changed']);
    const ledger = await readFile(join(dir, 'published/ledger.json'), 'utf8');
    const publish = await cli(dir, 'publish', 'zhuanbao/2024-6');
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain('改过的一句');
    expect(await readFile(join(dir, 'published/ledger.json'), 'utf8')).toBe(ledger);
  });

  it('deleting the newest published issue file: an error, and its entries do not become pending', async () => {
    const dir = await sampleCopy();
    const before = (await checkJson(dir)).diagnostics.filter((d) => d.rule === 'entry/pending').length;
    await rm(join(dir, ISSUE));
    const check = await checkJson(dir);
    expect(check.diagnostics.find((d) => d.rule === 'archive/issue-missing')?.message).toContain(
      '2024年第6期已发布，但它的期刊文件不见了',
    );
    expect(check.diagnostics.filter((d) => d.rule === 'entry/pending')).toHaveLength(before);
  });

  it('deleting or altering a snapshot, or the ledger, is an error', async () => {
    const dir = await sampleCopy();
    await edit(dir, 'published/zhuanbao/2024-06/1.json', (t) =>
      t.replace('示例区安全生产工作专报', '示例区安全生产工作快报'),
    );
    expect(errors(await checkJson(dir)).map((d) => d.rule)).toEqual(['archive/snapshot-altered']);
    await rm(join(dir, 'published/zhuanbao/2024-06/1.json'));
    expect(errors(await checkJson(dir)).map((d) => d.rule)).toEqual(['archive/snapshot-missing']);
    const other = await sampleCopy();
    await rm(join(other, 'published/ledger.json'));
    expect(errors(await checkJson(other)).map((d) => d.rule)).toContain('archive/ledger-missing');
    const damaged = await sampleCopy();
    await writeFile(join(damaged, 'published/ledger.json'), '{ "format": 1, "issues": [');
    expect(errors(await checkJson(damaged)).map((d) => d.rule)).toContain('archive/ledger-invalid');
  });

  it('a snapshot the ledger does not list (its ledger line deleted) is an error', async () => {
    const dir = await sampleCopy();
    await edit(dir, 'published/ledger.json', (t) => JSON.stringify({ ...(JSON.parse(t) as object), issues: [] }));
    const rules = errors(await checkJson(dir)).map((d) => d.rule);
    expect(rules).toContain('archive/unlisted-snapshot');
  });

  it('rewriting an erratum after the re-publish is an error; the history keeps both versions', async () => {
    const dir = await sampleCopy();
    await edit(dir, ENTRY, (t) => t.replace('。', '。补充一句。'));
    await edit(dir, ISSUE, (t) =>
      t.replace('status: published', 'errata:\n  - date: 2025-12-20\n    note: 补充一句话\nstatus: published'),
    );
    expect(errors(await checkJson(dir))).toEqual([]);
    expect((await cli(dir, 'publish', 'zhuanbao/2024-6')).code).toBe(0);
    await edit(dir, ISSUE, (t) => t.replace('note: 补充一句话', 'note: 补充两句话'));
    expectOneError(await checkJson(dir), 'issue/frozen-changed', '勘误第1条', '补充两句话');
    const ledger = JSON.parse(await readFile(join(dir, 'published/ledger.json'), 'utf8')) as {
      issues: { key: string; versions: { version: number }[] }[];
    };
    expect(ledger.issues.find((item) => item.key === 'zhuanbao/2024/6')!.versions.map((v) => v.version)).toEqual([
      1, 2,
    ]);
  });
});

describe('non-changes stay silent', () => {
  const cases: [string, (dir: string) => Promise<void>][] = [
    [
      'English keys written in Chinese',
      (dir) => edit(dir, ENTRY, (t) => t.replace(/^section:/m, '栏目:').replace(/^date:/m, '日期:')),
    ],
    ['CRLF line ends', (dir) => edit(dir, ENTRY, (t) => t.replace(/\n/g, '\r\n'))],
    ['a BOM', (dir) => edit(dir, ENTRY, (t) => `\uFEFF${t}`)],
    ['comments in the settings', (dir) => edit(dir, 'units.yaml', (t) => `# 机构设置说明\n${t}`)],
    ['a trailing space at the end of a paragraph', (dir) => edit(dir, ENTRY, (t) => t.replace(/。\n/, '。  \n'))],
    [
      'a new unit nobody uses',
      (dir) => edit(dir, 'units.yaml', (t) => `${t}\n- id: xin\n  名称: 区新设机构\n  类别: 部门\n`),
    ],
    // 机构改革 written as it should be: the published entries, all dated before, keep the name of their day.
    [
      'a unit renamed with its old name in 曾用名',
      (dir) =>
        edit(dir, 'units.yaml', (t) =>
          t.replace(
            '  名称: 区住房和城乡建设局\n',
            '  名称: 区住房和城乡建设委员会\n  曾用名:\n    - { 名称: 区住房和城乡建设局, 止: 2025-12-31 }\n',
          ),
        ),
    ],
    [
      'a unit abolished after its last entry and merged into another',
      (dir) =>
        edit(dir, 'units.yaml', (t) =>
          t.replace('  别名: [区防指办, 防指办]\n', '  别名: [区防指办, 防指办]\n  撤销: 2026-01-01\n  并入: yjj\n'),
        ),
    ],
    [
      'the issue file moved',
      async (dir) => {
        await mkdir(join(dir, 'issues/2024'), { recursive: true });
        await rename(join(dir, ISSUE), join(dir, 'issues/2024/专报第6期.md'));
      },
    ],
  ];
  for (const [what, mutate] of cases) {
    it(what, async () => {
      const dir = await sampleCopy();
      await mutate(dir);
      const check = await checkJson(dir);
      expect(errors(check).filter((d) => d.rule !== 'encoding/not-utf8')).toEqual([]);
      expect(check.diagnostics.filter((d) => d.rule.startsWith('archive/') || d.rule.startsWith('issue/'))).toEqual([]);
    });
  }
});

describe('deleting an entry file of a published issue', () => {
  it('is a warning, and the issue still compiles to its snapshot', async () => {
    const dir = await sampleCopy();
    const before = compileSite((await checkContent(dir)).content, (await checkContent(dir)).registry).issues.find(
      (i) => i.key === 'zhuanbao/2024/6',
    )!;
    await rm(join(dir, ENTRY));
    const checked = await checkContent(dir);
    expect(checked.errors).toBe(0);
    const warning = checked.diagnostics.find((d) => d.rule === 'archive/entry-deleted');
    expect(warning?.message).toContain('entries/2024/06/省防汛视频会.md 已删除');
    const after = compileSite(checked.content, checked.registry).issues.find((i) => i.key === 'zhuanbao/2024/6')!;
    expect(canonicalJson(after)).toBe(canonicalJson(before));
    expect(after.entries.map((e) => e.id)).toContain('2024/06/省防汛视频会');
  });

  it('editing it instead is an error', async () => {
    const dir = await sampleCopy();
    await edit(dir, ENTRY, (t) => t.replace('。', '，'));
    expect(errors(await checkJson(dir)).map((d) => d.rule)).toEqual(['issue/frozen-changed']);
  });
});

describe('property: no change that alters the published issue passes check', () => {
  /** Small edits of the settings and entries the issue is made from. */
  const EDITS: [string, RegExp, string][] = [
    ['jianbao.yaml', /示例区安全生产委员会办公室/, '示例区安委会办公室'],
    ['jianbao.yaml', /copies: 60/, 'copies: 61'],
    ['jianbao.yaml', /0734-0000000/, '0734-1111111'],
    ['units.yaml', /# .*\n/, '# 改过的注释\n'],
    ['people.yaml', /区委副书记、区长, from: 2024-10-01/, '区长, from: 2024-10-01'],
    ['people.yaml', /\n- name: 林海/, '\n# 注释\n- name: 林海'],
    ['recipients.yaml', /市防指办/, '市防汛办'],
    [ENTRY, /会议/, '会 议'],
    [ENTRY, /\n\n/, '\n'],
    [ENTRY, /$/, '\n'],
    ['entries/2024/06/区长督导防汛.md', /。/, '！'],
    [ISSUE, /copies: \d+/, 'copies: 99'],
  ];
  it('a changed issue model is always an error (or an erratum pending)', async () => {
    const base = await sampleCopy();
    await fc.assert(
      fc.asyncProperty(fc.subarray(EDITS, { minLength: 1, maxLength: 3 }), async (edits) => {
        const dir = await sampleCopy();
        for (const [file, pattern, replacement] of edits) {
          const path = join(dir, file);
          await writeFile(path, (await readFile(path, 'utf8')).replace(pattern, replacement));
        }
        const checked = await checkContent(dir);
        const issue = checked.content.issues.find(
          (i) => i.data.year === 2024 && i.data.number === 6 && i.file === ISSUE,
        )!;
        const now = compileIssue(issue, checked.content, checked.registry, entriesById(checked.content.entries));
        const original = await checkContent(base);
        const snapshot = original.archive.issues.get('zhuanbao/2024/6')!.latest!.issue;
        const changed = canonicalJson(recordOf(now!)) !== canonicalJson(recordOf(snapshot));
        const frozen = checked.diagnostics.some((d) => d.rule === 'issue/frozen-changed' && d.file === ISSUE);
        expect(frozen).toBe(changed);
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
