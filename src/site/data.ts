/**
 * The bridge from Astro to the core: load, check and compile the content
 * directory once per build. Pages import from here and only render.
 *
 * The compiled site is kept on `globalThis` under a registered symbol, so the
 * `jianbao build` pipeline (which has already checked and compiled the
 * content) can hand it to the copy of this module that Astro bundles, and the
 * dev server can drop it when the content changes.
 *
 * The build may also say which issue pages it restores from its render cache
 * (src/build/render-cache.ts): Astro then renders only the others.
 */
import { resolve } from 'node:path';
import { checkContent, compileSite, type CompiledIssue, type CompiledSite } from '../core/index.ts';
import type { IssuePageKind } from './routes.ts';

const SLOT = Symbol.for('jianbao.site');

/** Issue keys (`zhuanbao/2023/6`) whose page of each kind the build takes from its render cache. */
export type CachedPages = Record<IssuePageKind, ReadonlySet<string>>;

interface SiteSlot {
  contentDir: string;
  site: Promise<CompiledSite>;
  cached?: Promise<CachedPages>;
}

const shared = globalThis as typeof globalThis & { [SLOT]?: SiteSlot };

/** The content directory Astro renders: JIANBAO_CONTENT, else ./content. */
export function contentDir(): string {
  return resolve(process.env.JIANBAO_CONTENT ?? 'content');
}

async function compileContent(dir: string): Promise<CompiledSite> {
  const result = await checkContent(dir);
  if (result.errors > 0) {
    const first = result.diagnostics.find((d) => d.severity === 'error')!;
    throw new Error(`内容有 ${result.errors} 个错误，无法生成站点（先运行 jianbao check）：${first.file}:${first.line}:${first.column} ${first.message}`);
  }
  return compileSite(result.content, result.registry);
}

/** The compiled site; rejects (failing the build) when the content has errors. */
export function getSite(): Promise<CompiledSite> {
  const dir = contentDir();
  const slot = shared[SLOT];
  if (slot && slot.contentDir === dir) return slot.site;
  const site = compileContent(dir);
  shared[SLOT] = { contentDir: dir, site };
  return site;
}

/**
 * Hand the compiled site to the pages (the build pipeline checked it first;
 * it may still be compiling); `cached`: the issue pages the build restores
 * instead of rendering.
 */
export function provideSite(dir: string, site: CompiledSite | Promise<CompiledSite>, cached?: CachedPages | Promise<CachedPages>): void {
  shared[SLOT] = { contentDir: resolve(dir), site: Promise.resolve(site), ...(cached ? { cached: Promise.resolve(cached) } : {}) };
}

/** The issues whose page of this kind Astro renders: all of them, less those the build restores from its cache. */
export async function issuesToRender(kind: IssuePageKind): Promise<CompiledIssue[]> {
  const site = await getSite();
  const cached = (await shared[SLOT]?.cached)?.[kind];
  return cached ? site.issues.filter((issue) => !cached.has(issue.key)) : site.issues;
}

/** Forget the compiled site (after a build, or when the dev server sees a content change). */
export function invalidateSite(): void {
  delete shared[SLOT];
}
