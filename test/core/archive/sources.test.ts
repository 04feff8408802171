/**
 * A published issue is changed when its inputs are, not when jianbao renders
 * them differently (src/core/archive/sources.ts, compare.ts). A newer
 * jianbao is simulated on a copy of the sample content: the record of
 * 2024年第6期 is rewritten as an older renderer could have printed it (one
 * paragraph of one entry and the masthead's numbering worded otherwise), its
 * ledger digest kept true, so only the renderer differs from today's compile
 * of the same files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256, type Ledger, type Snapshot, type Sources } from '../../../src/core/archive/records.ts';
import { RecordedSources, sameSources } from '../../../src/core/archive/sources.ts';
import { checkContent, compileSite } from '../../../src/core/index.ts';
import { FIXTURES } from '../../helpers/index.ts';
import { checkJson, cli, editFile as edit, sampleCopy, type CheckJson } from '../../helpers/workflow.ts';

const ISSUE = 'issues/zhuanbao/2024-06.md';
const RECORD = 'published/zhuanbao/2024-06/1.json';
/** The entry the clerk edits, and another one whose rendering the "older jianbao" differed in. */
const EDITED = 'entries/2024/06/省防汛视频会.md';
const RENDERED = 'entries/2024/06/河西网格化.md';

const errors = (check: CheckJson) => check.diagnostics.filter((d) => d.severity === 'error');

/** The record as an older renderer printed it; the ledger's digest follows, as that jianbao wrote both. */
async function renderedByAnOlderJianbao(dir: string): Promise<void> {
  const snapshot = JSON.parse(await readFile(join(dir, RECORD), 'utf8')) as Snapshot;
  const entry = snapshot.issue.entries.find((item) => item.id === '2024/06/河西网格化')!;
  const paragraph = entry.body.blocks.find((block) => block.type === 'paragraph')!;
  if (paragraph.type !== 'paragraph') throw new Error('no paragraph');
  paragraph.children = [{ type: 'text', value: '（旧版排法）' }, ...paragraph.children];
  for (const section of snapshot.issue.sections)
    for (const item of section.entries) if (item.id === entry.id) item.body = entry.body;
  snapshot.issue.masthead.numbering = snapshot.issue.masthead.numbering.replace(' ', '');
  // Its digest of the compiled inputs: that jianbao compiled the masthead otherwise, so it differs from today's.
  snapshot.inputs = sha256('the inputs as an older jianbao compiled them');
  await rewriteRecord(dir, snapshot);
}

/** Write the record as jianbao would, the ledger's digest of it too (not an alteration check must catch). */
async function rewriteRecord(dir: string, snapshot: Snapshot): Promise<void> {
  const text = canonicalJson(snapshot);
  await writeFile(join(dir, RECORD), text);
  const ledgerFile = join(dir, 'published/ledger.json');
  const ledger = JSON.parse(await readFile(ledgerFile, 'utf8')) as Ledger;
  for (const issue of ledger.issues)
    for (const version of issue.versions) if (version.file === RECORD) version.digest = sha256(text);
  await writeFile(ledgerFile, canonicalJson(ledger));
}

