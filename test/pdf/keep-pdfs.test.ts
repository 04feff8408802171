/**
 * PDFs never vanish silently: a plain build keeps the PDFs of issues whose
 * print page did not change, `pdf ISSUE` after a content change keeps the
 * others, and a PDF that is not kept is named in the output.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyContent, runCli, tempDir, testBrowser } from '../helpers/index.ts';
import { page } from '../helpers/site.ts';

const browser = await testBrowser('保留 PDF 测试');
const PDFS = { old: 'zhuanbao/2024/3/zhuanbao-2024-3.pdf', latest: 'zhuanbao/2024/4/zhuanbao-2024-4.pdf' };

describe.skipIf(!browser)('PDFs across rebuilds', { timeout: 600_000 }, () => {
  it('a plain build keeps unchanged PDFs, names the dropped ones; pdf ISSUE keeps the others', async () => {
    const content = await copyContent();
    const out = join(await tempDir('jianbao-keep-pdfs-'), 'dist');
    const env = { ...process.env, JIANBAO_BROWSER: browser };
    const jianbao = async (...args: string[]) => {
      const result = await runCli([...args, '--content', content, '--out', out], { env });
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      return result.stdout;
    };
    // The issue page's PDF link, and what it should be for a PDF: its path and 下载 PDF（A4，N 页） with N from poppler.
    const pdfLink = async (path: string) => {
      const link = (await page(out, path)).querySelector('[data-pdf-link] a');
      return link ? { href: link.getAttribute('href'), text: link.textContent } : undefined;
    };
    const linkOf = async (file: string) => {
      const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(out, file)], { encoding: 'utf8' }))![1];
      return { href: `/${file}`, text: `下载 PDF（A4，${pages} 页）` };
    };
    const feedEnclosures = async () =>
      [
        ...(await readFile(join(out, 'feed.xml'), 'utf8')).matchAll(
          /<link rel="enclosure" type="application\/pdf" href="([^"]+)" title="([^"]+)"\/>/g,
        ),
      ].map((match) => ({ href: match[1], title: match[2] }));
    const sha = async (file: string) =>
      createHash('sha256')
        .update(await readFile(join(out, file)))
        .digest('hex');

    // A built site without PDFs links none; `pdf 2024-3` on it adds the link to that page and feed entry.
    await jianbao('build', '--drafts');
    expect(await pdfLink('zhuanbao/2024/3/')).toBeUndefined();
    expect(await jianbao('pdf', '--drafts', '2024-3')).not.toContain('先生成站点');
    expect(await pdfLink('zhuanbao/2024/3/')).toEqual(await linkOf(PDFS.old));
    expect(await pdfLink('zhuanbao/2024/4/')).toBeUndefined();
    expect(await feedEnclosures()).toEqual([{ href: `/${PDFS.old}`, title: (await linkOf(PDFS.old)).text }]);

    await jianbao('build', '--pdf', '--drafts');
    const first = { old: await sha(PDFS.old), latest: await sha(PDFS.latest) };
    expect(await pdfLink('zhuanbao/2024/4/')).toEqual(await linkOf(PDFS.latest));

    // A plain build: nothing changed, both PDFs stay as they were.
    expect(await jianbao('build', '--drafts')).toContain('已保留原有的 2 个 PDF（打印页没有改动）。');
    expect(await sha(PDFS.old)).toBe(first.old);
    expect(await sha(PDFS.latest)).toBe(first.latest);

    // An entry of 2024-4 changes: its PDF is out of date and the build says so; 2024-3's stays.
    const entry = join(content, 'entries/2024/青石镇排查.md');
    await writeFile(entry, `${(await readFile(entry, 'utf8')).trimEnd()}\n\n另查处违规经营户三家。\n`);
    const edited = await jianbao('build', '--drafts');
    expect(edited).toContain('已保留原有的 1 个 PDF（打印页没有改动）。');
    expect(edited).toContain(
      '注意：1 期的打印页有改动，原有的 PDF 已过期，没有保留：2024-4。重新生成：jianbao pdf 2024-4',
    );
    expect(await sha(PDFS.old)).toBe(first.old);
    expect(existsSync(join(out, PDFS.latest))).toBe(false);
    expect(await pdfLink('zhuanbao/2024/3/')).toEqual(await linkOf(PDFS.old));
    expect(await pdfLink('zhuanbao/2024/4/')).toBeUndefined();

    // pdf 2024-4 after another change rebuilds the site: 2024-3's PDF survives.
    await writeFile(entry, `${(await readFile(entry, 'utf8')).trimEnd()}\n\n责令限期整改。\n`);
    const printed = await jianbao('pdf', '--drafts', '2024-4');
    expect(printed).toContain('先生成站点');
    expect(printed).toContain('✓ 已生成 1 个 PDF');
    expect(await sha(PDFS.old)).toBe(first.old);
    expect(existsSync(join(out, PDFS.latest))).toBe(true);

    // A build without drafts: the draft issues' PDFs are not carried, and named.
    const published = await jianbao('build');
    expect(published).toContain(
      `注意：2 个 PDF 所属的期刊不在本次生成的站点中（草稿或已删除），没有保留：${PDFS.old}、${PDFS.latest}`,
    );
  });
});
