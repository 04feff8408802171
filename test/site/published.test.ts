/**
 * A published issue on the built site is its record (issue 11): its page
 * lists its printings (第一次印发, then every version after an erratum with
 * what it corrected); deleting an entry file of the issue leaves its page,
 * print page and PDF identical byte for byte, while editing that entry is an
 * error that check names and build refuses; a photo replaced by a different
 * one of the same byte size is a change too.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseDate } from '../../src/core/index.ts';
import { runCli, tempDir, testBrowser } from '../helpers/index.ts';
import { png } from '../helpers/pictures.ts';
import { build, hashTree, page, texts } from '../helpers/site.ts';
import { checkJson, cli, editFile as edit, sampleCopy, type CheckJson } from '../helpers/workflow.ts';

const ISSUE = 'issues/zhuanbao/2024-06.md';
const ENTRY = 'entries/2024/06/省防汛视频会.md';
const PAGES = ['zhuanbao/2024/6/index.html', 'zhuanbao/2024/6/print/index.html'];
const PDF = 'zhuanbao/2024/6/zhuanbao-2024-6.pdf';

const browser = await testBrowser('已发布期刊的 PDF 逐字节相同');

const errorsOf = (check: CheckJson) => check.diagnostics.filter((d) => d.severity === 'error');

/** Build the site (and the published issue's PDF) of a content directory into a fresh folder. */
async function buildWithPdf(dir: string): Promise<string> {
  const out = join(await tempDir('jianbao-published-'), 'dist');
  const built = await build(dir, out);
  expect(built.code, built.stdout + built.stderr).toBe(0);
  if (browser) {
    const printed = await runCli(['pdf', 'zhuanbao/2024-6', '--content', dir, '--out', out, '--browser', browser]);
    expect(printed.code, printed.stdout + printed.stderr).toBe(0);
  }
  return out;
}

describe('the published issue on the site', () => {
  it('lists its printings: 第一次印发 on its 印发日期, then 勘误后 with the day, the erratum and what it corrected', async () => {
    const dir = await sampleCopy();
    await edit(dir, ENTRY, (t) => t.replace('。', '。补充一句。'));
    await edit(dir, ISSUE, (t) =>
      t.replace('status: published', 'errata:\n  - date: 2025-12-20\n    note: 补充一句话\nstatus: published'),
    );
    const published = await cli(dir, 'publish', 'zhuanbao/2024-6');
    expect(published.code, published.stdout + published.stderr).toBe(0);
    const ledger = JSON.parse(await readFile(join(dir, 'published/ledger.json'), 'utf8')) as {
      issues: { key: string; versions: { publishedOn: string }[] }[];
    };
    const republished = ledger.issues.find((item) => item.key === 'zhuanbao/2024/6')!.versions[1]!.publishedOn;

    const out = join(await tempDir('jianbao-history-'), 'dist');
    expect((await build(dir, out)).code).toBe(0);
    const document = await page(out, 'zhuanbao/2024/6/');
    const items = [...document.querySelectorAll('.issue__history li')];
    expect(items.map((item) => item.getAttribute('data-version'))).toEqual(['1', '2']);
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2024-06-28');
    expect(items[0]!.textContent.replace(/\s+/g, ' ').trim()).toBe('2024年6月28日 第一次印发');
    const second = items[1]!.textContent.replace(/\s+/g, ' ');
    expect(items[1]!.querySelector('time')!.getAttribute('datetime')).toBe(republished);
    expect(second).toContain(`${chineseDate(republished)} 勘误后（第2版）`);
    expect(second).toContain('勘误 2025年12月20日 补充一句话');
    expect(second).toContain('更正：稿件「全省防汛工作视频调度会精神」正文第1段');
    // The errata list and the body show the corrected version.
    expect(texts(document, '.issue__errata li')).toEqual(['2025年12月20日：补充一句话']);
    expect(document.querySelector('.issue')!.textContent).toContain('补充一句。');
    // A draft has no history.
    expect((await page(out, 'jianbao/2025/3/')).querySelector('.issue__history')).toBeNull();
  }, 180_000);

  it('deleting an entry file of the issue leaves its pages and PDF byte for byte; editing the entry is an error build refuses', async () => {
    const intact = await sampleCopy();
    const deleted = await sampleCopy();
    await rm(join(deleted, ENTRY));
    const checked = await checkJson(deleted);
    expect(errorsOf(checked)).toEqual([]);
    expect(checked.diagnostics.filter((d) => d.rule === 'archive/entry-deleted').map((d) => d.message)).toEqual([
      expect.stringContaining(`${ENTRY} 已删除`),
    ]);

    const before = await buildWithPdf(intact);
    const after = await buildWithPdf(deleted);
    for (const file of [...PAGES, ...(browser ? [PDF] : [])]) {
      const [a, b] = [await readFile(join(before, file)), await readFile(join(after, file))];
      expect(b.equals(a), file).toBe(true);
    }
    // The entry is still on the page, from the archive.
    expect((await page(after, 'zhuanbao/2024/6/')).querySelector('.issue')!.textContent).toContain(
      '全省防汛工作视频调度会',
    );

    // Editing the entry instead: check names the change, build refuses and leaves the site as it was.
    const original = await readFile(join(intact, ENTRY), 'utf8');
    await writeFile(join(deleted, ENTRY), original.replace('。', '，'));
    const edited = await checkJson(deleted);
    const errors = errorsOf(edited);
    expect(errors.map((d) => d.rule)).toEqual(['issue/frozen-changed']);
    expect(errors[0]!.message).toContain('稿件「全省防汛工作视频调度会精神」正文第1段');
    const site = await hashTree(after);
    const refused = await build(deleted, after);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('issue/frozen-changed');
    expect(await hashTree(after)).toEqual(site);
  }, 300_000);
});

describe('a photo in a published issue', () => {
  it('replaced by a different picture of the same byte size is a change check names; the same bytes written again are not', async () => {
    const dir = await sampleCopy();
    const blue = png(240, 160, () => [40, 80, 200]);
    const green = png(240, 160, () => [40, 160, 60]);
    expect(green.length).toBe(blue.length);
    expect(green.equals(blue)).toBe(false);
    // The sample's draft issue, jianbao/2025-3 (its other issues are published).
    const entry = 'entries/2025/08/暑期防溺水巡查.md';
    await writeFile(join(dir, 'entries/2025/08/现场.png'), blue);
    await edit(dir, entry, (t) => `${t.trimEnd()}\n\n![调度会现场](./现场.png)\n`);
    const published = await cli(dir, 'publish', 'jianbao/2025-3');
    expect(published.code, published.stdout + published.stderr).toBe(0);
    expect(errorsOf(await checkJson(dir))).toEqual([]);

    await writeFile(join(dir, 'entries/2025/08/现场.png'), Buffer.from(blue));
    expect(errorsOf(await checkJson(dir))).toEqual([]);

    await writeFile(join(dir, 'entries/2025/08/现场.png'), green);
    const errors = errorsOf(await checkJson(dir));
    expect(errors.map((d) => [d.rule, d.file])).toEqual([['issue/frozen-changed', 'issues/jianbao/2025-03.md']]);
    expect(errors[0]!.message).toMatch(/稿件「[^」]+」的图片被更换或增删/);
  }, 120_000);
});
