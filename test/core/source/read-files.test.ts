/**
 * Large content directories are read on a worker thread (read-files.ts):
 * the loaded content, diagnostics and their order are exactly those of
 * reading on the main thread, for every rule fixture (unreadable files,
 * binary files, GBK, BOM, CRLF…) and for a generated directory large enough
 * to take the parallel path by itself.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../bench/generate.ts';
import { loadContent } from '../../../src/core/load/content.ts';
import { PARALLEL_READ_FROM } from '../../../src/core/source/read-files.ts';
import { FIXTURES, tempDir } from '../../helpers/index.ts';

const RULES = join(FIXTURES, 'rules');

/** What was loaded, without the source it was read through (which differs in how it reads). */
async function loaded(dir: string, parallelRead?: boolean) {
  const { source: _source, ...content } = await loadContent(dir, parallelRead === undefined ? {} : { parallelRead });
  return content;
}

describe('reading content on a worker thread', () => {
  it.each(readdirSync(RULES))('gives the same content as reading here: %s', async (name) => {
    const dir = join(RULES, name, 'content');
    expect(await loaded(dir, true)).toEqual(await loaded(dir, false));
  });

  it('is taken by itself for a large directory, with the same result', async () => {
    const dir = join(await tempDir('jianbao-parallel-'), 'content');
    const { entries } = await generate({
      out: dir,
      years: 1,
      issuesPerYear: 12,
      entriesPerIssue: 40,
      pending: 5,
      drafts: 5,
      seed: 7,
      publish: true,
    });
    expect(entries).toBeGreaterThanOrEqual(PARALLEL_READ_FROM);
    const parallel = await loaded(dir);
    expect(parallel.entries).toHaveLength(entries);
    expect(parallel).toEqual(await loaded(dir, false));
  });
});
