/**
 * The incremental check (load/file-states.ts, Project.check after
 * invalidate): a project re-reads only the files whose stamp changed, and a
 * changed file is never missed — an edit keeping size and modification time
 * (in the same second, and set back by a tool), a deletion, a rename, a new
 * file, a changed archive record. After every change the project's check
 * must equal a fresh check of the same directory.
 */
import { readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, openProject, type Project } from '../../../src/core/index.ts';
import { FileStates, isRacy, RACY_MS } from '../../../src/core/load/file-states.ts';
import { copyContent, ROOT } from '../../helpers/index.ts';
import { shown } from '../../helpers/content.ts';

const ENTRY = 'entries/2024/06/危化品执法.md';

/** What a check found, comparable: every diagnostic as a line, every entry and issue as parsed. */
async function summary(result: Awaited<ReturnType<typeof checkContent>>) {
  return {
    diagnostics: result.diagnostics.map(shown),
    entries: result.content.entries.map((entry) => ({
      id: entry.id,
      data: entry.data,
      body: entry.body,
      images: entry.images?.map((image) => image.target.kind),
    })),
    issues: result.content.issues.map((issue) => ({ file: issue.file, data: issue.data, note: issue.note })),
    archive: [...result.archive.issues.keys()],
  };
}

/** The project checked again after a change, and what a fresh check of the directory says. */
async function recheck(project: Project) {
  project.invalidate();
  const incremental = await project.check();
  const fresh = await checkContent(project.dir);
  return { incremental, fresh, read: (await project.checkState()).files.read };
}

/** Set a file's modification time to `seconds` ago (so its stamp is not racy). */
async function age(dir: string, path: string, seconds = 3600): Promise<Date> {
  const when = new Date(Math.floor(Date.now() / 1000 - seconds) * 1000);
  await utimes(join(dir, path), when, when);
  return when;
}

/** Rewrite ENTRY with text of the same size and set its modification time back to what it was (as a tool may). */
async function editKeepingStamp(dir: string, text: string): Promise<void> {
  const before = await stat(join(dir, ENTRY));
  await writeFile(join(dir, ENTRY), text);
  await utimes(join(dir, ENTRY), before.atime, before.mtime);
  const after = await stat(join(dir, ENTRY));
  expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
}

describe('the racy-timestamp guard', () => {
  it('does not trust a stamp taken less than RACY_MS after the file was modified', () => {
    const now = Date.now();
    expect(isRacy({ size: 1, mtimeMs: now - 100, ctimeMs: now - 100 }, now)).toBe(true);
    expect(isRacy({ size: 1, mtimeMs: now - RACY_MS - 1, ctimeMs: now - 100 }, now)).toBe(true);
    expect(isRacy({ size: 1, mtimeMs: now - RACY_MS - 1, ctimeMs: now - RACY_MS - 1 }, now)).toBe(false);
  });

  it('takes a kept value only for the very same stamp', () => {
    const states = new FileStates();
    const stamp = { size: 10, mtimeMs: 1000, ctimeMs: 1000, ino: 7 };
    states.keep('a.md', stamp, 1_000_000, 'parsed');
    expect(states.take('a.md', { ...stamp })).toBe('parsed');
    expect(states.take('a.md', { ...stamp, size: 11 })).toBeUndefined();
    expect(states.take('a.md', { ...stamp, ctimeMs: 1001 })).toBeUndefined();
    expect(states.take('a.md', { ...stamp, ino: 8 })).toBeUndefined();
    expect(states.take('a.md', undefined)).toBeUndefined();
    states.keep('b.md', stamp, 1500, 'racy');
    expect(states.take('b.md', { ...stamp })).toBeUndefined();
  });
});

