/**
 * A published issue on the built site is its record (issue 11): its page
 * lists its printings (第一次印发, then every version after an erratum with
 * what it corrected); deleting an entry file of the issue leaves its page,
 * print page and PDF identical byte for byte, while editing that entry is an
 * error that check names and build refuses; a photo replaced by a different
 * one of the same byte size is a change too.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseDate } from '../../src/core/index.ts';
import { tempDir } from '../helpers/index.ts';
import { build, page, texts } from '../helpers/site.ts';
import { cli, sampleCopy } from '../helpers/workflow.ts';

const ISSUE = 'issues/zhuanbao/2024-06.md';
const ENTRY = 'entries/2024/06/省防汛视频会.md';
async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  const before = await readFile(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  await writeFile(path, after);
}

describe('the published issue on the site', () => {
  it('lists its printings: 第一次印发 on its 印发日期, then 勘误后 with the day, the erratum and what it corrected', async () => {
    const dir = await sampleCopy();
    await edit(dir, ENTRY, (t) => t.replace('。', '。补充一句。'));
    await edit(dir, ISSUE, (t) => t.replace('status: published', 'errata:\n  - date: 2025-12-20\n    note: 补充一句话\nstatus: published'));
    const published = await cli(dir, 'publish', 'zhuanbao/2024-6');
    expect(published.code, published.stdout + published.stderr).toBe(0);
    const ledger = JSON.parse(await readFile(join(dir, 'published/ledger.json'), 'utf8')) as { issues: { key: string; versions: { publishedOn: string }[] }[] };
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
    expect((await page(out, 'zhuanbao/2024/7/')).querySelector('.issue__history')).toBeNull();
  }, 180_000);
});
