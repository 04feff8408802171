/** Shared by the site tests: build with the CLI, read pages with a real HTML parser, check links, hash a tree. */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles, runCli, type CliResult } from './index.ts';

/**
 * `jianbao build --content DIR --out OUT`, in-process. The fixtures' issues
 * are drafts (no status), so `--drafts` unless `extra` says otherwise
 * (`drafts: false`): these tests are about pages, not about publishing.
 */
export function build(
  contentDir: string,
  outDir: string,
  extra: string[] = [],
  options: { drafts?: boolean } = {},
): Promise<CliResult> {
  return runCli([
    'build',
    '--content',
    contentDir,
    '--out',
    outDir,
    ...(options.drafts === false ? [] : ['--drafts']),
    ...extra,
  ]);
}

/** The parsed document of a built page (`zhuanbao/2024/8/` → its index.html). */
export async function page(dist: string, path: string): Promise<Document> {
  const file = join(dist, path.endsWith('/') || path === '' ? `${path}index.html` : path);
  return parseHTML(await readFile(file, 'utf8')).document;
}

export function texts(document: Document, selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((node) => (node.textContent ?? '').trim());
}

/** sha256 of every file under a directory, keyed by relative path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of await listFiles(dir))
    hashes[file] = createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex');
  return hashes;
}

export interface LinkProblem {
  page: string;
  link: string;
  problem: string;
}

const EXTERNAL = /^(https?:|mailto:|tel:)/i;

/**
 * Every internal href/src of every HTML page (and every link of feed.xml)
 * resolved against the files of `dist` served under `base`, fragments
 * included. External resources (stylesheets, scripts, images, frames from
 * another host) are problems too: the site must work offline.
 */
export async function checkLinks(dist: string, base: string): Promise<{ problems: LinkProblem[]; checked: number }> {
  const problems: LinkProblem[] = [];
  const idsCache = new Map<string, Set<string>>();
  const origin = 'http://intranet.invalid';
  let checked = 0;

  const fileFor = (pathname: string): string | undefined => {
    if (!pathname.startsWith(base)) return undefined;
    let file = join(dist, decodeURIComponent(pathname.slice(base.length)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : undefined;
  };
  const idsOf = async (file: string): Promise<Set<string>> => {
    let ids = idsCache.get(file);
    if (!ids) {
      const { document } = parseHTML(await readFile(file, 'utf8'));
      ids = new Set([...document.querySelectorAll('[id]')].map((node) => node.getAttribute('id') ?? ''));
      idsCache.set(file, ids);
    }
    return ids;
  };
  const check = async (pageName: string, pageUrl: URL, link: string, resource: boolean) => {
    if (EXTERNAL.test(link)) {
      if (resource) problems.push({ page: pageName, link, problem: '外部资源' });
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
      problems.push({ page: pageName, link, problem: '不允许的协议' });
      return;
    }
    checked++;
    const url = new URL(link, pageUrl);
    const file = fileFor(url.pathname);
    if (!file) {
      problems.push({ page: pageName, link, problem: `找不到 ${url.pathname}` });
      return;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith('.html') && !(await idsOf(file)).has(fragment))
      problems.push({ page: pageName, link, problem: `没有锚点 #${fragment}` });
  };

  for (const name of await listFiles(dist)) {
    const pageUrl = new URL(`${base}${name.replace(/index\.html$/, '')}`, origin);
    if (name.endsWith('.html')) {
      const { document } = parseHTML(await readFile(join(dist, name), 'utf8'));
      for (const node of document.querySelectorAll('a[href], area[href]'))
        await check(name, pageUrl, node.getAttribute('href') ?? '', false);
      for (const node of document.querySelectorAll('link[href]'))
        await check(name, pageUrl, node.getAttribute('href') ?? '', node.getAttribute('rel') !== 'alternate');
      for (const node of document.querySelectorAll('[src]'))
        await check(name, pageUrl, node.getAttribute('src') ?? '', true);
      for (const node of document.querySelectorAll('[srcset], object[data], form[action]')) {
        const link = node.getAttribute('srcset') ?? node.getAttribute('data') ?? node.getAttribute('action') ?? '';
        await check(name, pageUrl, link, node.tagName.toLowerCase() !== 'form');
      }
    } else if (name === 'feed.xml') {
      const xml = await readFile(join(dist, name), 'utf8');
      for (const match of xml.matchAll(/href="([^"]+)"/g))
        await check(name, pageUrl, match[1]!.replace(/&amp;/g, '&'), false);
      for (const match of xml.matchAll(/href=&quot;(.+?)&quot;/g))
        await check(name, pageUrl, match[1]!.replace(/&amp;/g, '&'), false);
    }
  }
  return { problems, checked };
}
