/**
 * The incremental recheck (project.invalidate(paths), then check) against a
 * fresh `openProject(dir).check()` of the same files, after every step of a
 * seeded random sequence of edits on a copy of the sample content (every kind at least once): a section
 * renamed (to another and to an unknown one), YAML broken and fixed, an
 * entry of a published issue deleted and restored, a duplicate entry added
 * and removed, an entry listed in a second issue, the draft issue's order
 * and 按语, a unit renamed in units.yaml, a month folder renamed, a new entry
 * in a new folder, a record under published/ corrupted — with the draft issue
 * published first (a record whose sources are today's files). Each step tells the
 * project the paths it touched, as the studio's saves and its file watcher
 * do; the results must be the very same as a cold check's. The files are
 * made old enough first, so that the recheck really trusts the untold ones
 * (it reads only a few files, asserted), and a change the project is not
 * told about is found by `invalidate()` without paths.
 *
 * The second test makes one edit of each kind a clerk's save makes, and
 * undoes it, checking after each: an entry's body, its 刊物 (moving it to
 * the other series), status and date; the draft issue's list (dropping an
 * entry, listing a published one or a missing one), order, 按语 and number;
 * a published entry (an archive difference), a published issue's list,
 * errata and status; units.yaml, people.yaml, jianbao.yaml; a file deleted
 * and one added. Every result equals a fresh check's, and the saves of
 * files modified in place that still load are patched onto the last check
 * (check-patch.ts) — asserted, so the patch path is the one compared.
 */
