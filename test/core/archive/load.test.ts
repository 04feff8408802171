/**
 * Reading the archive (src/core/archive/load.ts): a record whose bytes are the
 * ledger's (written by publish) is read no further than its summary, found
 * where canonical JSON puts each key; anything laid out otherwise is parsed
 * and validated whole; the issue of a record is validated when first needed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../bench/generate.ts';
import { canonicalSummary, summaryOf } from '../../../src/core/archive/load.ts';
import { snapshotSchema } from '../../../src/core/archive/records.ts';
import { scanRecord } from '../../../src/core/archive/record-scan.ts';
import { checkContent, openProject, UserError } from '../../../src/core/index.ts';
import { FileSystemSource } from '../../../src/core/source/fs.ts';
import { RACY_MS } from '../../../src/core/load/file-states.ts';
import { tempDir } from '../../helpers/index.ts';
import { editFile, sampleCopy } from '../../helpers/workflow.ts';

const RECORD = 'published/zhuanbao/2024-06/1.json';

async function records(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'published'), { recursive: true }))
    .filter((name) => name.endsWith('.json') && name !== 'ledger.json')
    .map((name) => `published/${name}`);
}

/** Point the ledger at the record's bytes as they are now (what a hand edit of both would do). */
async function restamp(dir: string, file: string): Promise<void> {
  const digest = createHash('sha256')
    .update(await readFile(join(dir, file)))
    .digest('hex');
  await editFile(dir, 'published/ledger.json', (text) => {
    const ledger = JSON.parse(text) as { issues: { versions: { file: string; digest: string }[] }[] };
    for (const issue of ledger.issues)
      for (const version of issue.versions) if (version.file === file) version.digest = digest;
    return `${JSON.stringify(ledger, null, 2)}\n`;
  });
}

