/**
 * `jianbao build --pdf` prints only the issues whose PDF inputs changed and
 * copies the others from the render cache: real builds with the system's
 * Chromium, PDFs read back with poppler. The printing environment (browser,
 * system fonts) is part of the key too.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { printEnvironment } from '../../src/pdf/pdf-key.ts';
import { copyContent, runCli, tempDir, testBrowser } from '../helpers/index.ts';

const browser = await testBrowser('PDF 缓存测试');

const PDFS = { old: 'zhuanbao/2024/3/zhuanbao-2024-3.pdf', latest: 'zhuanbao/2024/4/zhuanbao-2024-4.pdf' };

async function buildPdf(content: string, out: string) {
  const result = await runCli(['build', '--pdf', '--drafts', '--content', content, '--out', out], {
    env: { ...process.env, JIANBAO_BROWSER: browser },
  });
  expect(result.stderr).toBe('');
  expect(result.code, result.stdout).toBe(0);
  const sha = async (file: string) =>
    createHash('sha256')
      .update(await readFile(join(out, file)))
      .digest('hex');
  return { stdout: result.stdout, old: await sha(PDFS.old), latest: await sha(PDFS.latest) };
}

const reusedLine = (file: string) =>
  new RegExp(`PDF：${file.replace(/[.]/g, '\\.')}（\\d+ 页，未改动，沿用上次打印的）`);
const printedLine = (file: string) => new RegExp(`PDF：${file.replace(/[.]/g, '\\.')}（\\d+ 页）`);

describe.skipIf(!browser)('build --pdf with the render cache', { timeout: 300_000 }, () => {
  let content: string;
  let out: string;
  let first: Awaited<ReturnType<typeof buildPdf>>;

  beforeAll(async () => {
    content = await copyContent();
    out = join(await tempDir('jianbao-pdf-cache-'), 'dist');
    first = await buildPdf(content, out);
  });

  it('prints every issue the first time, then reuses every PDF unchanged', async () => {
    expect(first.stdout).toMatch(printedLine(PDFS.old));
    expect(first.stdout).toMatch(printedLine(PDFS.latest));
    const again = await buildPdf(content, out);
    expect(again.stdout).toMatch(reusedLine(PDFS.old));
    expect(again.stdout).toMatch(reusedLine(PDFS.latest));
    expect(again.old).toBe(first.old);
    expect(again.latest).toBe(first.latest);
  });

  it('prints again only the issue whose print page changed', async () => {
    const entry = join(content, 'entries/2024/青石镇排查.md');
    await writeFile(entry, `${(await readFile(entry, 'utf8')).trimEnd()}\n\n另查处违规经营户三家。\n`);
    const edited = await buildPdf(content, out);
    expect(edited.stdout).toMatch(reusedLine(PDFS.old));
    expect(edited.stdout).toMatch(printedLine(PDFS.latest));
    expect(edited.old).toBe(first.old);
    expect(edited.latest).not.toBe(first.latest);
    expect(
      execFileSync('pdftotext', [join(out, PDFS.latest), '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
    ).toContain('另查处违规经营户三家');
  });
});

describe.skipIf(!browser)('the printing environment', () => {
  const home = process.env.HOME;
  afterEach(() => {
    process.env.HOME = home;
  });

  it('changes when a font is installed for the user', async () => {
    process.env.HOME = await tempDir('jianbao-home-');
    const before = await printEnvironment(browser!, process.env);
    expect(await printEnvironment(browser!, process.env)).toBe(before);
    await mkdir(join(process.env.HOME, '.fonts'));
    await writeFile(join(process.env.HOME, '.fonts', '方正小标宋简体.ttf'), 'not really a font');
    expect(await printEnvironment(browser!, process.env)).not.toBe(before);
  });
});
