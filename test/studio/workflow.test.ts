/**
 * 编一期 and 发布 end to end in Chromium over a copy of the sample content:
 * the next issue planned as `new issue` plans it, reordered by 下移 and by
 * dragging, given a 按语, written as `new issue` writes it; published
 * after a confirmation as `publish` does; an erratum added and the issue
 * published again as version 2; 检查 grouped by file, each opening its editor.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../helpers/index.ts';
import { openCompose, openStudio, POLL, type StudioSession } from '../helpers/studio.ts';
import { cli, sampleCopy } from '../helpers/workflow.ts';

const browser = await testBrowser('编辑台编一期、发布的浏览器测试');

describe.skipIf(!browser)('编辑台: compose, publish, erratum, check in Chromium (sample content)', () => {
  let session: StudioSession;
  let dir: string;
  let other: string;
  const issueFile = 'issues/zhuanbao/2025-03.md';

  beforeAll(async () => {
    dir = await sampleCopy();
    other = await sampleCopy();
    session = await openStudio(dir, browser!);
  });
  afterAll(() => session?.close());

  const order = () =>
    session.page.locator('#issue-entries li').evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));

  it('plans the next issue as new issue does, reorders it by button and by drag, and writes the file new issue writes', async () => {
    const { page } = session;
    await openCompose(session, 'zhuanbao', '2025-12-05');
    await expect.poll(() => page.locator('#numbering').textContent(), POLL).toContain('2025年 第3期（总第46期）');

    // The CLI on another copy: the same plan, written.
    const made = await cli(other, 'new', 'issue', '--series', 'zhuanbao', '--date', '2025-12-05');
    expect(made.code).toBe(0);
    const cliText = await readFile(join(other, issueFile), 'utf8');
    const planned = [...cliText.matchAll(/^ {2}- (.+)$/gm)].map((match) => match[1]);
    expect(planned.length).toBeGreaterThanOrEqual(2);
    await expect.poll(order, POLL).toEqual(planned);
    const [a, b] = planned as [string, string];

    // 下移 by keyboard: the first entry goes second, the focus follows it.
    await page
      .getByRole('button', { name: new RegExp(`^下移：`) })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(order, POLL).toEqual([b, a, ...planned.slice(2)]);
    // Drag it back to the top.
    await page.locator(`#issue-entries li[data-id="${a}"]`).dragTo(page.locator(`#issue-entries li[data-id="${b}"]`));
    await expect.poll(order, POLL).toEqual(planned);
    // Removed and added back: it goes to the end.
    await page
      .getByRole('button', { name: /^移出本期：/ })
      .first()
      .click();
    await expect.poll(order, POLL).toEqual(planned.slice(1));
    await page.getByRole('button', { name: /^加入本期：/ }).click();
    await expect.poll(order, POLL).toEqual([...planned.slice(1), a]);

    await page.getByLabel('按语', { exact: true }).fill('编者按：入冬以来，各地燃气事故多发，请各单位抓好落实。');
    await page.getByRole('button', { name: '生成本期' }).click();
    await expect.poll(() => page.locator('#created').textContent(), POLL).toContain(issueFile);
    // new issue's file, with the clerk's order and the 按语 as its body.
    const lines = cliText.split('\n');
    const listed = lines.filter((line) => /^ {2}- /.test(line)).map((line) => line.slice(4));
    expect(listed).toEqual(planned);
    const start = lines.indexOf(`  - ${a}`);
    const expected = [
      ...lines.slice(0, start),
      ...[...planned.slice(1), a].map((id) => `  - ${id}`),
      ...lines.slice(start + planned.length),
    ].join('\n');
    expect(await readFile(join(dir, issueFile), 'utf8')).toBe(
      `${expected}\n编者按：入冬以来，各地燃气事故多发，请各单位抓好落实。\n`,
    );
    expect(session.pageErrors).toEqual([]);
  });

  it('publishes after a confirmation that lists what will be frozen, as jianbao publish does', async () => {
    const { page } = session;
    await page.goto(`${session.studio.origin}/#/publish?ref=${encodeURIComponent('zhuanbao/2025-3')}`);
    await page.getByRole('button', { name: '发布本期' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('发布后将冻结');
    // Nothing is written before the confirmation.
    expect(existsSync(join(dir, 'published/zhuanbao/2025-03/1.json'))).toBe(false);
    // By keyboard: the focus starts on 取消 (a second Enter does not publish); Esc closes, back on 发布本期.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('发布本期');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(existsSync(join(dir, 'published/zhuanbao/2025-03/1.json'))).toBe(false);
    await page.getByRole('button', { name: '发布本期' }).click();
    await page.getByRole('button', { name: '取消' }).click();
    expect(existsSync(join(dir, 'published/zhuanbao/2025-03/1.json'))).toBe(false);
    await page.getByRole('button', { name: '发布本期' }).click();
    await page.getByRole('button', { name: '确认发布' }).click();
    await expect.poll(() => page.locator('#publish-result').textContent(), POLL).toContain('已发布2025年第3期');
    expect(existsSync(join(dir, 'published/zhuanbao/2025-03/1.json'))).toBe(true);
    expect(await readFile(join(dir, issueFile), 'utf8')).toMatch(/\n状态: 已发布\n/);
    const check = await cli(dir, 'check');
    expect(check.stdout).not.toContain('issue/frozen-changed');
  });

  it('adds an erratum to the published issue and publishes it again as version 2', async () => {
    const { page } = session;
    await page.getByLabel('说明', { exact: true }).fill('补充本期按语中的一处说明');
    await page.getByRole('button', { name: '加入勘误' }).click();
    await expect.poll(() => readFile(join(dir, issueFile), 'utf8'), POLL).toContain('补充本期按语中的一处说明');
    expect(await readFile(join(dir, issueFile), 'utf8')).toMatch(
      /\n勘误:\n {2}- 日期: 2025-12-05\n {4}说明: 补充本期按语中的一处说明\n/,
    );
    // The page shows it (re-rendered) before the issue is published again.
    await page.getByRole('listitem').filter({ hasText: '2025-12-05　补充本期按语中的一处说明' }).waitFor();
    await page.getByRole('button', { name: '重新发布（勘误后）' }).click();
    await page.getByRole('button', { name: '确认发布' }).click();
    await expect.poll(() => page.locator('#publish-result').textContent(), POLL).toContain('第 2 版');
    expect(existsSync(join(dir, 'published/zhuanbao/2025-03/2.json'))).toBe(true);
    expect(existsSync(join(dir, 'published/zhuanbao/2025-03/1.json'))).toBe(true);
  });

  it('lists every diagnostic grouped by file; a file opens its editor', async () => {
    const { page } = session;
    // The issue took every pending entry: the content is clean. A file edited outside the studio is seen.
    await mkdir(join(dir, 'entries/2025/12'), { recursive: true });
    await writeFile(
      join(dir, 'entries/2025/12/外部写的稿件.md'),
      '---\n栏目: 工作动态\n日期: 2025-12-04\n单位: 不存在的局\n刊物: zhuanbao\n---\n\n12月4日，测试。\n',
    );
    await expect
      .poll(async () => {
        await page.goto(`${session.studio.origin}/#/entries`);
        await page.goto(`${session.studio.origin}/#/check`);
        await page.locator('.summary').waitFor();
        return page.locator('#main').textContent();
      }, POLL)
      .toContain('不存在的局');
    const check = JSON.parse((await cli(dir, 'check', '--format', 'json')).stdout) as {
      diagnostics: { file: string }[];
    };
    const files = [...new Set(check.diagnostics.map((d) => d.file))].sort();
    const shown = (await page.locator('.check-file h2').allTextContents()).sort();
    expect(shown).toEqual(files);
    const entryFile = files.find((file) => file.startsWith('entries/'))!;
    await page.getByRole('link', { name: entryFile, exact: true }).click();
    await page.waitForURL(/#\/entry\?id=/);
    await page.locator('p.file', { hasText: entryFile }).waitFor();
    await expect.poll(() => page.locator('#f-unit-messages').textContent(), POLL).toContain('不存在的局');
  });

  it('shows the plan for the date chosen last, even when the plan for an earlier choice arrives later', async () => {
    const { page } = session;
    // The answer for the first date is held back until after the second date's plan is shown.
    let held = 0;
    await page.route(/\/api\/issue\/plan\?.*date=2025-11-20/, async (route) => {
      held++;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await openCompose(session, 'zhuanbao', '2025-11-20');
    const field = page.getByLabel('印发日期', { exact: true });
    await field.fill('2025-12-06');
    await field.dispatchEvent('change');
    await expect.poll(() => page.locator('#numbering').textContent(), POLL).toContain('印发日期 2025-12-06');
    await page.waitForTimeout(2500);
    expect(held).toBeGreaterThan(0);
    expect(await page.locator('#numbering').textContent()).toContain('印发日期 2025-12-06');
    await page.unroute(/\/api\/issue\/plan/);
  });
});
