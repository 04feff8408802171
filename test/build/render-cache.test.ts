/**
 * The render cache never serves a stale page: real builds, compared byte for
 * byte with builds that render every page. Each change below must re-render
 * exactly the pages whose inputs it touches (counted from the build's own
 * progress line), and the result must equal a build without the cache.
 */
import { cp, mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/index.ts';
import { RenderCache } from '../../src/build/render-cache.ts';
import { copyContent, ROOT, runCli, SAMPLE_CONTENT, tempDir } from '../helpers/index.ts';
import { hashTree, page, texts } from '../helpers/site.ts';

interface Built {
  out: string;
  tree: Record<string, string>;
  /** Issue pages (web and print) taken from the cache. */
  reused: number;
  log: string[];
}

async function build(
  contentDir: string,
  options: { cache?: boolean; packageRoot?: string; drafts?: boolean } = {},
): Promise<Built> {
  const out = join(await tempDir('jianbao-cache-out-'), 'dist');
  const log: string[] = [];
  const result = await buildSite({ contentDir, outDir: out, log: (line) => log.push(line), drafts: true, ...options });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  const reused = Number(/其中 (\d+) 个期刊页取自缓存/.exec(log.join('\n'))?.[1] ?? 0);
  return { out, tree: await hashTree(out), reused, log };
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
}

/** Pages that differ between two builds. */
function changed(a: Built, b: Built): string[] {
  return Object.keys(b.tree)
    .filter((file) => a.tree[file] !== b.tree[file] && file.endsWith('.html'))
    .sort();
}

/** The build's progress line when it copied the last build's pages instead of running Astro. */
const WHOLE_SITE = '未运行 Astro';

/** Each test builds several sites; on a busy two-core machine one build can take 20 s. */
const TIMEOUT = { timeout: 300_000 };

let content: string;
let first: Built;

beforeAll(async () => {
  // Two issues of one series; 2024-3 published.
  content = await copyContent();
  const published = await runCli(['publish', '2024-3', '--content', content]);
  expect(published.code, published.stdout + published.stderr).toBe(0);
  first = await build(content);
});

describe('the render cache', TIMEOUT, () => {
  it('reuses every issue page of an unchanged site; the output equals a build without the cache', async () => {
    expect(first.reused).toBe(0);
    const again = await build(content);
    expect(again.reused).toBe(4);
    // The compiled site and the renderer are the last build's: Astro does not run, its last output is copied.
    expect(first.log.join('\n')).not.toContain(WHOLE_SITE);
    expect(again.log.join('\n')).toContain(WHOLE_SITE);
    expect(again.tree).toEqual(first.tree);
    expect((await build(content, { cache: false })).tree).toEqual(first.tree);
  });

  it('a change only the archive pages show (the order of the units) runs Astro again; the output equals a build without the cache', async () => {
    const before = await build(content);
    expect(before.log.join('\n')).toContain(WHOLE_SITE);
    const units = (built: Built) =>
      page(built.out, 'units/').then((document) =>
        texts(document, 'main a').filter((text) => /应急管理局|青石镇/.test(text)),
      );
    expect((await units(before))[0]).toMatch(/应急管理局/);
    await edit(join(content, 'units.yaml'), (text) => text.replace('order: 2', 'order: 9'));
    const after = await build(content);
    expect(after.log.join('\n')).not.toContain(WHOLE_SITE);
    expect((await units(after))[0]).toMatch(/青石镇/);
    expect(changed(before, after)).toContain('units/index.html');
    expect(after.tree).toEqual((await build(content, { cache: false })).tree);
  });

  it('an erratum to a published issue re-renders its two pages and its neighbour’s web page, nothing else', async () => {
    await edit(join(content, 'entries/2024/应急检查.md'), (text) => text.replace(/。\n*$/, '，共排查隐患12处。\n'));
    await edit(join(content, 'issues/2024-03.md'), (text) =>
      text.replace(/^---\n/, '---\nerrata:\n  - { date: 2024-06-20, note: 补充应急检查的隐患数 }\n'),
    );
    // The site shows what was published: the correction appears once it is published again.
    const republished = await runCli(['publish', '2024-3', '--content', content]);
    expect(republished.code, republished.stdout + republished.stderr).toBe(0);
    const after = await build(content);
    // Of 2024-3 (web, print) and 2024-4 (web, print), only 2024-4's print page is unchanged input.
    expect(after.reused).toBe(1);
    const issue = await page(after.out, 'zhuanbao/2024/3/');
    expect(issue.querySelector('.issue__errata')?.textContent).toContain('补充应急检查的隐患数');
    expect(issue.querySelector('.issue')?.textContent).toContain('共排查隐患12处');
    expect((await page(after.out, 'zhuanbao/2024/3/print/')).querySelector('.flow')?.textContent).toContain(
      '共排查隐患12处',
    );
    expect(changed(first, after)).toEqual(
      expect.arrayContaining(['zhuanbao/2024/3/index.html', 'zhuanbao/2024/3/print/index.html']),
    );
    expect(changed(first, after)).not.toContain('zhuanbao/2024/4/print/index.html');
    expect(after.tree).toEqual((await build(content, { cache: false })).tree);
  });

  it('a change of the series name or of site.base re-renders every issue page', async () => {
    const settings = join(content, 'jianbao.yaml');
    await edit(settings, (text) => text.replace('name: 测试区安全生产工作专报', 'name: 测试区安全生产工作简报'));
    // The published 2024-3 changes with the name: an erratum and a new publish record it.
    await edit(join(content, 'issues/2024-03.md'), (text) =>
      text.replace('errata:\n', 'errata:\n  - { date: 2024-06-21, note: 刊物更名 }\n'),
    );
    const republished = await runCli(['publish', '2024-3', '--content', content]);
    expect(republished.code, republished.stdout + republished.stderr).toBe(0);
    const renamed = await build(content);
    expect(renamed.reused).toBe(0);
    expect(
      (await page(renamed.out, 'zhuanbao/2024/4/print/')).querySelector('.masthead-name')?.getAttribute('aria-label'),
    ).toBe('测试区安全生产工作简报');
    await edit(settings, (text) => text.replace('base: /', 'base: /bulletin/'));
    const moved = await build(content);
    expect(moved.reused).toBe(0);
    expect(await readFile(join(moved.out, 'zhuanbao/2024/4/index.html'), 'utf8')).toContain('href="/bulletin/_astro/');
    expect(moved.tree).toEqual((await build(content, { cache: false })).tree);
  });

  it('falls back to rendering every page when a cached page links to an asset the new build lacks', async () => {
    const cached = await build(content);
    expect(cached.reused).toBe(4);
    const dir = join((await RenderCache.open(join(ROOT, '.jianbao/cache'), content)).dir, 'pages');
    const [name] = await readdir(dir);
    await edit(join(dir, name!), (html) => html.replace(/_astro\/[^"]+\.css/, '_astro/gone.css'));
    const rebuilt = await build(content);
    expect(rebuilt.reused).toBe(0);
    expect(rebuilt.log.join('\n')).toContain('重新生成全部页面');
    expect(rebuilt.tree).toEqual(cached.tree);
  });
});

describe('the search index, one bundle per year', TIMEOUT, () => {
  it('indexes again only the year whose issue pages changed; the result equals a build without the cache', async () => {
    const sample = await copyContent(SAMPLE_CONTENT);
    const searchLine = (built: Built) => built.log.find((line) => line.startsWith('全文检索已建立索引')) ?? '';
    const cold = await build(sample);
    expect(searchLine(cold)).toMatch(/^全文检索已建立索引（2 个年度；/);
    expect(Object.keys(cold.tree)).toEqual(
      expect.arrayContaining([
        'pagefind/pagefind.js',
        'pagefind/pagefind-entry.json',
        'pagefind/2024/pagefind-entry.json',
      ]),
    );
    expect(searchLine(await build(sample))).toMatch(/2 个年度，其中 2 个取自缓存/);
    // An entry of the draft issue (a published issue's entries cannot change without an erratum).
    await edit(
      join(sample, 'entries/2025/08/暑期防溺水巡查.md'),
      (text) => `${text.trimEnd()}\n\n另在重点水域增设警示牌十块。\n`,
    );
    const edited = await build(sample);
    expect(searchLine(edited)).toMatch(/2 个年度，其中 1 个取自缓存/);
    expect(changed(cold, edited).filter((file) => file.startsWith('zhuanbao/2024/'))).toEqual([]);
    expect(edited.tree).toEqual((await build(sample, { cache: false })).tree);
  });
});

describe('a change to a page template', TIMEOUT, () => {
  it('re-renders every issue page with the new template', async () => {
    // A copy of the package whose masthead template is then changed.
    const root = await tempDir('jianbao-package-');
    for (const name of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      await cp(join(ROOT, name), join(root, name), { recursive: true });
    }
    await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    await mkdir(join(root, '.jianbao'));
    const site = await copyContent();
    const before = await build(site, { packageRoot: root });
    expect((await build(site, { packageRoot: root })).reused).toBe(4);
    await edit(join(root, 'src/components/Masthead.astro'), (text) =>
      text.replace(
        '<header class="masthead" data-pagefind-ignore>',
        '<header class="masthead" data-pagefind-ignore data-template="2">',
      ),
    );
    const after = await build(site, { packageRoot: root });
    expect(after.reused).toBe(0);
    expect((await page(after.out, 'zhuanbao/2024/3/')).querySelector('.masthead')?.getAttribute('data-template')).toBe(
      '2',
    );
    expect(
      (await page(before.out, 'zhuanbao/2024/3/')).querySelector('.masthead')?.getAttribute('data-template'),
    ).toBeNull();
    // public/ is copied into every site: a changed file there is not served from the last build's output.
    expect((await build(site, { packageRoot: root })).log.join('\n')).toContain(WHOLE_SITE);
    await writeFile(join(root, 'public/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" data-icon="2"/>');
    const icon = await build(site, { packageRoot: root });
    expect(icon.log.join('\n')).not.toContain(WHOLE_SITE);
    expect(await readFile(join(icon.out, 'favicon.svg'), 'utf8')).toContain('data-icon="2"');
  });
});

describe('incremental builds (render cache, check cache, archive records)', { timeout: 900_000 }, () => {
  it('after an edit, an added issue and a deleted entry file, each build equals a build without any cache', async () => {
    const sample = await copyContent(SAMPLE_CONTENT);
    // Old stamps (and a wait past the racy window), so the next builds really take unchanged files from the check cache.
    const old = new Date(Date.now() - 3_600_000);
    for (const file of await listAll(sample)) await utimes(join(sample, file), old, old);
    await new Promise((done) => setTimeout(done, 2300));
    const cold = await build(sample);
    expect(cold.reused).toBe(0);

    const compare = async (what: string) => {
      const incremental = await build(sample);
      const full = await build(sample, { cache: false });
      expect(changedFiles(incremental.tree, full.tree), what).toEqual([]);
      return incremental;
    };
    // Edit one entry of the newest unpublished issue (the draft jianbao/2025-3; every other sample issue is
    // published, and their entries cannot change without an erratum): the other issues' pages come from the cache.
    await edit(
      join(sample, 'entries/2025/08/暑期防溺水巡查.md'),
      (text) => `${text.trimEnd()}\n\n另在重点水域增设警示牌十块。\n`,
    );
    const edited = await compare('edit');
    expect(edited.reused).toBeGreaterThan(0);

    // Add an issue: a new pending entry, then new issue.
    await mkdir(join(sample, 'entries/2025/12'), { recursive: true });
    await writeFile(
      join(sample, 'entries/2025/12/新增检查.md'),
      '---\n刊物: zhuanbao\n栏目: 工作动态\n日期: 2025-12-20\n单位: 应急局\n---\n\n12月20日，区应急管理局开展岁末年初安全检查。\n',
    );
    const added = await runCli(['new', 'issue', '--series', 'zhuanbao', '--date', '2025-12-26', '--content', sample]);
    expect(added.code, added.stdout + added.stderr).toBe(0);
    await compare('add');

    // Delete the file of an entry of a published issue: its pages still come from the record, unchanged.
    const ledger = JSON.parse(await readFile(join(sample, 'published/ledger.json'), 'utf8')) as {
      issues: { versions: { file: string }[] }[];
    };
    const record = JSON.parse(await readFile(join(sample, ledger.issues[0]!.versions.at(-1)!.file), 'utf8')) as {
      issue: { entries: { id: string }[] };
    };
    await rm(join(sample, 'entries', `${record.issue.entries[0]!.id}.md`));
    const deleted = await compare('delete');
    expect(deleted.log.join('\n')).toMatch(/其中 \d+ 个期刊页取自缓存/);

    // Drafts left out of the site (as `jianbao build` does): an edit of the draft changes no page, so the
    // last build's output is copied without running Astro — and it is what a build without any cache writes.
    await build(sample, { drafts: false });
    await edit(
      join(sample, 'entries/2025/08/暑期防溺水巡查.md'),
      (text) => `${text.trimEnd()}\n\n另组织志愿者巡河。\n`,
    );
    const unchanged = await build(sample, { drafts: false });
    expect(unchanged.log.join('\n')).toContain(WHOLE_SITE);
    expect(changedFiles(unchanged.tree, (await build(sample, { cache: false, drafts: false })).tree)).toEqual([]);
  });
});

/** Every file under a directory, relative. */
async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((item) => item.isFile())
    .map((item) => join(item.parentPath, item.name).slice(dir.length + 1));
}

/** Files whose bytes differ, or that only one tree has. */
function changedFiles(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]).sort();
}