describe('the summary of a record, read from its bytes', () => {
  it(
    'is what parsing and validating the record gives, for every record publish wrote (sample and generated content)',
    { timeout: 120_000 },
    async () => {
      const generated = join(await tempDir(), 'generated');
      await generate({
        out: generated,
        years: 1,
        issuesPerYear: 6,
        entriesPerIssue: 8,
        pending: 2,
        drafts: 2,
        seed: 3,
        publish: true,
        firstYear: 2022,
      });
      let compared = 0;
      for (const dir of [await sampleCopy(), generated]) {
        for (const file of await records(dir)) {
          const bytes = await readFile(join(dir, file));
          const parsed = summaryOf(snapshotSchema.parse(JSON.parse(bytes.toString('utf8'))));
          expect(parsed.entries.length).toBeGreaterThan(0);
          expect(JSON.stringify(canonicalSummary(bytes)), file).toBe(JSON.stringify(parsed));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(10);
    },
  );

  it('is not taken from bytes laid out otherwise: those records are parsed whole, and check and compile agree', async () => {
    const dir = await sampleCopy();
    const before = JSON.stringify((await openProject(dir).compile()).issues);
    const text = await readFile(join(dir, RECORD), 'utf8');
    const data = JSON.parse(text) as Record<string, unknown>;
    // Minified, four-space indent.
    for (const other of [JSON.stringify(data), JSON.stringify(data, null, 4)]) {
      expect(canonicalSummary(Buffer.from(other))).toBeUndefined();
    }
    // A record of another layout the ledger vouches for still reads back: the same issue, no error.
    await writeFile(join(dir, RECORD), JSON.stringify(data, null, 4));
    await restamp(dir, RECORD);
    const checked = await checkContent(dir);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.stringify((await openProject(dir).compile()).issues)).toBe(before);
  });

  it('leaves the issue to be validated when first needed: a record rewritten by hand with the ledger to match is refused in Chinese, naming the file', async () => {
    const dir = await sampleCopy();
    // Still canonical in layout (the summary reads), but its issue is no compiled issue.
    await editFile(dir, RECORD, (text) => text.replace(/\n {4}"dateText": "[^"\n]*",/, '\n    "dateText": 5,'));
    await restamp(dir, RECORD);
    const refused = await openProject(dir)
      .compile()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).message).toContain(RECORD);
    expect((refused as UserError).message).toContain('不是有效的期刊存档');
    // Altered without the ledger to match: check reports it, as always.
    const altered = await sampleCopy();
    await editFile(altered, RECORD, (text) => text.replace(/\n {4}"dateText": "[^"\n]*",/, '\n    "dateText": 5,'));
    expect((await checkContent(altered)).diagnostics.map((d) => d.rule)).toContain('archive/snapshot-altered');
  });
});

/** The file-system source, counting the records it hashed and scanned on the reader thread. */
class CountingSource extends FileSystemSource {
  scanned = 0;
  override scanRecords(paths: readonly string[]) {
    const started = super.scanRecords(paths);
    return started?.then((map) => {
      this.scanned += map?.size ?? 0;
      return map;
    });
  }
}

describe('records read ahead on the reader thread', () => {
  it(
    'give a cold check exactly the answer reading them on the main thread gives, whatever state the records are in',
    {
      timeout: 120_000,
    },
    async () => {
      const dir = await sampleCopy();
      const files = await records(dir);
      expect(files.length).toBeGreaterThan(2);
      // One intact, one altered after publishing, one gone, one laid out otherwise with the ledger to match,
      // one whose issue lost an entry's id (the ledger to match): each as check has always said.
      const [altered, gone, relaid, idless] = files;
      await editFile(dir, altered!, (text) => text.replace(/\n {4}"dateText": "[^"\n]*",/, '\n    "dateText": "改",'));
      await rm(join(dir, gone!));
      const data = JSON.parse(await readFile(join(dir, relaid!), 'utf8')) as unknown;
      await writeFile(join(dir, relaid!), JSON.stringify(data, null, 4));
      await restamp(dir, relaid!);
      await editFile(dir, idless!, (text) => {
        const list = text.indexOf('\n    "entries": [');
        return text.slice(0, list) + text.slice(list).replace(/\n {8}"id": "[^"\n]*",/, '');
      });
      await restamp(dir, idless!);
      expect(scanRecord(await readFile(join(dir, idless!)))).toBeUndefined();

      const ahead = new CountingSource(dir, true);
      const here = new FileSystemSource(dir, false);
      const read = await checkContent(ahead);
      const plain = await checkContent(here);
      // The reader thread read every record file there is (the ledger still lists the missing one).
      expect(ahead.scanned).toBe(files.length - 1);
      const rules = (result: Awaited<ReturnType<typeof checkContent>>) =>
        result.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}:${d.column} ${d.message}`);
      expect(rules(read)).toEqual(rules(plain));
      expect(rules(read).join('\n')).toContain('archive/snapshot-altered');
      expect(rules(read).join('\n')).toContain('archive/snapshot-missing');
      const summaries = (result: Awaited<ReturnType<typeof checkContent>>) =>
        JSON.stringify([...result.archive.issues].map(([key, issue]) => [key, issue.entries, issue.versions.length]));
      expect(summaries(read)).toBe(summaries(plain));
    },
  );

  it('are not read again by a check whose last run read them unchanged', { timeout: 30_000 }, async () => {
    const dir = await sampleCopy();
    // Settled: changed (ctime, which utimes sets to now) longer ago than the racy window, so the first check's stamps prove them unchanged.
    const past = new Date(Date.now() - 60_000);
    for (const file of await records(dir)) await utimes(join(dir, file), past, past);
    await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
    const source = new CountingSource(dir, true);
    const project = openProject(dir, { source });
    await project.check();
    const first = source.scanned;
    expect(first).toBe((await records(dir)).length);
    project.invalidate();
    await project.check();
    expect(source.scanned).toBe(first);
    // One record touched: only it is read again.
    const [touched] = await records(dir);
    await utimes(join(dir, touched!), past, new Date(Date.now() - 30_000));
    project.invalidate();
    await project.check();
    expect(source.scanned).toBe(first + 1);
  });
});
