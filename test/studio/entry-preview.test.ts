/**
 * The entry editor's live preview shows the entry's images, served as the
 * print preview serves them (print-preview.ts): by the name the site gives
 * them (media/<hash>.<ext>), with the token, never by a path the request
 * names. In headless Chromium over a copy of the sample content.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_PATH } from '../../src/studio/print-preview.ts';
import { ROOT, testBrowser } from '../helpers/index.ts';
import { photo } from '../helpers/pictures.ts';
import { openStudio, POLL, expectNotServed, rawGet, type StudioSession } from '../helpers/studio.ts';
import { cli, sampleCopy } from '../helpers/workflow.ts';

const browser = await testBrowser('编辑台稿件预览的浏览器测试');

describe.skipIf(!browser)('编辑台: the entry preview shows the entry images (sample content)', () => {
  let session: StudioSession;
  let dir: string;
  let id: string;

  beforeAll(async () => {
    dir = await sampleCopy();
    const made = await cli(
      dir,
      'new',
      'entry',
      '--series',
      'jianbao',
      '--section',
      '工作动态',
      '--unit',
      '应急局',
      '--date',
      '2025-11-28',
      '--title',
      '区应急管理局检查危化品仓库',
    );
    expect(made.code).toBe(0);
    const file = made.stdout.trim().split('\n')[0]!;
    id = file.slice(file.indexOf('entries/') + 'entries/'.length, -'.md'.length);
    await writeFile(join(dir, 'entries/2025/11/仓库检查.png'), photo());
    await writeFile(file, `${await readFile(file, 'utf8')}检查了危化品仓库。\n\n![仓库检查现场](仓库检查.png)\n`);
    session = await openStudio(dir, browser!);
  });
  afterAll(() => session?.close());

  const raw = (path: string, token = true) => rawGet(session.studio, path, token);

  it('decodes the image beside the entry file in the preview, as the clerk types', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${session.studio.origin}/#/entry?id=${encodeURIComponent(id)}`);
    const image = page.locator('#preview figure img');
    await expect.poll(() => image.count(), POLL).toBe(1);
    expect(await image.getAttribute('alt')).toBe('仓库检查现场');
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), POLL)
      .toBe(240);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(160);
    const src = (await image.getAttribute('src'))!;
    expect(src).toMatch(new RegExp(`^${PREVIEW_PATH}media/[0-9a-f]{12}\\.png$`));
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'studio-entry-preview-image.png') });

    // An image the clerk adds while typing (the same photo under a second name) shows too.
    await writeFile(join(dir, 'entries/2025/11/仓库检查二.png'), photo());
    const body = page.getByLabel('正文', { exact: true });
    await body.fill(`${await body.inputValue()}\n![第二张](仓库检查二.png)\n`);
    await expect.poll(() => image.count(), POLL).toBe(2);
    await expect
      .poll(() => image.nth(1).evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), POLL)
      .toBe(240);
    expect(session.pageErrors).toEqual([]);
  });

  it('serves the preview image only with the token and only by its name', async () => {
    const src = (await session.page.locator('#preview figure img').first().getAttribute('src'))!;
    const served = await raw(src);
    expect(served.status).toBe(200);
    expect(served.type).toBe('image/png');
    expect(served.body.equals(photo())).toBe(true);
    expect((await raw(src, false)).status).toBe(401);
    const name = src.slice(`${PREVIEW_PATH}media/`.length);
    await expectNotServed(
      session.studio,
      [
        `${PREVIEW_PATH}media/entries/2025/11/${encodeURIComponent('仓库检查.png')}`,
        `${PREVIEW_PATH}media/${encodeURIComponent('仓库检查.png')}`,
        `${PREVIEW_PATH}media/../../../../entries/2025/11/${encodeURIComponent('仓库检查.png')}`,
        `${PREVIEW_PATH}media/%2e%2e/%2e%2e/entries/2025/11/${encodeURIComponent('仓库检查.png')}`,
        `${PREVIEW_PATH}media/${name}/../../../../../etc/passwd`,
        `${PREVIEW_PATH}media/${name.toUpperCase()}`,
      ],
      photo(),
    );
    // Named by its path in the body, the image is not shown either: an image outside the content is refused.
    const outside = await session.page.evaluate(async () => {
      const response = await fetch('/api/entry/check', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ form: { body: '![x](../../../../../etc/passwd)' } }),
      });
      return ((await response.json()) as { preview: string }).preview;
    });
    expect(outside).not.toContain('<img');
  });
});
