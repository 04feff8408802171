/**
 * 生成 in Chromium: the Word file of one issue made by `jianbao docx` in a
 * child process (which builds the site first), its messages shown as the
 * progress, and a link that downloads the real .docx.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../helpers/index.ts';
import { openStudio, type StudioSession } from '../helpers/studio.ts';
import { sampleCopy } from '../helpers/workflow.ts';

const browser = await testBrowser('编辑台生成 Word 文件的浏览器测试');

describe.skipIf(!browser)('编辑台: 生成 one issue’s Word file (sample content)', () => {
  let session: StudioSession;
  let dir: string;

  beforeAll(async () => {
    dir = await sampleCopy();
    session = await openStudio(dir, browser!);
  });
  afterAll(() => session?.close());

  it('runs jianbao docx for the chosen issue, shows its progress and links the file', async () => {
    const { page } = session;
    await page.goto(`${session.studio.origin}/#/generate?ref=${encodeURIComponent('zhuanbao/2024-6')}`);
    await page.getByRole('button', { name: '生成本期 Word 文件' }).click();
    await page.locator('#job-log').waitFor({ state: 'visible' });
    await page.locator('#job-state', { hasText: '已完成' }).waitFor({ timeout: 280_000 });
    expect(await page.locator('#job-log').textContent()).toContain('已生成 1 个 Word 文件');
    const link = page.getByRole('link', { name: 'Word 文件' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe('/api/out/zhuanbao/2024/6/zhuanbao-2024-6.docx');
    const reply = await page.request.get(`${session.studio.origin}${href}`);
    expect(reply.status()).toBe(200);
    const bytes = await reply.body();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(existsSync(join(dir, '..', 'dist', 'zhuanbao/2024/6/zhuanbao-2024-6.docx'))).toBe(true);
    // The content directory got nothing: the site is written beside it.
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
