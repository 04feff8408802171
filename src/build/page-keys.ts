/**
 * What an issue's web page and print page are rendered from, hashed into the
 * key of its render cache entry. A page is reused only when its key is the
 * same, so the key holds everything the page's HTML depends on:
 *
 * - the compiled issue, whole (entries' bodies, 版记, errata, print settings,
 *   image hashes…): any edit, erratum or setting that reaches the issue
 *   changes it, published or not;
 * - the site's own settings, every field of the compiled site except its
 *   collections (title, base, series: the layout's header and footer);
 * - for the web page, its neighbours (上一期 / 下一期), whole;
 * - the renderer: jianbao's sources (pages, layouts, styles, the core that
 *   pages import), `public/` (copied into every site), Astro's config, the package manifest and lock file, and
 *   the installed versions of the packages pages are built with.
 *
 * Issue and print pages may only read their props and those site fields; a
 * page that starts reading more must add it here. (The build also checks that
 * every asset a reused page links to exists in the new build.)
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CompiledIssue, CompiledSite } from '../core/index.ts';
import { issueNeighbours } from '../site/neighbours.ts';
import type { IssuePageKind } from '../site/routes.ts';
import { digestParts as sha256, treeDigest } from './digest.js';

/** Files and folders of the package that decide how pages render. */
const RENDERER_SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];
/** Packages pages are built with besides the package's own dependencies. */
const BUILD_PACKAGES = ['vite'];

export interface IssuePageKey {
  kind: IssuePageKind;
  issue: CompiledIssue;
  /** sha256, hex. */
  key: string;
}

/** The keys of `pageKeys` as plain strings (what the compile worker sends): the pages' in its order. */
export interface PlainPageKeys {
  pages: string[];
  site: string;
}

/** The installed version of a package, as seen from the package root. */
async function installedVersion(packageRoot: string, name: string): Promise<string> {
  try {
    const manifest = createRequire(join(packageRoot, 'package.json')).resolve(`${name}/package.json`);
    return (JSON.parse(await readFile(manifest, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/** Digest of what renders the pages: jianbao's sources and the versions of the packages it builds with. */
export async function rendererDigest(packageRoot: string): Promise<string> {
  const versions: string[] = [];
  const manifest = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of [...Object.keys(manifest.dependencies ?? {}), ...BUILD_PACKAGES].sort()) {
    versions.push(name, await installedVersion(packageRoot, name));
  }
  return treeDigest(packageRoot, RENDERER_SOURCES, versions);
}

/** The site's own fields: everything but its collections of issues and entries. */
function siteSettings(site: CompiledSite): string {
  const {
    issues: _issues,
    archive: _archive,
    sections: _sections,
    units: _units,
    stats: _stats,
    statsByYear: _statsByYear,
    ...settings
  } = site;
  return JSON.stringify(settings);
}

/**
 * The key of every issue page and print page of the site, and the key of
 * the whole of Astro's output (site-snapshot.ts): the renderer, every issue
 * and every other field of the compiled site (archive, sections, units,
 * stats, settings, downloads) — everything the pages can read. JSON, not the
 * site's V8 serialisation: that differs with which objects happen to be
 * shared (bodies from the Markdown cache or compiled afresh).
 */
export function pageKeys(site: CompiledSite, renderer: string): { pages: IssuePageKey[]; site: string } {
  const settings = siteSettings(site);
  const digests = new Map(site.issues.map((issue) => [issue, sha256([JSON.stringify(issue)])]));
  const digest = (issue: CompiledIssue | undefined) => (issue ? digests.get(issue)! : '');
  const neighbours = issueNeighbours(site.issues);
  const pages = site.issues.flatMap((issue) => {
    const { newer, older } = neighbours.get(issue)!;
    return [
      {
        kind: 'issue' as const,
        issue,
        key: sha256(['issue', renderer, settings, digest(issue), digest(newer), digest(older)]),
      },
      { kind: 'print' as const, issue, key: sha256(['print', renderer, settings, digest(issue)]) },
    ];
  });
  return { pages, site: sha256(['site', renderer, ...site.issues.map(digest), collections(site, digests)]) };
}

/**
 * The keys `pageKeys` computed on a copy of `site` (the compile worker's,
 * whose bytes `site` was deserialised from: the same issues in the same
 * order), attached to `site`'s own issues.
 */
export function attachPageKeys(site: CompiledSite, plain: PlainPageKeys): { pages: IssuePageKey[]; site: string } {
  const pages = site.issues.flatMap((issue) => [
    { kind: 'issue' as const, issue },
    { kind: 'print' as const, issue },
  ]);
  if (pages.length !== plain.pages.length)
    throw new Error(`page keys: ${plain.pages.length} for ${pages.length} pages`);
  return { pages: pages.map((page, index) => ({ ...page, key: plain.pages[index]! })), site: plain.site };
}

/**
 * The site but its issue list as JSON, each issue (the archive lists them
 * again) and each of their entries (the sections and units list those) written
 * as the digest of the issue it is: the same objects, not copies, so not
 * serialised three times over.
 */
function collections(site: CompiledSite, digests: ReadonlyMap<CompiledIssue, string>): string {
  const known = new Map<object, string>();
  for (const [issue, digest] of digests) {
    known.set(issue, `\u0000issue ${digest}`);
    issue.entries.forEach((entry, index) => known.set(entry, `\u0000entry ${digest} ${index}`));
  }
  const { issues: _issues, ...rest } = site;
  return JSON.stringify(rest, (_key, value: unknown) =>
    typeof value === 'object' && value !== null ? (known.get(value) ?? value) : value,
  );
}
