/**
 * The bridge from the pages to the compiled site: the build or the dev
 * server registers the virtual module `virtual:jianbao/site`
 * (src/build/site-module.ts) holding what it compiled; pages import from
 * here and only render. No fallback: without the module there is no site.
 */
import { cachedPages, loadSite } from 'virtual:jianbao/site';
import type { CompiledIssue, CompiledSite } from '../core/index.ts';
import type { IssuePageKind } from './routes.ts';

/** The compiled site. */
export async function getSite(): Promise<CompiledSite> {
  return (await loadSite()) as CompiledSite;
}

/** The issues whose page of this kind Astro renders: all of them, less those the build restores from its cache. */
export async function issuesToRender(kind: IssuePageKind): Promise<CompiledIssue[]> {
  const site = await getSite();
  const cached = new Set(cachedPages[kind]);
  return cached.size > 0 ? site.issues.filter((issue) => !cached.has(issue.key)) : site.issues;
}