describe('records rendered by an older jianbao', () => {
  it('the sample records keep their sources: check compiles them again, not the record', async () => {
    const snapshot = JSON.parse(await readFile(join(await sampleCopy(), RECORD), 'utf8')) as Snapshot;
    expect(Object.keys(snapshot.sources?.files ?? {})).toEqual(
      expect.arrayContaining([ISSUE, EDITED, RENDERED, 'jianbao.yaml', 'units.yaml', 'people.yaml']),
    );
    expect(snapshot.sources!.files[ISSUE]).toMatch(/status: published/);
  });

  it('a jianbao that renders the same files differently changes nothing: check reports no change', async () => {
    const dir = await sampleCopy();
    await renderedByAnOlderJianbao(dir);
    const check = await checkJson(dir);
    expect(errors(check)).toEqual([]);
    // The build still renders the issue from its record, as printed.
    const built = await cli(dir, 'build', '--out', join(dir, '..', 'dist'));
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const html = await readFile(join(dir, '..', 'dist/zhuanbao/2024/6/index.html'), 'utf8');
    expect(html).toContain('（旧版排法）');
  });

  it('a changed sentence is listed alone, and the record is said to be an older rendering', async () => {
    const dir = await sampleCopy();
    await renderedByAnOlderJianbao(dir);
    await edit(dir, EDITED, (t) => t.replace('。', '。补充一句。'));
    const found = errors(await checkJson(dir));
    expect(found.map((d) => [d.rule, d.file])).toEqual([['issue/frozen-changed', ISSUE]]);
    const message = found[0]!.message;
    expect(message).toMatch(
      /^2024年第6期已发布，发布后被修改：稿件「全省防汛工作视频调度会精神」正文第1段：「.*补充一句.*」（/,
    );
    // Exactly one change: the sentence; neither the other entry nor the masthead's numbering.
    expect(message.split('：稿件').length).toBe(2);
    expect(message).not.toContain('旧版排法');
    expect(message).not.toContain('期号');
    expect(message).toContain(
      '存档由较早版本的 jianbao 编排，按现在的 jianbao 编排另有 2 处不同，那不是发布后的修改，未列出',
    );
  });

  it('an erratum for it is re-published with the clerk’s change alone in the history', async () => {
    const dir = await sampleCopy();
    await renderedByAnOlderJianbao(dir);
    await edit(dir, EDITED, (t) => t.replace('。', '。补充一句。'));
    await edit(dir, ISSUE, (t) =>
      t.replace('status: published', 'errata:\n  - date: 2025-12-20\n    note: 补充一句话\nstatus: published'),
    );
    const pending = errors(await checkJson(dir));
    expect(pending).toEqual([]);
    const publish = await cli(dir, 'publish', 'zhuanbao/2024-6');
    expect(publish.code, publish.stderr).toBe(0);
    expect(publish.stdout).toContain(
      '上一版由较早版本的 jianbao 编排：新版本按现在的 jianbao 编排，除勘误外另有 2 处排法不同（发布记录中只列勘误的改动）。',
    );
    const second = JSON.parse(await readFile(join(dir, 'published/zhuanbao/2024-06/2.json'), 'utf8')) as Snapshot;
    expect(second.changes).toHaveLength(1);
    expect(second.changes![0]).toContain('补充一句');
    expect(second.sources!.files[EDITED]).toContain('补充一句');
    expect(errors(await checkJson(dir))).toEqual([]);
    // The issue page's 发布记录 lists that change alone for the second printing.
    const checked = await checkContent(dir);
    const history = compileSite(checked.content, checked.registry, { drafts: false }).issues.find(
      (item) => item.key === 'zhuanbao/2024/6',
    )!.history!;
    expect(history.map((item) => item.label)).toEqual(['第一次印发', '勘误后（第2版）']);
    expect(history[1]!.changes).toEqual(second.changes);
  });

  it('records without sources are compared as before, and jianbao archive gives them their sources', async () => {
    const dir = await sampleCopy();
    // A record as written before sources were kept.
    const snapshot = JSON.parse(await readFile(join(dir, RECORD), 'utf8')) as Snapshot;
    delete snapshot.sources;
    await rewriteRecord(dir, snapshot);
    expect(errors(await checkJson(dir))).toEqual([]);

    const archive = await cli(dir, 'archive');
    expect(archive.code, archive.stderr).toBe(0);
    expect(archive.stdout).toContain(
      '2024年第6期（zhuanbao/2024-6）：published/zhuanbao/2024-06/1.json 补记了印发时的原稿',
    );
    const again = JSON.parse(await readFile(join(dir, RECORD), 'utf8')) as Snapshot;
    expect(again.issue).toEqual(snapshot.issue);
    expect(again.sources!.files[EDITED]).toBeDefined();
    expect(errors(await checkJson(dir))).toEqual([]);
  });

  it('are compiled together when they share their settings, apart when they recorded one path two ways', async () => {
    const base = join(FIXTURES, 'base/content');
    const read = (path: string) => readFile(join(base, path), 'utf8');
    const settings: Record<string, string> = {};
    for (const path of ['jianbao.yaml', 'units.yaml', 'people.yaml', 'recipients.yaml'])
      settings[path] = await read(path);
    const entry = await read('entries/2024/青石镇排查.md');
    const issue = await read('issues/2024-04.md');
    const fourth: Sources = {
      files: { ...settings, 'issues/2024-04.md': issue, 'entries/2024/青石镇排查.md': entry },
      images: {},
    };
    // Another issue that recorded the same entry file with other words.
    const fifth: Sources = {
      files: {
        ...settings,
        'issues/2024-05.md': issue.replace('期号: 4', '期号: 5').replace('总期号: 11', '总期号: 12'),
        'entries/2024/青石镇排查.md': entry.replace('消防隐患排查', '燃气隐患排查'),
      },
      images: {},
    };
    const recorded = new RecordedSources([
      ['zhuanbao/2024/4', fourth],
      ['zhuanbao/2024/5', fifth],
    ]);
    expect((await recorded.record('zhuanbao/2024/4'))!.entries.map((item) => item.body.text)).toEqual([
      expect.stringContaining('消防隐患排查'),
    ]);
    expect((await recorded.record('zhuanbao/2024/5'))!.entries.map((item) => item.body.text)).toEqual([
      expect.stringContaining('燃气隐患排查'),
    ]);
    expect(await recorded.record('zhuanbao/2024/6')).toBeUndefined();
  });
});

