/**
 * The check state's plain form (what the CLI and the build keep on disk):
 * serialised and restored, every kept file reads back as it was — the
 * bodies kept as offsets into their file's text, the common entries in
 * columns, the records' sources kept as references to the files' texts —
 * and a check starting from it gives a fresh check's results.
 */
import { deserialize, serialize } from 'node:v8';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, openProject } from '../../src/core/index.ts';
import { plainCheckState, restoreCheckState } from '../../src/core/check-state.ts';
import type { SnapshotRead } from '../../src/core/archive/load.ts';
import type { MarkdownLoad } from '../../src/core/load/content.ts';
import { sampleCopy } from '../helpers/workflow.ts';

/** A kept value without what the plain form leaves out on purpose (position indexes, record issues). */
function comparable(path: string, value: unknown): unknown {
  if (path.startsWith('published/')) {
    const { snapshot: _issue, ...summary } = value as SnapshotRead;
    return summary;
  }
  const load = value as MarkdownLoad<unknown>;
  if (!load.parsed) return value;
  return { ...load, parsed: { ...load.parsed, positions: undefined } };
}

describe('check state on disk', () => {
  it('restores every kept file as it was read, and checks as a fresh check does', async () => {
    const dir = await sampleCopy();
    // A record whose sources are today's files (the plain form keeps them as references).
    await openProject(dir).publish('jianbao/2025-3', { today: '2025-12-05' });
    const edited = 'entries/2025/11/养老机构消防检查.md';
    // Files off the common case, kept field by field: Windows line ends, a BOM, an image.
    const entry = (title: string, body: string) =>
      `---\nsection: 工作动态\ntitle: ${title}\ndate: 2025-11-20\nunit: 应急管理局\n---\n\n${body}\n`;
    const uncommon = {
      'entries/2025/11/换行.md': entry('换行', '正文。').replaceAll('\n', '\r\n'),
      'entries/2025/11/字节顺序标记.md': `\uFEFF${entry('字节顺序标记', '正文。')}`,
      'entries/2025/11/图片.md': entry('图片', '![现场](images/现场.png)'),
    };
    for (const [file, text] of Object.entries(uncommon)) await writeFile(join(dir, file), text);
    const project = openProject(dir);
    await project.check();
    const state = await project.checkState();
    const plainState = plainCheckState(state);
    const inColumns = new Set(plainState.markdown.paths);
    expect(inColumns.has(edited)).toBe(true);
    expect([...inColumns].filter((path) => path.startsWith('entries/')).length).toBeGreaterThan(10);
    for (const file of Object.keys(uncommon).slice(0, 2)) expect(inColumns.has(file), file).toBe(false);
    const plain = serialize(plainState);
    const restored = restoreCheckState(deserialize(plain) as ReturnType<typeof plainCheckState>);
    const before = new Map([...state.files.entries()].map(([path, kept]) => [path, kept.value]));
    const after = new Map([...restored.files.entries()].map(([path, kept]) => [path, kept.value]));
    expect([...after.keys()]).toEqual([...before.keys()]);
    let references = 0;
    for (const [path, value] of before) {
      expect(comparable(path, after.get(path)), path).toEqual(comparable(path, value));
      const sources = (value as Partial<SnapshotRead>).summary?.sources;
      if (sources)
        for (const [file, text] of Object.entries(sources.files))
          if ((before.get(file) as MarkdownLoad<unknown> | undefined)?.read.source?.text === text) references++;
    }
    expect(references).toBeGreaterThan(0);
    // The lint findings' inputs are still the very data objects of the files restored.
    const linted = [...restored.lint].filter(([file]) => inColumns.has(file));
    expect(linted.length).toBeGreaterThan(0);
    for (const [file, { from }] of linted)
      expect(from[0]).toBe((after.get(file) as MarkdownLoad<unknown>).parsed!.data);
    // Smaller than the same state with every body and source text in full.
    const full = serialize({
      files: [...state.files.entries()].map(([path, kept]) => [path, { ...kept, value: comparable(path, kept.value) }]),
    });
    expect(plain.length).toBeLessThan(full.length);

    // Checks from the restored state see what a fresh check sees, an edit included.
    await writeFile(join(dir, edited), '---\r\nsection: 本地动态\r\n---\r\n正文。\r\n');
    const fresh = await checkContent(dir);
    const again = await checkContent(dir, restored);
    expect(again.diagnostics).toEqual(fresh.diagnostics);
    expect(again.content.entries.map((entry) => [entry.id, entry.body])).toEqual(
      fresh.content.entries.map((entry) => [entry.id, entry.body]),
    );
  });
});