import { cp, mkdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.ts';
import { openProject, type CheckResult } from '../../src/core/index.ts';
import { listFiles } from '../helpers/index.ts';
import { sampleCopy } from '../helpers/workflow.ts';

/** What a check found, in a form two checks can be compared in. */
function summary(result: CheckResult) {
  return {
    diagnostics: result.diagnostics.map((d) => ({ ...d })),
    errors: result.errors,
    warnings: result.warnings,
    entries: result.content.entries.map((entry) => ({
      id: entry.id,
      file: entry.file,
      data: entry.data,
      body: entry.body,
      bodyLine: entry.bodyLine,
      images: entry.images,
    })),
    issues: result.content.issues.map((issue) => ({ file: issue.file, data: issue.data, note: issue.note })),
    archive: [...result.archive.issues.keys()],
    units: result.registry.units.map((unit) => unit.name),
  };
}

interface Edit {
  name: string;
  /** The files it changes (two applied edits never change the same one: an undo would restore the other's text). */
  files: string[];
  /** Make the edit, or undo it; the paths it touched (as a file watcher names them). */
  apply(): Promise<string[]>;
  undo(): Promise<string[]>;
}

describe('project recheck after told edits equals a cold check', () => {
  let dir: string;
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  const write = (file: string, text: string) => writeFile(join(dir, file), text);
  /** Replace text in a file, keeping the original for the undo. */
  const replaceEdit = (name: string, file: string, from: string | RegExp, to: string): Edit => {
    let original = '';
    return {
      name,
      files: [file],
      async apply() {
        original = await read(file);
        const changed = original.replace(from, to);
        if (changed === original) throw new Error(`${name}: nothing to replace in ${file}`);
        await write(file, changed);
        return [file];
      },
      async undo() {
        await write(file, original);
        return [file];
      },
    };
  };

  beforeAll(async () => {
    dir = await sampleCopy();
    // The sample's draft issue published now: its record's sources are today's files (the sample's older
    // records differ from theirs, so only this one shows a recheck keeping "same sources" right).
    await openProject(dir).publish('jianbao/2025-3', { today: '2025-12-05' });
    // Old files, and past the racy window of their status-change times: a recheck takes them as read.
    const old = new Date(Date.now() - 3600_000);
    for (const file of await listFiles(dir)) await utimes(join(dir, file), old, old);
    await new Promise((done) => setTimeout(done, 2100));
  });

  it('gives the cold check’s results after every edit of a random sequence', { timeout: 240_000 }, async () => {
    const published = 'issues/zhuanbao/2025-02.md';
    const frozenEntry = 'entries/2025/05/防汛动员.md';
    const draft = 'issues/jianbao/2025-03.md';
    const entry = 'entries/2025/11/养老机构消防检查.md';
    const copy = 'entries/2025/11/养老机构消防检查-副本.md';
    const edits: Edit[] = [
      replaceEdit('section renamed', entry, 'section: work-updates', 'section: upper-meetings'),
      replaceEdit('unknown section', entry, 'section: work-updates', 'section: 本地动态'),
      replaceEdit('broken YAML', entry, /^date: /m, 'date: [2025-11-18\nbroken: '),
      replaceEdit('body edited', entry, /。$/m, '，检查工作持续推进。'),
      replaceEdit('draft order and 按语', draft, /(entries:\n)( {2}- .+\n)( {2}- .+\n)/, '$1$3$2'),
      replaceEdit('draft 按语', draft, /\n---\n/, '\n---\n编者按：请各单位抓好落实。\n'),
      replaceEdit('entry in a second issue', draft, 'entries:\n', 'entries:\n  - 2025/05/防汛动员\n'),
      replaceEdit('published issue changed', published, '  - 2025/07/山塘防汛\n', ''),
      replaceEdit('unit renamed', 'units.yaml', '名称: 区安全生产委员会办公室', '名称: 区安全生产委员会'),
      (() => {
        let original = '';
        return {
          name: 'entry of a published issue deleted',
          files: [frozenEntry],
          async apply() {
            original = await read(frozenEntry);
            await rm(join(dir, frozenEntry));
            return [frozenEntry];
          },
          async undo() {
            await write(frozenEntry, original);
            return [frozenEntry];
          },
        };
      })(),
      {
        name: 'duplicate entry added',
        files: [copy],
        async apply() {
          await cp(join(dir, entry), join(dir, copy));
          return [copy];
        },
        async undo() {
          await rm(join(dir, copy));
          return [copy];
        },
      },
      {
        name: 'month folder renamed',
        files: ['entries/2025/09'],
        async apply() {
          await rename(join(dir, 'entries/2025/09'), join(dir, 'entries/2025/9月'));
          return ['entries/2025/09', 'entries/2025/9月'];
        },
        async undo() {
          await rename(join(dir, 'entries/2025/9月'), join(dir, 'entries/2025/09'));
          return ['entries/2025/9月', 'entries/2025/09'];
        },
      },
      {
        name: 'new entry in a new folder',
        files: ['entries/2026'],
        async apply() {
          await cp(join(dir, entry), join(dir, 'entries/2026/01/新年检查.md'), { recursive: true });
          return ['entries/2026', 'entries/2026/01', 'entries/2026/01/新年检查.md'];
        },
        async undo() {
          await rm(join(dir, 'entries/2026'), { recursive: true });
          return ['entries/2026'];
        },
      },
      (() => {
        let original = '';
        const record = 'published/zhuanbao/2025-02/1.json';
        return {
          name: 'archive record corrupted',
          files: [record],
          async apply() {
            original = await read(record);
            await write(record, original.replace('"year"', '"yaer"'));
            return [record];
          },
          async undo() {
            await write(record, original);
            return [record];
          },
        };
      })(),
    ];

    const project = openProject(dir);
    expect(summary(await project.check())).toEqual(summary(await openProject(dir).check()));
    const total = (await project.checkState()).files.read;
    const next = random(Number(process.env.RECHECK_SEED ?? 17));
    const applied = new Set<Edit>();
    const kinds = new Set<string>();
    /** Make or undo one edit, tell the project what it touched, and compare its recheck with a cold check. */
    const step = async (edit: Edit, undo: boolean, at: number) => {
      const touched = undo ? await edit.undo() : await edit.apply();
      if (undo) applied.delete(edit);
      else applied.add(edit);
      kinds.add(edit.name);
      project.invalidate(touched);
      const again = await project.check();
      const reread = (await project.checkState()).files.read;
      const cold = await openProject(dir).check();
      expect(summary(again), `${undo ? 'undo ' : ''}${edit.name} (step ${at})`).toEqual(summary(cold));
      // Incremental: the told files and the recently written ones (racy), not the whole content.
      expect(reread, `${edit.name}: files read again`).toBeLessThan(total / 3);
    };
    const clashing = (edit: Edit) =>
      [...applied].filter((other) => other !== edit && other.files.some((file) => edit.files.includes(file)));
    // Every edit once, in a random order (what it would clash with undone first), then random ones (each making or undoing).
    let at = 0;
    for (const edit of [...edits].sort(() => next() - 0.5)) {
      for (const other of clashing(edit)) await step(other, true, at++);
      await step(edit, applied.has(edit), at++);
    }
    for (let count = 0; count < 30; count++) {
      const edit = edits[Math.floor(next() * edits.length)]!;
      // One edit of a file at a time (an undo would restore the other's text).
      if (!applied.has(edit) && clashing(edit).length) continue;
      await step(edit, applied.has(edit), at++);
    }
    expect(kinds.size).toBe(edits.length);

    // Everything undone: the sample's own findings again.
    for (const edit of [...applied]) project.invalidate(await edit.undo());
    expect(summary(await project.check())).toEqual(summary(await openProject(dir).check()));

    // A change the project is not told about is found by invalidate() without paths.
    await write(entry, (await read(entry)).replace('section: work-updates', 'section: 本地动态'));
    project.invalidate();
    const full = await project.check();
    expect(full.diagnostics.some((d) => d.file === entry && d.severity === 'error')).toBe(true);
    expect(summary(full)).toEqual(summary(await openProject(dir).check()));
  });

  it(
    'patches a save of each kind onto the last check, with the results of a fresh check',
    { timeout: 240_000 },
    async () => {
      const own = await sampleCopy();
      const old = new Date(Date.now() - 3600_000);
      for (const file of await listFiles(own)) await utimes(join(own, file), old, old);
      await new Promise((done) => setTimeout(done, 2100));
      const readOwn = (file: string) => readFile(join(own, file), 'utf8');
      const draft = 'issues/jianbao/2025-03.md';
      const published = 'issues/zhuanbao/2025-02.md';
      const drafted = 'entries/2025/08/暑期防溺水巡查.md';
      const frozen = 'entries/2025/05/防汛动员.md';
      const added = 'entries/2025/09/新增稿件.md';
      /** [name, file, change, whether a patch can give it (a file modified in place that still loads)]. */
      const edits: [string, string, (text: string) => string | undefined, boolean][] = [
        ['entry body', drafted, (text) => text.replace('劝离在水边玩耍的儿童12人', '劝离在水边玩耍的儿童15人'), true],
        ['entry moved to the other series', drafted, (text) => text.replace('刊物: jianbao', '刊物: zhuanbao'), true],
        ['entry made a draft', drafted, (text) => text.replace('单位: 教育局', '单位: 教育局\n状态: 草稿'), true],
        ['entry dated after its issue', drafted, (text) => text.replace('2025年8月5日', '2025年10月5日'), true],
        ['entry section unknown', drafted, (text) => text.replace('栏目: 工作动态', '栏目: 本地动态'), true],
        ['entry no longer loading', drafted, (text) => text.replace('日期: 2025年8月5日', '日期: [2025'), true],
        ['draft issue drops an entry', draft, (text) => text.replace('  - 2025/08/暑期防溺水巡查\n', ''), true],
        [
          'draft issue lists a published entry',
          draft,
          (text) => text.replace('entries:\n', 'entries:\n  - 2025/05/防汛动员\n'),
          true,
        ],
        [
          'draft issue lists a missing entry',
          draft,
          (text) => text.replace('entries:\n', 'entries:\n  - 2025/09/没有这篇\n'),
          true,
        ],
        [
          'draft issue order and 按语',
          draft,
          (text) => text.replace(/(entries:\n)( {2}- .+\n)( {2}- .+\n)/, '$1$3$2') + '编者按：请各单位抓好落实。\n',
          true,
        ],
        ['draft issue renumbered', draft, (text) => text.replace('number: 3', 'number: 4'), false],
        [
          'published entry edited (archive difference)',
          frozen,
          (text) => text.replace('汛前完成整改', '汛前全部完成整改'),
          true,
        ],
        ['published issue drops an entry', published, (text) => text.replace('  - 2025/07/山塘防汛\n', ''), true],
        [
          'published issue with an erratum',
          published,
          (text) =>
            text.replace(
              'status: published',
              'status: published\nerrata:\n  - { date: 2025-07-20, note: 更正一处数字 }',
            ),
          true,
        ],
        ['published issue made a draft', published, (text) => text.replace('status: published', 'status: draft'), true],
        [
          'units.yaml',
          'units.yaml',
          (text) => text.replace('名称: 区安全生产委员会办公室', '名称: 区安全生产委员会'),
          false,
        ],
        ['people.yaml', 'people.yaml', (text) => text.replace('区委书记', '区委副书记'), false],
        ['jianbao.yaml', 'jianbao.yaml', (text) => text.replace('copies: 60', 'copies: 80'), false],
        ['entry deleted', drafted, () => undefined, true],
        [
          'entry added',
          added,
          () =>
            `---\n栏目: 工作动态\n标题: 新增的一篇稿件\n日期: 2025年9月10日\n单位: 教育局\n刊物: jianbao\n---\n9月10日，区教育局开展校园安全检查。\n`,
          true,
        ],
      ];
      const project = openProject(own);
      expect(summary(await project.check())).toEqual(summary(await openProject(own).check()));
      const state = await project.checkState();
      const checkAgain = async (name: string, file: string, patchable: boolean) => {
        const before = state.patched;
        project.invalidate([file]);
        const again = await project.check();
        expect(summary(again), name).toEqual(summary(await openProject(own).check()));
        expect(state.patched - before, `${name}: patched`).toBe(patchable ? 1 : 0);
      };
      for (const [name, file, change, patchable] of edits) {
        const original = await readOwn(file).catch(() => undefined);
        const changed = change(original ?? '');
        if (changed === original) throw new Error(`${name}: nothing changed in ${file}`);
        if (changed === undefined) await rm(join(own, file));
        else await writeFile(join(own, file), changed);
        // A settings file just written is racy: the checks until it is old enough are whole ones.
        await checkAgain(name, file, patchable);
        if (original === undefined) await rm(join(own, file));
        else await writeFile(join(own, file), original);
        await checkAgain(`${name} undone`, file, patchable);
        if (!file.startsWith('entries/') && !file.startsWith('issues/')) {
          // Past the settings file's racy window: the next save is patched again.
          await new Promise((done) => setTimeout(done, 2100));
          project.invalidate([file]);
          await project.check();
        }
      }

      // Entry files added and deleted, each save told and patched, as a fresh check says: an entry an issue
      // already lists (its "missing" error gone), one near a missing id (the "did you mean"), one that does not
      // load (the id not missing, only unreadable), one with errors, a twin id (entry/duplicate-id) and the first
      // of the twins deleted (the twin is the entry then), several at once.
      const wanted = 'entries/2025/09/没有这篇.md';
      const near = 'entries/2025/09/新增稿件.md';
      const wrong = 'entries/2025/09/单位不明.md';
      // 暑 written as its CJK compatibility ideograph: the same id after NFC, sorted after the file it twins.
      const twin = 'entries/2025/08/\uFA43期防溺水巡查.md';
      const draftText = await readOwn(draft);
      const draftedText = await readOwn(drafted);
      const entryText = (day: number, unit = '教育局') =>
        `---\n栏目: 工作动态\n标题: 九月的一篇稿件\n日期: 2025年9月${day}日\n单位: ${unit}\n刊物: jianbao\n---\n9月${day}日，区教育局开展校园安全检查。\n`;
      const put = (file: string, text: string) => writeFile(join(own, file), text);
      const gone = (file: string) => rm(join(own, file));
      const rules = (result: CheckResult, rule: string, file?: string) =>
        result.diagnostics.filter((d) => d.rule === rule && (file === undefined || d.file === file));
      const steps: [string, () => Promise<unknown>, string[], (result: CheckResult) => void][] = [
        [
          'the draft issue lists two missing entries',
          () => put(draft, draftText.replace('entries:\n', 'entries:\n  - 2025/09/没有这篇\n  - 2025/09/新增稿件甲\n')),
          [draft],
          (result) => expect(rules(result, 'issue/entry-missing', draft)).toHaveLength(2),
        ],
        [
          'the entry it lists added',
          () => put(wanted, entryText(9)),
          [wanted],
          (result) => {
            expect(rules(result, 'issue/entry-missing', draft)).toHaveLength(1);
            expect(result.content.entries.some((entry) => entry.file === wanted)).toBe(true);
          },
        ],
        [
          'that entry deleted again',
          () => gone(wanted),
          [wanted],
          (result) => expect(rules(result, 'issue/entry-missing', draft)).toHaveLength(2),
        ],
        [
          'the entry it lists added, not loading',
          () => put(wanted, entryText(9).replace('日期: 2025年9月9日', '日期: [2025')),
          [wanted],
          (result) => {
            expect(rules(result, 'issue/entry-missing', draft)).toHaveLength(1);
            expect(result.diagnostics.some((d) => d.file === wanted && d.severity === 'error')).toBe(true);
          },
        ],
        ['the file not loading deleted', () => gone(wanted), [wanted], () => {}],
        [
          'an entry near a missing id added',
          () => put(near, entryText(11)),
          [near],
          (result) =>
            expect(rules(result, 'issue/entry-missing', draft).map((d) => d.suggestion)).toContain('2025/09/新增稿件'),
        ],
        [
          'an entry with errors added',
          () => put(wrong, entryText(12, '不存在的局')),
          [wrong],
          (result) => {
            expect(rules(result, 'entry/unknown-unit', wrong)).toHaveLength(1);
            expect(rules(result, 'entry/pending', wrong)).toHaveLength(1);
          },
        ],
        [
          'a twin of a listed entry added',
          () => put(twin, draftedText),
          [twin],
          (result) => expect(rules(result, 'entry/duplicate-id', twin)).toHaveLength(1),
        ],
        [
          'the first of the twins deleted',
          () => gone(drafted),
          [drafted],
          (result) => {
            expect(rules(result, 'entry/duplicate-id')).toHaveLength(0);
            expect(result.content.entries.some((entry) => entry.file === twin)).toBe(true);
          },
        ],
        [
          'the first of the twins restored',
          () => put(drafted, draftedText),
          [drafted],
          (result) => expect(rules(result, 'entry/duplicate-id', twin)).toHaveLength(1),
        ],
        ['the twin deleted', () => gone(twin), [twin], () => {}],
        [
          'two deleted and one added at once',
          () => Promise.all([gone(near), gone(wrong), put(wanted, entryText(9))]),
          [near, wrong, wanted],
          (result) => expect(rules(result, 'issue/entry-missing', draft)).toHaveLength(1),
        ],
        ['the last one deleted', () => gone(wanted), [wanted], () => {}],
        ['the draft issue restored', () => put(draft, draftText), [draft], () => {}],
      ];
      for (const [name, change, told, expectations] of steps) {
        await change();
        const before = state.patched;
        project.invalidate(told);
        const again = await project.check();
        expect(summary(again), name).toEqual(summary(await openProject(own).check()));
        expect(state.patched - before, `${name}: patched`).toBe(1);
        expectations(again);
      }
      // A new entry in a new folder (the watcher names the folder too) is checked whole, as the same.
      const newFolder = 'entries/2025/13/新的一篇.md';
      await cp(join(own, drafted), join(own, newFolder), { recursive: true }).catch(async () => {
        await mkdir(join(own, 'entries/2025/13'));
        await cp(join(own, drafted), join(own, newFolder));
      });
      const before = state.patched;
      project.invalidate(['entries/2025/13', newFolder]);
      expect(summary(await project.check())).toEqual(summary(await openProject(own).check()));
      expect(state.patched - before).toBe(0);
    },
  );
});
