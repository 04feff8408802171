/**
 * The weekly build that changes the site (`jianbao build`, drafts left out):
 * after each kind of input a reused page or the last build's output could
 * depend on — an issue published, an erratum, a unit renamed in units.yaml,
 * the site title, a jianbao source file — the build with its caches (render
 * cache, site snapshot, check cache, the page keys the compile worker
 * computes, the site the pages get from the build's own thread) writes the
 * very tree a build without any cache writes, byte for byte, and the change
 * shows on the pages it concerns.
 */
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/index.ts';
import { copyContent, ROOT, runCli, SAMPLE_CONTENT, tempDir } from '../helpers/index.ts';
import { hashTree, page, texts } from '../helpers/site.ts';

interface Built {
  out: string;
  tree: Record<string, string>;
  log: string;
}

let root: string;
let content: string;

async function build(options: { cache?: boolean } = {}): Promise<Built> {
  const out = join(await tempDir('jianbao-weekly-out-'), 'dist');
  const log: string[] = [];
  const result = await buildSite({
    contentDir: content,
    outDir: out,
    packageRoot: root,
    log: (line) => log.push(line),
    ...options,
  });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return { out, tree: await hashTree(out), log: log.join('\n') };
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
}

async function cli(...argv: string[]): Promise<void> {
  const result = await runCli([...argv, '--content', content]);
  expect(result.code, result.stdout + result.stderr).toBe(0);
}

/** Files whose bytes differ, or that only one tree has. */
function differing(a: Built, b: Built): string[] {
  return [...new Set([...Object.keys(a.tree), ...Object.keys(b.tree)])]
    .filter((file) => a.tree[file] !== b.tree[file])
    .sort();
}

/** The incremental build, then a build without any cache: the same tree. */
async function rebuild(what: string): Promise<Built> {
  const incremental = await build();
  const cold = await build({ cache: false });
  expect(differing(incremental, cold), what).toEqual([]);
  return incremental;
}

/** The build's progress line when it copied the last build's output instead of running Astro. */
const WHOLE_SITE = '未运行 Astro';

beforeAll(async () => {
  // A copy of the package (its sources are changed below) and of the sample content.
  root = await tempDir('jianbao-weekly-package-');
  for (const name of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    await cp(join(ROOT, name), join(root, name), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  await mkdir(join(root, '.jianbao'));
  content = await copyContent(SAMPLE_CONTENT);
}, 120_000);

describe('the weekly build', { timeout: 900_000 }, () => {
  it('after each kind of change equals a build without any cache, and shows the change', async () => {
    const first = await build();
    expect(first.log).not.toContain(WHOLE_SITE);
    // Nothing changed: the last output is copied.
    const same = await build();
    expect(same.log).toContain(WHOLE_SITE);
    expect(differing(first, same)).toEqual([]);

    // Publish the draft: its pages, the home page, the archives and the feed appear or change.
    expect(Object.keys(first.tree)).not.toContain('jianbao/2025/3/index.html');
    await cli('publish', 'jianbao/2025-3');
    const published = await rebuild('publish');
    expect(published.log).not.toContain(WHOLE_SITE);
    expect(published.log).toMatch(/其中 \d+ 个期刊页取自缓存/);
    expect(Object.keys(published.tree)).toContain('jianbao/2025/3/index.html');
    expect(differing(same, published)).toEqual(expect.arrayContaining(['index.html', 'feed.xml']));

    // An erratum to a published issue, published again.
    await edit(join(content, 'entries/2024/06/市安委会全体会议.md'), (text) =>
      text.replace(/。\n*$/, '，会议要求压实各方责任。\n'),
    );
    await edit(join(content, 'issues/zhuanbao/2024-06.md'), (text) =>
      text.replace(/^---\n/, '---\nerrata:\n  - { date: 2024-07-05, note: 补充会议要求 }\n'),
    );
    await cli('publish', 'zhuanbao/2024-6');
    const corrected = await rebuild('erratum');
    const issue = await page(corrected.out, 'zhuanbao/2024/6/');
    expect(issue.querySelector('.issue__errata')?.textContent).toContain('补充会议要求');
    expect(issue.querySelector('.issue')?.textContent).toContain('会议要求压实各方责任');

    // A unit renamed (机构改革): its page shows the new name and the former one.
    await edit(join(content, 'units.yaml'), (text) =>
      text.replace(
        '- id: yjj\n  名称: 区应急管理局\n  别名: [应急局, 区应急局]\n',
        '- id: yjj\n  名称: 区应急管理和综合执法局\n  曾用名:\n    - { 名称: 区应急管理局, 别名: [应急局, 区应急局], 止: 2025-12-31 }\n',
      ),
    );
    const renamed = await rebuild('unit renamed');
    const unit = await page(renamed.out, 'units/yjj/');
    expect(texts(unit, 'h1')).toEqual(['报送单位：区应急管理和综合执法局']);
    expect(unit.querySelector('.page-lead')?.textContent).toContain('原名区应急管理局');

    // A setting every page shows: the site title.
    await edit(join(content, 'jianbao.yaml'), (text) =>
      text.replace('title: 示例区安全生产信息网', 'title: 示例区安全生产工作信息网'),
    );
    const titled = await rebuild('site title');
    expect(texts(await page(titled.out, ''), 'h1')).toEqual(['示例区安全生产工作信息网']);
    expect((await page(titled.out, 'zhuanbao/2024/6/')).title).toContain('示例区安全生产工作信息网');

    // A jianbao source file: the shared layout every page is rendered with.
    await edit(join(root, 'src/layouts/Base.astro'), (text) => text.replace('<body>', '<body data-layout="2">'));
    const retemplated = await rebuild('source file');
    expect(retemplated.log).not.toMatch(/其中 \d+ 个期刊页取自缓存/);
    for (const path of ['', 'zhuanbao/2024/6/', 'units/yjj/']) {
      expect((await page(retemplated.out, path)).body.getAttribute('data-layout'), path).toBe('2');
    }
  });
});
