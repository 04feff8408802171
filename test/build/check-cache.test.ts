/**
 * The check cache on disk (src/build/check-cache.ts): a second run's check
 * starts from what the first one read, and says exactly what a fresh check
 * says — positions of messages included (their indexes are rebuilt from the
 * files' text) — and a file changed in between is read again.
 */
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCheckCache } from '../../src/build/check-cache.ts';
import { checkContent, openProject } from '../../src/core/index.ts';
import { RACY_MS } from '../../src/core/load/file-states.ts';
import { copyContent, listFiles, ROOT, runCli, tempDir } from '../helpers/index.ts';
import { shown } from '../helpers/content.ts';

/** A new process's project: a fresh project over the same cache folder. */
async function run(dir: string, cacheDir: string) {
  const project = openProject(dir, { checkCache: openCheckCache(dir, { cacheDir, renderer: 'test' }) });
  const result = await project.check();
  await project.saveCheck();
  return { result, files: (await project.checkState()).files };
}

describe('the check cache', () => {
  it('reuses what an earlier run read, and reads what changed since', async () => {
    const dir = await copyContent(join(ROOT, 'content'));
    const cacheDir = await tempDir();
    // Old files, so their stamps are trusted (a file changed within RACY_MS of its stamp is always read again).
    const old = new Date(Date.now() - 3_600_000);
    const first = await checkContent(dir);
    for (const file of [...first.content.files.map((f) => f.path), 'published/ledger.json'])
      await utimes(join(dir, file), old, old);
    await new Promise((done) => setTimeout(done, RACY_MS + 300));

    const cold = await run(dir, cacheDir);
    expect(cold.files.reused).toBe(0);
    const warm = await run(dir, cacheDir);
    expect(warm.files.read).toBe(0);
    expect(warm.files.reused).toBeGreaterThan(50);
    expect(warm.result.diagnostics.map(shown)).toEqual(cold.result.diagnostics.map(shown));

    // An issue lists an entry whose file is deleted: the message's line and column come from the cached issue's text.
    const issue = first.content.issues.find(
      (item) => item.data.status !== 'published' && item.data.entries.length > 1,
    )!;
    const gone = first.content.entries.find((entry) => entry.id === issue.data.entries[1])!;
    const goneText = await readFile(join(dir, gone.file));
    await rm(join(dir, gone.file));
    const after = await run(dir, cacheDir);
    const fresh = await checkContent(dir);
    const missing = after.result.diagnostics.find((d) => d.rule === 'issue/entry-missing');
    expect(missing?.line).toBeGreaterThan(1);
    expect(after.result.diagnostics.map(shown)).toEqual(fresh.diagnostics.map(shown));
    expect(after.files.read).toBe(0);

    // A changed entry is read again (and the restored one); the published issues compile from their records as before.
    await writeFile(join(dir, gone.file), goneText);
    const other = first.content.entries.find((entry) => entry.id === issue.data.entries[0])!;
    const text = await readFile(join(dir, other.file), 'utf8');
    await writeFile(join(dir, other.file), `${text}\n补充一句。\n`);
    const project = openProject(dir, { checkCache: openCheckCache(dir, { cacheDir, renderer: 'test' }) });
    const site = await project.compile();
    expect((await project.checkState()).files.read).toBe(2);
    const compiled = site.issues.find((item) => item.file === issue.file)!;
    expect(JSON.stringify(compiled)).toContain('补充一句');
    const published = site.issues.filter((item) => item.status === 'published');
    expect(published.length).toBeGreaterThan(0);
    const direct = openProject(dir);
    const expected = await direct.compile();
    expect(JSON.stringify(site.issues)).toEqual(JSON.stringify(expected.issues));

    // Another renderer's cache is not used.
    const other2 = openProject(dir, { checkCache: openCheckCache(dir, { cacheDir, renderer: 'other' }) });
    await other2.check();
    expect((await other2.checkState()).files.reused).toBe(0);
  });

  it(
    'with records (the build), the compile reads each unchanged record from the record store; a record published since is parsed from its file',
    { timeout: 120_000 },
    async () => {
      const dir = await copyContent();
      const published = await runCli(['publish', '2024-3', '--content', dir]);
      expect(published.code, published.stdout + published.stderr).toBe(0);
      const cacheDir = await tempDir();
      const project = () =>
        openProject(dir, { checkCache: openCheckCache(dir, { cacheDir, renderer: 'test', records: true }) });
      const compile = async () => {
        const opened = project();
        const site = await opened.compile();
        await opened.saveCheck();
        return site;
      };
      const ageFiles = async () => {
        const old = new Date(Date.now() - 3_600_000);
        for (const file of await listFiles(dir)) await utimes(join(dir, file), old, old);
        await new Promise((done) => setTimeout(done, RACY_MS + 300));
      };
      const store = join(cacheDir, 'check', 'records');
      const kept = async () =>
        (await readdir(store).catch(() => [] as string[])).filter((name) => name.endsWith('.v8'));
      await ageFiles();
      // Cold: the check parses the record, the save keeps its issue.
      const cold = await compile();
      expect(await kept()).toHaveLength(1);
      // Warm: the check takes the record's summary from the check cache, the compile its issue from the store.
      const warm = await compile();
      expect(JSON.stringify(warm)).toEqual(JSON.stringify(cold));
      expect(JSON.stringify(warm)).toEqual(JSON.stringify(await openProject(dir).compile()));

      // An erratum, published again: a second record, parsed from its file and kept; the site shows the correction.
      const entry = join(dir, 'entries/2024/应急检查.md');
      await writeFile(entry, (await readFile(entry, 'utf8')).replace(/。\n*$/, '，共排查隐患12处。\n'));
      const issue = join(dir, 'issues/2024-03.md');
      await writeFile(
        issue,
        (await readFile(issue, 'utf8')).replace(
          /^---\n/,
          '---\nerrata:\n  - { date: 2024-06-20, note: 补充应急检查的隐患数 }\n',
        ),
      );
      const again = await runCli(['publish', '2024-3', '--content', dir]);
      expect(again.code, again.stdout + again.stderr).toBe(0);
      await ageFiles();
      const corrected = await compile();
      expect(JSON.stringify(corrected.issues.find((item) => item.key.endsWith('2024/3')))).toContain('共排查隐患12处');
      expect(await kept()).toHaveLength(2);
      const fresh = await openProject(dir).compile();
      expect(JSON.stringify(corrected)).toEqual(JSON.stringify(fresh));
      expect(JSON.stringify(await compile())).toEqual(JSON.stringify(fresh));

      // The store is what the warm compile reads: an issue kept there under the record's digest is the one compiled.
      const { deserialize, serialize } = await import('node:v8');
      for (const name of await kept()) {
        const kept = deserialize(await readFile(join(store, name))) as { title?: string };
        await writeFile(join(store, name), serialize({ ...kept, title: '取自存档缓存' }));
      }
      expect(JSON.stringify((await compile()).issues)).toContain('取自存档缓存');
    },
  );
});
