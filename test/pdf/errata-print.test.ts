/** A corrected issue says so in print: the 勘误 notice is on the print page and in its PDF, as on the web page. */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, runCli, tempDir, testBrowser } from '../helpers/index.ts';
import { page, texts } from '../helpers/site.ts';

const browser = await testBrowser('勘误印在打印版上');

describe('errata in print', { timeout: 300_000 }, () => {
  it('the print page (and the PDF, when a browser is there) carries the 勘误 notice of a corrected issue', async () => {
    const content = await copyContent();
    expect((await runCli(['publish', '2024-3', '--content', content])).code).toBe(0);
    const entry = join(content, 'entries/2024/应急检查.md');
    await writeFile(entry, `${(await readFile(entry, 'utf8')).trimEnd()}\n\n另督促整改隐患五处。\n`);
    const issue = join(content, 'issues/2024-03.md');
    await writeFile(
      issue,
      (await readFile(issue, 'utf8')).replace(
        /^status: published/m,
        'errata:\n  - date: 2024-06-12\n    note: 《应急检查》补充整改情况\nstatus: published',
      ),
    );
    expect((await runCli(['publish', '2024-3', '--content', content])).code).toBe(0);

    const out = join(await tempDir('jianbao-errata-'), 'dist');
    const env = { ...process.env, JIANBAO_BROWSER: browser };
    const built = await runCli(
      ['build', '--drafts', ...(browser ? ['--pdf'] : []), '--content', content, '--out', out],
      { env },
    );
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const print = await page(out, 'zhuanbao/2024/3/print/');
    expect(texts(print, '.flow .errata-heading')).toEqual(['勘误']);
    expect(texts(print, '.flow .errata-item').map((text) => text.replace(/\s+/g, ''))).toEqual([
      '2024年6月12日：《应急检查》补充整改情况',
    ]);
    // The uncorrected issue has none.
    expect(texts(await page(out, 'zhuanbao/2024/4/print/'), '.errata-heading')).toEqual([]);
    if (browser) {
      const text = execFileSync('pdftotext', [join(out, 'zhuanbao/2024/3/zhuanbao-2024-3.pdf'), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      expect(text).toContain('勘误2024年6月12日：《应急检查》补充整改情况');
      expect(text).toContain('另督促整改隐患五处');
    }
  });
});