describe('Project.check after invalidate', () => {
  it('re-reads only what changed and never misses a change', async () => {
    const dir = await copyContent(join(ROOT, 'content'));
    const project = openProject(dir);
    const first = await project.check();
    expect(first.content.entries.length).toBeGreaterThan(50);
    expect(first.archive.issues.size).toBeGreaterThan(0);

    // Nothing changed (the copied files are new, so racy: read again once, then trusted).
    await age(dir, ENTRY);
    let { incremental, fresh } = await recheck(project);
    let read: number;
    expect(await summary(incremental)).toEqual(await summary(fresh));

    // An edit keeping the size and the modification time, in the same second: the guard re-reads it.
    const original = await readFile(join(dir, ENTRY), 'utf8');
    expect(original).toContain('日期: 2024-06-24');
    await editKeepingStamp(dir, original.replace('日期: 2024-06-24', '日期: 2024-06-25'));
    ({ incremental, fresh } = await recheck(project));
    expect(incremental.content.entries.find((entry) => entry.file === ENTRY)?.data.date).toBe('2024-06-25');
    expect(await summary(incremental)).toEqual(await summary(fresh));

    // A file not touched for an hour, cached as trusted, then edited (same size) and its time set back by a tool.
    await age(dir, ENTRY);
    // Its status-change time is now: wait until that too is older than the guard's window.
    await new Promise((done) => setTimeout(done, RACY_MS + 300));
    await recheck(project); // read again: its stamp changed
    ({ read } = await recheck(project)); // now kept with a trusted stamp: nothing read
    expect(read).toBe(0);
    await editKeepingStamp(dir, original.replace('日期: 2024-06-24', '日期: 2024-06-23'));
    ({ incremental, fresh, read } = await recheck(project));
    expect(incremental.content.entries.find((entry) => entry.file === ENTRY)?.data.date).toBe('2024-06-23');
    expect(await summary(incremental)).toEqual(await summary(fresh));

    // Only the changed file (and the racy ones) were read; most files came from the states.
    const states = (await project.checkState()).files;
    expect(read).toBeLessThan(first.content.files.length);
    expect(states.reused).toBeGreaterThan(0);

    // Deleted: the entry is gone, and what depended on it is reported.
    const unpublished = first.content.issues.find(
      (issue) => issue.data.status !== 'published' && issue.data.entries.length > 0,
    )!;
    const listed = first.content.entries.find((entry) => entry.id === unpublished.data.entries[0])!;
    await rm(join(dir, listed.file));
    ({ incremental, fresh } = await recheck(project));
    expect(incremental.content.entries.some((entry) => entry.file === listed.file)).toBe(false);
    expect(incremental.diagnostics.some((d) => d.rule === 'issue/entry-missing')).toBe(true);
    expect(await summary(incremental)).toEqual(await summary(fresh));

    // Renamed: the old id is gone, the new one is there.
    const moved = first.content.entries.find((entry) => entry.file !== listed.file && entry.file !== ENTRY)!;
    const target = moved.file.replace(/\.md$/, '-改名.md');
    await rename(join(dir, moved.file), join(dir, target));
    ({ incremental, fresh } = await recheck(project));
    expect(incremental.content.entries.some((entry) => entry.file === moved.file)).toBe(false);
    expect(incremental.content.entries.some((entry) => entry.file === target)).toBe(true);
    expect(await summary(incremental)).toEqual(await summary(fresh));

    // New file: a pending entry appears.
    const added = 'entries/2024/06/新稿件.md';
    await writeFile(
      join(dir, added),
      '---\n栏目: 工作动态\n日期: 2024-06-28\n单位: 区应急局\n刊物: zhuanbao\n---\n\n6月28日，区应急管理局开展检查。\n',
    );
    ({ incremental, fresh } = await recheck(project));
    expect(incremental.content.entries.some((entry) => entry.file === added)).toBe(true);
    expect(await summary(incremental)).toEqual(await summary(fresh));

    // A settings file changed: entries naming the unit are checked against the new list.
    const units = await readFile(join(dir, 'units.yaml'), 'utf8');
    await writeFile(join(dir, 'units.yaml'), units.replace(/区应急局/g, '区应急管理'));
    ({ incremental, fresh } = await recheck(project));
    expect(incremental.diagnostics.some((d) => d.rule === 'entry/unknown-unit')).toBe(true);
    expect(await summary(incremental)).toEqual(await summary(fresh));
    await writeFile(join(dir, 'units.yaml'), units);

    // An archive record altered, keeping its size: reported as altered.
    const record = first.archive.ledger!.issues[0]!.versions[0]!.file;
    const bytes = await readFile(join(dir, record), 'utf8');
    await writeFile(join(dir, record), bytes.replace('"publishedOn": "', '"publishedOn": "x').replace(/\n$/, ''));
    ({ incremental, fresh } = await recheck(project));
    expect(incremental.diagnostics.some((d) => d.rule === 'archive/snapshot-altered')).toBe(true);
    expect(await summary(incremental)).toEqual(await summary(fresh));
  });
});