describe('sameSources', () => {
  it('says what comparing the canonical JSON of both says', () => {
    const base: Sources = {
      files: { 'jianbao.yaml': 'site: {}\n', 'issues/a.md': '---\n---\n', 'entries/2025/01/甲.md': '正文。\n' },
      images: { 'entries/2025/01/图.png': { bytes: 10, format: 'png', sha256: 'ab' } },
    };
    const variants: Sources[] = [
      // The same, keys in another order.
      {
        files: { 'entries/2025/01/甲.md': '正文。\n', 'issues/a.md': '---\n---\n', 'jianbao.yaml': 'site: {}\n' },
        images: { 'entries/2025/01/图.png': { sha256: 'ab', format: 'png', bytes: 10 } },
      },
      { ...base, files: { ...base.files, 'entries/2025/01/甲.md': '正文！\n' } },
      { ...base, files: { ...base.files, 'entries/2025/01/乙.md': '正文。\n' } },
      {
        ...base,
        files: { 'jianbao.yaml': 'site: {}\n', 'issues/a.md': '---\n---\n', 'entries/2025/01/乙.md': '正文。\n' },
      },
      { ...base, images: {} },
      { ...base, images: { 'entries/2025/01/图.png': { bytes: 11, format: 'png', sha256: 'ab' } } },
      { ...base, images: { 'entries/2025/01/图.png': { bytes: 10, sha256: 'ab' } } },
      { ...base, images: { 'entries/2025/01/图.png': { bytes: 10, format: 'png', sha256: 'ac' } } },
      { ...base, images: { 'entries/2025/01/图2.png': { bytes: 10, format: 'png', sha256: 'ab' } } },
    ];
    for (const variant of variants) {
      expect(sameSources(base, variant)).toBe(canonicalJson(base) === canonicalJson(variant));
      expect(sameSources(variant, base)).toBe(canonicalJson(base) === canonicalJson(variant));
    }
    expect(sameSources(base, variants[0]!)).toBe(true);
    expect(variants.slice(1).every((variant) => !sameSources(base, variant))).toBe(true);
  });
});
