/**
 * 编一期's print preview in Chromium over a copy of the sample content: the
 * issue as it would be written, rendered as the site's print page (草稿
 * mark, 报头 with the next 期号, 版记 laid out by the print page's script),
 * following the order and the 按语 as the clerk changes them, with nothing
 * written until 生成本期 — and then exactly the print sheet of the file
 * 生成本期 wrote, compiled as the site compiles it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/index.ts';
import { PREVIEW_PATH, previewDocument } from '../../src/studio/print-preview.ts';
import { ROOT, testBrowser } from '../helpers/index.ts';
import { photo } from '../helpers/pictures.ts';
import { openCompose, openStudio, POLL, expectNotServed, rawGet, type StudioSession } from '../helpers/studio.ts';
import { cli, sampleCopy } from '../helpers/workflow.ts';

const browser = await testBrowser('编辑台打印预览的浏览器测试');

describe.skipIf(!browser)('编辑台: the print preview of 编一期 (sample content)', () => {
  let session: StudioSession;
  let dir: string;
  const issueFile = 'issues/zhuanbao/2025-03.md';
  let photoEntry: string;

  beforeAll(async () => {
    dir = await sampleCopy();
    // Two more pending 工作动态 of 专报: in the sections layout, only entries of one section change places in print.
    for (const [title, day] of [
      ['东城街道开展燃气安全入户检查', '2025-11-20'],
      ['区应急管理局开展岁末年初安全生产督查', '2025-11-25'],
    ] as const) {
      expect(
        (
          await cli(
            dir,
            'new',
            'entry',
            '--series',
            'zhuanbao',
            '--section',
            '工作动态',
            '--unit',
            '应急局',
            '--date',
            day,
            '--title',
            title,
          )
        ).code,
      ).toBe(0);
    }
    // A 简报 entry with a photo next to it (the only pending entry of 简报).
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
    photoEntry = made.stdout.trim().split('\n')[0]!;
    await writeFile(join(dir, 'entries/2025/11/仓库检查.png'), photo());
    await writeFile(
      photoEntry,
      `${await readFile(photoEntry, 'utf8')}检查了危化品仓库。\n\n![仓库检查现场](仓库检查.png)\n`,
    );
    session = await openStudio(dir, browser!);
  });
  afterAll(() => session?.close());

  const frame = async (): Promise<Frame> => {
    const handle = await session.page.locator('#print-preview').elementHandle();
    return (await handle.contentFrame())!;
  };
  /** The preview's entries in print order (their anchors), once its layout script has run. */
  const printed = async () => {
    const preview = await frame();
    return preview.evaluate(() =>
      document.documentElement.dataset.printLayout === 'done'
        ? [...document.querySelectorAll('article.entry')].map((item) => item.id)
        : [],
    );
  };
  const listed = () =>
    session.page
      .locator('#issue-entries li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));

  it('shows the next issue as its print page, follows the order and the 按语, and writes nothing before 生成本期', async () => {
    const { page } = session;
    await openCompose(session, 'zhuanbao', '2025-12-05');
    await expect.poll(() => page.locator('#numbering').textContent(), POLL).toContain('2025年 第3期（总第46期）');
    await expect
      .poll(() => page.locator('#preview-status').textContent(), POLL)
      .toMatch(/2025年 第3期（总第46期）（草稿），共 \d+ 页 A4/);

    const preview = await frame();
    // The print page's sheet: the draft mark, the masthead with the next numbers, the 版记 placed by layout.ts.
    expect(await preview.locator('.draft-mark').textContent()).toBe('草稿');
    expect(await preview.locator('.masthead-number').textContent()).toBe('2025年 第3期（总第46期）');
    expect(await preview.locator('.masthead-name').getAttribute('aria-label')).toBe('示例区安全生产工作专报');
    expect(await preview.locator('.colophon').count()).toBe(1);
    expect(Number(await preview.evaluate(() => document.documentElement.dataset.pages))).toBeGreaterThanOrEqual(1);

    // The two 工作动态 added above, next to each other in the list and in print.
    const order = await listed();
    const updates = order.filter((id) => /燃气安全入户检查|岁末年初安全生产督查|养老机构消防检查/.test(id));
    expect(updates.length).toBe(3);
    const before = await printed();
    expect(before.length).toBe(order.length);
    const first = order.findIndex((id, index) => updates.includes(id) && updates.includes(order[index + 1] ?? ''));
    expect(first).toBeGreaterThanOrEqual(0);
    const [a, b] = [order[first]!, order[first + 1]!];
    const at = (list: string[], id: string) => list.findIndex((anchor) => anchor.includes(id.split('/').at(-1)!));
    expect(at(before, a)).toBeLessThan(at(before, b));

    // 下移 by keyboard: the preview follows, the two 工作动态 change places in print.
    await page.locator(`#issue-entries li[data-id="${a}"] button.down`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(listed, POLL).toEqual([...order.slice(0, first), b, a, ...order.slice(first + 2)]);
    await expect
      .poll(async () => {
        const now = await printed();
        return now.length === before.length && at(now, b) < at(now, a);
      }, POLL)
      .toBe(true);

    // The 按语 appears in print, above the entries.
    const note = '编者按：岁末年初，燃气和消防安全形势严峻，请各单位对照本期抓好落实。';
    await page.getByLabel('按语', { exact: true }).fill(note);
    await expect
      .poll(
        async () =>
          (await frame()).evaluate(() =>
            document.documentElement.dataset.printLayout === 'done'
              ? (document.querySelector('.flow > .note')?.textContent ?? '')
              : '',
          ),
        POLL,
      )
      .toBe(note);

    // The preview is reached by keyboard: Tab from 生成本期 lands on its scroll box.
    await page.getByRole('button', { name: '生成本期' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('打印预览');
    // Then the same document at full size, in a tab of its own.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('在新窗口中按原大查看');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
    await tab.waitForFunction(() => document.documentElement.dataset.preview === 'ready', null, POLL);
    expect(await tab.locator('.masthead-number').textContent()).toBe('2025年 第3期（总第46期）');
    expect(new URL(tab.url()).pathname).toBe(
      new URL(await page.locator('#print-preview').evaluate((element: HTMLIFrameElement) => element.src)).pathname,
    );
    await tab.close();

    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'studio-print-preview.png') });

    // Nothing written yet.
    expect(existsSync(join(dir, issueFile))).toBe(false);
    const shownOrder = await printed();
    const shown = await page.evaluate(() =>
      fetch((document.getElementById('print-preview') as HTMLIFrameElement).src).then((response) => response.text()),
    );

    await page.getByRole('button', { name: '生成本期' }).click();
    await expect.poll(() => page.locator('#created').textContent(), POLL).toContain(issueFile);
    expect(existsSync(join(dir, issueFile))).toBe(true);
    // What was previewed is the print sheet of the file written, compiled as the site compiles it.
    const site = await openProject(dir).compile();
    const issue = site.issues.find((item) => item.file === issueFile)!;
    expect(issue.entries.map((entry) => entry.anchor)).toEqual(shownOrder);
    expect(previewDocument(issue, PREVIEW_PATH)).toBe(shown);
    expect(session.pageErrors).toEqual([]);
  });

  it('refuses a preview request without the token or from another site, as every request', async () => {
    const url = `${session.studio.origin}/api/issue/preview`;
    const body = JSON.stringify({ series: 'zhuanbao', date: '2025-12-05', entries: [], note: '' });
    const noToken = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: session.studio.origin },
      body,
    });
    expect(noToken.status).toBe(401);
    const crossSite = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'http://evil.example',
        'x-jianbao-token': session.studio.token,
      },
      body,
    });
    expect(crossSite.status).toBe(403);
    const ok = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: session.studio.origin,
        'x-jianbao-token': session.studio.token,
      },
      body,
    });
    expect(ok.status).toBe(200);
    const { url: documentUrl } = (await ok.json()) as { url: string };
    expect((await fetch(`${session.studio.origin}${documentUrl}`)).status).toBe(401);
    expect(
      (await fetch(`${session.studio.origin}${documentUrl}`, { headers: { 'x-jianbao-token': session.studio.token } }))
        .status,
    ).toBe(200);
  });

  const raw = (path: string, token = true) => rawGet(session.studio, path, token);

  it("shows the entries' images, and serves no other file of the machine or the content", async () => {
    const { page } = session;
    await openCompose(session, 'jianbao', '2025-12-05');
    await expect
      .poll(() => page.locator('#preview-status').textContent(), POLL)
      .toMatch(/2025年 第4期（草稿），共 \d+ 页 A4/);
    const preview = await frame();
    const image = preview.locator('.flow figure img');
    expect(await image.count()).toBe(1);
    expect(await image.getAttribute('alt')).toBe('仓库检查现场');
    // Loaded and decoded in the preview: the photo's own size.
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), POLL)
      .toBe(240);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(160);
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'studio-print-preview-image.png') });

    const src = (await image.getAttribute('src'))!;
    expect(src).toMatch(new RegExp(`^${PREVIEW_PATH}media/[0-9a-f]{12}\\.png$`));
    const served = await raw(src);
    expect(served.status).toBe(200);
    expect(served.type).toBe('image/png');
    expect(served.body.equals(photo())).toBe(true);
    // The token is needed, as for every request.
    expect((await raw(src, false)).status).toBe(401);

    // Only names a preview shows: no path of the content, nothing outside it, no listing.
    const secret = join(dir, '..', 'secret.png');
    await writeFile(secret, photo());
    const name = src.slice(`${PREVIEW_PATH}media/`.length);
    await expectNotServed(
      session.studio,
      [
        `${PREVIEW_PATH}media/`,
        `${PREVIEW_PATH}media`,
        `${PREVIEW_PATH}media/entries/2025/11/${encodeURIComponent('仓库检查.png')}`,
        `${PREVIEW_PATH}media/../../../../secret.png`,
        `${PREVIEW_PATH}media/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.png`,
        `${PREVIEW_PATH}media/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.png`,
        `${PREVIEW_PATH}media/..%5c..%5c..%5c..%5csecret.png`,
        `${PREVIEW_PATH}media/${encodeURIComponent(secret)}`,
        `${PREVIEW_PATH}media//etc/passwd`,
        `${PREVIEW_PATH}media/${name}/../../../../../secret.png`,
        `${PREVIEW_PATH}media/${name.toUpperCase()}`,
        `${PREVIEW_PATH}media/${name}%00.png`,
      ],
      photo(),
    );

    // The photo's file swapped for a link to the same bytes outside the content: refused, though its hash still matches.
    const inside = join(dir, 'entries/2025/11/仓库检查.png');
    await rm(inside);
    await symlink(secret, inside);
    const linked = await raw(src);
    expect(linked.status).toBe(404);
    expect(linked.body.equals(photo())).toBe(false);
    // A changed file is not served under the old name either.
    await rm(inside);
    await writeFile(inside, Buffer.concat([photo(), Buffer.from('changed')]));
    expect((await raw(src)).status).toBe(404);
    expect(session.pageErrors).toEqual([]);
  });
});
