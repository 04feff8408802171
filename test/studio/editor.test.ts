/**
 * The entry editor end to end, in headless Chromium over a copy of the
 * sample content: a mistake shown in Chinese at its field, fixed through
 * the unit picker (住建 → 区住房和城乡建设局), saved to the very file
 * `jianbao new entry` writes; Word HTML pasted and cleaned; a file changed
 * on disk meanwhile shown as a conflict and never overwritten; a published
 * entry read-only with the erratum path explained.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../helpers/index.ts';
import { fieldMessages, openStudio, POLL, type StudioSession } from '../helpers/studio.ts';
import { cli, sampleCopy } from '../helpers/workflow.ts';

const browser = await testBrowser('编辑台的浏览器测试');

/** What Word puts on the clipboard (trimmed): Office namespaces, MsoNormal, o:p, conditional comments, a source line. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:"";} --></style></head>
<body lang=ZH-CN><!--StartFragment-->
<p class=MsoNormal><span style='font-family:仿宋_GB2312'>来源：区住建局　　责任编辑：张三<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312;mso-bidi-font-family:宋体'>12月3日，区住房和城乡建设局组织开展城镇燃气安全专项检查,共检查餐饮场所<span lang=EN-US>26</span>家，发现隐患<span lang=EN-US>9</span>处，已全部督促整改。<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><![if !supportLists]><span lang=EN-US>一、</span><![endif]><span style='font-family:黑体'>下一步工作<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-family:仿宋_GB2312'>持续开展“回头看”，确保隐患动态清零。<o:p></o:p></span></p>
<!--EndFragment--></body></html>`;

describe.skipIf(!browser)('编辑台: the entry editor in Chromium (sample content)', () => {
  let session: StudioSession;
  let dir: string;
  let createdId: string;

  beforeAll(async () => {
    dir = await sampleCopy();
    session = await openStudio(dir, browser!);
  });
  afterAll(() => session?.close());

  it('keeps a new form quiet until the clerk types, and Tab past 单位 leaves no list open', async () => {
    const { page } = session;
    const checked = page.waitForResponse((response) => response.url().includes('/api/entry/check'));
    await page.goto(`${session.studio.origin}/#/new`);
    // The check has answered (an empty form has its mistakes), yet no field of the empty form is red.
    expect(JSON.stringify(await (await checked).json())).toContain('缺少报送单位');
    await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
    for (const label of ['栏目', '单位', '日期']) expect(await fieldMessages(page, label), label).toBe('');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    // By keyboard: into 单位 and straight on; its list of units must not open behind the focus.
    await page.getByLabel('日期', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-unit');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-people');
    // Long enough for the units' answer to have come (the picker waits 150 ms, then asks the server).
    await page.waitForResponse((response) => response.url().includes('/api/units'));
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    expect(await page.locator('#f-unit-list').isHidden()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-status');
    // A field the clerk changed speaks at once; 保存 makes every field speak.
    await page.getByLabel('日期', { exact: true }).fill('2025-13-40');
    await expect.poll(() => fieldMessages(page, '日期'), POLL).toContain('无效');
    expect(await fieldMessages(page, '单位')).toBe('');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => fieldMessages(page, '单位'), POLL).toContain('缺少报送单位');
    expect(session.pageErrors).toEqual([]);
  });

  it('shows a mistake in Chinese at its field, then saves the file `new entry` writes', async () => {
    const { page } = session;
    await page.goto(`${session.studio.origin}/#/new`);
    await page.getByLabel('刊物', { exact: true }).selectOption('zhuanbao');
    await page.getByLabel('栏目', { exact: true }).selectOption('工作动态');
    await page.getByLabel('日期', { exact: true }).fill('2025-12-03');
    await page.getByLabel('标题', { exact: true }).fill('区住建局开展城镇燃气安全专项检查');
    // The mistake: a unit units.yaml does not know.
    await page.getByLabel('单位', { exact: true }).fill('住建委');
    await page.keyboard.press('Escape');
    await expect.poll(() => fieldMessages(page, '单位'), POLL).toContain('报送单位「住建委」不在 units.yaml 中');
    // Saving is refused, the message stays at the field.
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => fieldMessages(page, '单位'), POLL).toContain('不在 units.yaml 中');
    expect(await page.getByLabel('单位', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // The fix, by keyboard: typing 住建 offers 区住房和城乡建设局 (the CLI prompt's matcher); Enter takes it.
    await page.getByLabel('单位', { exact: true }).fill('住建');
    await page.getByRole('option', { name: /区住房和城乡建设局/ }).waitFor();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('单位', { exact: true }).inputValue()).toBe('区住房和城乡建设局');
    await expect.poll(() => fieldMessages(page, '单位'), POLL).toBe('');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/entry\?id=/);
    createdId = decodeURIComponent(new URL(page.url()).hash.replace('#/entry?id=', ''));
    expect(createdId).toMatch(/^2025\/12\//);

    // The same request through the CLI on another copy writes the same path and the same bytes.
    const other = await sampleCopy();
    const made = await cli(
      other,
      'new',
      'entry',
      '--series',
      'zhuanbao',
      '--section',
      '工作动态',
      '--unit',
      '住建局',
      '--date',
      '2025-12-03',
      '--title',
      '区住建局开展城镇燃气安全专项检查',
    );
    expect(made.code).toBe(0);
    const file = `entries/${createdId}.md`;
    expect(made.stdout.trim().endsWith(file)).toBe(true);
    expect(await readFile(join(dir, file), 'utf8')).toBe(await readFile(join(other, file), 'utf8'));
    expect(session.pageErrors).toEqual([]);
  });

  it('cleans Word HTML pasted into 正文 through the import cleaner, and saves it', async () => {
    const { page } = session;
    // The saved entry is open in the editor now.
    await page.locator('p.file', { hasText: `entries/${createdId}.md` }).waitFor();
    const body = page.getByLabel('正文', { exact: true });
    await body.fill('');
    await body.focus();
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'plain');
      document
        .getElementById('f-body')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    await expect.poll(() => body.inputValue(), POLL).toContain('城镇燃气安全专项检查');
    const pasted = await body.inputValue();
    expect(pasted).toContain('12月3日，区住房和城乡建设局组织开展城镇燃气安全专项检查，共检查餐饮场所26家');
    expect(pasted).toContain('一、下一步工作');
    for (const debris of ['来源', '责任编辑', 'o:p', 'Mso', 'mso-', '<span', 'supportLists', '仿宋', 'plain'])
      expect(pasted).not.toContain(debris);
    // The preview is the site's renderer: the official heading level, the paragraph.
    await expect.poll(() => page.locator('#preview').innerHTML(), POLL).toContain('level-1');
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => readFile(join(dir, `entries/${createdId}.md`), 'utf8'), POLL)
      .toContain('共检查餐饮场所26家');
    const text = await readFile(join(dir, `entries/${createdId}.md`), 'utf8');
    expect(text).toMatch(
      /^---\n栏目: 工作动态\n标题: 区住建局开展城镇燃气安全专项检查\n日期: 2025-12-03\n单位: 区住房和城乡建设局\n刊物: zhuanbao\n---\n\n12月3日/,
    );
  });

  it('adds a second unit after 、 through the picker, saved as a joint submission (a list)', async () => {
    const { page } = session;
    const unit = page.getByLabel('单位', { exact: true });
    await unit.fill('区住房和城乡建设局、消防');
    await page.getByRole('option', { name: /区消防救援大队/ }).waitFor();
    await page.keyboard.press('Enter');
    expect(await unit.inputValue()).toBe('区住房和城乡建设局、区消防救援大队');
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => readFile(join(dir, `entries/${createdId}.md`), 'utf8'), POLL)
      .toContain('单位: [区住房和城乡建设局, 区消防救援大队]\n');
    await expect.poll(() => fieldMessages(page, '单位'), POLL).toBe('');
  });

  it('shows a conflict instead of overwriting a file changed on disk since it was opened', async () => {
    const { page } = session;
    const path = join(dir, `entries/${createdId}.md`);
    await page.goto(`${session.studio.origin}/#/entries`);
    await page.goto(`${session.studio.origin}/#/entry?id=${encodeURIComponent(createdId)}`);
    await page.getByLabel('正文', { exact: true }).waitFor();
    // Someone edits the file in another editor meanwhile.
    const outside = `${await readFile(path, 'utf8')}\n另一个编辑器里补充的一句。\n`;
    await writeFile(path, outside);
    await page.getByLabel('正文', { exact: true }).fill('编辑台里改写的正文。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('#conflict').waitFor({ state: 'visible' });
    expect(await page.locator('#conflict h2').textContent()).toContain('被改动过');
    expect(await page.locator('#conflict-disk').textContent()).toContain('另一个编辑器里补充的一句。');
    expect(await page.locator('#conflict-mine').textContent()).toContain('编辑台里改写的正文。');
    expect(await readFile(path, 'utf8')).toBe(outside);
    // Overwriting is a deliberate second step.
    await page.getByRole('button', { name: '用我的修改覆盖' }).click();
    await expect.poll(() => readFile(path, 'utf8'), POLL).toContain('编辑台里改写的正文。');
    expect(await readFile(path, 'utf8')).not.toContain('另一个编辑器里补充的一句。');
  });

  it('lists the body’s lint findings beside it, each with a one-click fix', async () => {
    const { page } = session;
    const body = page.getByLabel('正文', { exact: true });
    await body.fill('12月3日,区住房和城乡建设局开展检查,发现隐患9处。');
    await expect.poll(() => page.locator('#findings li').count(), POLL).toBe(2);
    expect(await page.locator('#findings').textContent()).toContain('中文中使用了半角标点');
    await page.locator('#findings li').first().getByRole('button', { name: '修复' }).click();
    await expect.poll(() => body.inputValue(), POLL).toBe('12月3日，区住房和城乡建设局开展检查,发现隐患9处。');
    await expect.poll(() => page.locator('#findings li').count(), POLL).toBe(1);
    await page.locator('#findings li').first().getByRole('button', { name: '修复' }).click();
    await expect.poll(() => body.inputValue(), POLL).toBe('12月3日，区住房和城乡建设局开展检查，发现隐患9处。');
    await expect.poll(() => page.locator('#findings li').count(), POLL).toBe(0);
  });

  it('places the check messages of a saved file at their fields', async () => {
    const { page } = session;
    await page.getByLabel('日期', { exact: true }).fill('2025-13-40');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => fieldMessages(page, '日期'), POLL).toContain('日期「2025-13-40」无效');
    expect(await fieldMessages(page, '单位')).toBe('');
    expect(await page.locator('#general-messages').textContent()).not.toContain('内部错误');
  });

  it('opens an entry of a published issue read-only, explaining the erratum path', async () => {
    const { page } = session;
    await page.goto(`${session.studio.origin}/#/entry?id=${encodeURIComponent('2024/06/市安委会全体会议')}`);
    await page.locator('.frozen').waitFor();
    const note = (await page.locator('.frozen').textContent()) ?? '';
    expect(note).toContain('已发布');
    expect(note).toContain('勘误');
    expect(note).toContain('重新发布');
    expect(await page.getByLabel('正文', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
  });
});
