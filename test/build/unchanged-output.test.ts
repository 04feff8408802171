/**
 * The weekly build whose site did not change (an entry of the draft issue
 * edited: drafts are not in the site) leaves the output folder as it is —
 * not a file rewritten — but only while that folder is untouched since the
 * build that wrote it: a page edited, a file deleted, a build without the
 * cache in between, and the site is built again and comes out whole.
 */
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/index.ts';
import { copyContent, runCli, SAMPLE_CONTENT, tempDir } from '../helpers/index.ts';
import { hashTree, page } from '../helpers/site.ts';

/** The build's progress line when it left the output folder as it was. */
const LEFT_AS_IT_WAS = '页面无需重新生成';

let content: string;
let out: string;

async function build(options: { cache?: boolean } = {}): Promise<{ log: string; unchanged: boolean }> {
  const log: string[] = [];
  const result = await buildSite({ contentDir: content, outDir: out, log: (line) => log.push(line), ...options });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return { log: log.join('\n'), unchanged: result.ok && result.unchanged === true };
}

/** Each file's modification time: a folder left alone keeps every one. */
async function times(tree: Record<string, string>): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const path of Object.keys(tree)) found[path] = (await stat(join(out, path))).mtimeMs;
  return found;
}

beforeAll(async () => {
  content = await copyContent(SAMPLE_CONTENT);
  out = join(await tempDir('jianbao-unchanged-out-'), 'dist');
}, 120_000);

describe('a build whose site did not change', { timeout: 600_000 }, () => {
  it('leaves the untouched output alone, and rebuilds an output someone changed', async () => {
    const first = await build();
    expect(first.log).not.toContain(LEFT_AS_IT_WAS);
    const tree = await hashTree(out);
    const written = await times(tree);

    // An entry of the draft issue edited: the site is the same, the folder untouched — left as it was.
    await appendFile(join(content, 'entries/2025/09/隐患随手拍.md'), '\n截至月底共收到群众随手拍线索十余条。\n');
    const draftEdited = await build();
    expect(draftEdited.unchanged).toBe(true);
    expect(draftEdited.log).toContain(LEFT_AS_IT_WAS);
    expect(await hashTree(out)).toEqual(tree);
    expect(await times(tree)).toEqual(written);

    // A page of the output edited by hand: rebuilt, the page as the build writes it.
    const home = join(out, 'index.html');
    await writeFile(home, (await readFile(home, 'utf8')).replace('<body', '<body data-edited'));
    const afterEdit = await build();
    expect(afterEdit.unchanged).toBe(false);
    expect(await hashTree(out)).toEqual(tree);

    // A file of the output deleted: rebuilt, the file back.
    const [issuePage] = Object.keys(tree).filter((path) => /^zhuanbao\/\d+\/\d+\/index\.html$/.test(path));
    await rm(join(out, issuePage!));
    const afterDelete = await build();
    expect(afterDelete.unchanged).toBe(false);
    expect(await hashTree(out)).toEqual(tree);

    // That rebuilt folder is recorded in turn: the next build leaves it.
    expect((await build()).unchanged).toBe(true);

    // A build without the cache rewrote the folder since: the record no longer matches it.
    expect((await build({ cache: false })).unchanged).toBe(false);
    expect((await build()).unchanged).toBe(false);
    expect(await hashTree(out)).toEqual(tree);

    // The draft published: the site changed, its pages appear.
    const publish = await runCli(['publish', 'jianbao/2025-3', '--content', content]);
    expect(publish.code, publish.stdout + publish.stderr).toBe(0);
    expect((await build()).unchanged).toBe(false);
    expect((await page(out, 'jianbao/2025/3/')).querySelector('.issue')?.textContent).toContain(
      '截至月底共收到群众随手拍线索十余条',
    );
  });
});
