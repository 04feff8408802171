/**
 * Every HTML page of two real builds — the sample content and a small
 * generated corpus — against the digests recorded before the issue model
 * and the project context replaced the HTML-shaped compile (issue 10).
 * Refactoring the pipeline must not change one byte of any page, except the
 * pages listed in INTENDED, whose wording order issue 10 changes on purpose;
 * for those the test checks the new wording instead.
 *
 * Recorded again for issue 15 (print: 版记 on the last side, draft mark,
 * titles that break between words): the print pages' markup, the titles'
 * <wbr> and the stylesheets (so every page's stylesheet link) changed on
 * purpose; INTENDED's pages keep their wording check.
 *
 * Recorded again for issue 13, whose changes are meant to show on pages:
 * every issue page carries the slot of its PDF link, the 调研指导 lead-in
 * has no space after the bold names, and lines typed one under another join
 * without a space (or start a paragraph). The INTENDED pages keep their
 * wording check below.
 *
 * Recorded again for issue 13's search item: the issue pages mark the
 * masthead data-pagefind-ignore and weight titles and 【栏目】 headings for
 * search, the search page has its own results list, and the stylesheet (so
 * every web page's stylesheet link) changed; print pages did not.
 *
 * Record again (only when a page is meant to change, and say so in the commit):
 *   JIANBAO_RECORD_DIGESTS=1 npx vitest run test/site/page-digests.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { FIXTURES, listFiles, SAMPLE_CONTENT, tempDir } from '../helpers/index.ts';
import { build, page, texts } from '../helpers/site.ts';

const FIXTURE = join(FIXTURES, 'page-digests.json');
const RECORD = process.env.JIANBAO_RECORD_DIGESTS === '1';

/** The generated corpus: one year, small enough for a test, every kind of markup the generator writes. */
const GENERATED = {
  years: 1,
  issuesPerYear: 12,
  entriesPerIssue: 12,
  pending: 4,
  drafts: 3,
  seed: 7,
  publish: true,
  firstYear: 2021,
};

/**
 * Print pages whose 版记 names 编辑/审核/签发: before issue 10 the print page
 * listed them 签发·审核·编辑 and the web page 编辑·审核·签发; both now say
 * 编辑·审核·签发, the order the work is done in and the order the web page
 * always used.
 */
const INTENDED: Record<string, string[]> = {
  sample: [
    'jianbao/2024/1/print/index.html',
    'jianbao/2024/2/print/index.html',
    'jianbao/2025/1/print/index.html',
    'jianbao/2025/2/print/index.html',
    'jianbao/2025/3/print/index.html',
    'zhuanbao/2024/6/print/index.html',
    'zhuanbao/2024/7/print/index.html',
    'zhuanbao/2024/8/print/index.html',
    'zhuanbao/2025/1/print/index.html',
    'zhuanbao/2025/2/print/index.html',
  ],
  generated: [],
};

type Digests = Record<string, Record<string, string>>;

async function pageDigests(dir: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    if (file.endsWith('.html'))
      digests[file] = createHash('sha256')
        .update(await readFile(join(dir, file)))
        .digest('hex');
  }
  return digests;
}

const built: Record<string, string> = {};

beforeAll(async () => {
  const work = await tempDir('jianbao-digests-');
  const generated = join(work, 'generated');
  await generate({ out: generated, ...GENERATED });
  for (const [name, content] of [
    ['sample', SAMPLE_CONTENT],
    ['generated', generated],
  ] as const) {
    const out = join(work, `${name}-dist`);
    const result = await build(content, out);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    built[name] = out;
  }
  if (RECORD) {
    const digests: Digests = {};
    for (const [name, dir] of Object.entries(built)) digests[name] = await pageDigests(dir);
    await writeFile(FIXTURE, `${JSON.stringify(digests, null, 1)}\n`);
  }
});

afterAll(() => {
  if (RECORD) console.warn(`已重新记录 ${FIXTURE}`);
});

describe('every page is the page recorded before issue 10', () => {
  for (const name of ['sample', 'generated']) {
    it(`${name}: same pages, byte for byte, except the intended ones`, async () => {
      expect(existsSync(FIXTURE)).toBe(true);
      const recorded = (JSON.parse(await readFile(FIXTURE, 'utf8')) as Digests)[name]!;
      const now = await pageDigests(built[name]!);
      expect(Object.keys(now).sort()).toEqual(Object.keys(recorded).sort());
      const changed = Object.keys(now)
        .filter((file) => now[file] !== recorded[file])
        .sort();
      if (RECORD) return;
      expect(changed.filter((file) => !INTENDED[name]!.includes(file))).toEqual([]);
    });
  }

  it('the intended pages say 编辑·审核·签发 in print as on the web', async () => {
    const recorded = (JSON.parse(await readFile(FIXTURE, 'utf8')) as Digests).sample!;
    const now = await pageDigests(built.sample!);
    for (const file of INTENDED.sample!) {
      expect(now[file], file).toBe(recorded[file]);
      const print = await page(built.sample!, file);
      const web = await page(built.sample!, file.replace('print/index.html', ''));
      const printStaff = texts(print, '.colophon .staff .item');
      const webStaff = (web.querySelector('.issue__staff')?.textContent ?? '').split('　').filter(Boolean);
      expect(printStaff.length, file).toBeGreaterThan(0);
      expect(printStaff, file).toEqual(webStaff);
      const order = printStaff.map((item) => item.slice(0, 2));
      expect(order, file).toEqual(['编辑', '审核', '签发'].filter((label) => order.includes(label)));
    }
  });
});
