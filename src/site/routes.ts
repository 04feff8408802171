/**
 * Where each page of the site lives (SPEC "Output"), under the site base.
 * Pages build every internal link through these, never by hand.
 */
import type { CompiledEntry, CompiledIssue } from '../core/index.ts';

/** Astro's folder of built assets (its `build.assets` default), each named by a hash of its content. */
export const ASSETS_DIR = '_astro';

/** Folder names of the archive pages: `sections/<section>/`, `units/<unit-id>/`. */
export const ARCHIVE_DIRS = { sections: 'sections', units: 'units' } as const;

/** The two pages every issue has: its web page and its A4 print page. */
export type IssuePageKind = 'issue' | 'print';

/** Where an issue's page lives under the base, no leading slash: `zhuanbao/2023/6/` or `zhuanbao/2023/6/print/`. */
export function issuePagePath(kind: IssuePageKind, issue: Pick<CompiledIssue, 'key'>): string {
  return kind === 'issue' ? `${issue.key}/` : `${issue.key}/print/`;
}

/** `/` or `/bulletin/`: the base Astro was built with. */
export function base(): string {
  const value = import.meta.env.BASE_URL;
  return value.endsWith('/') ? value : `${value}/`;
}

/** A path under the base; `path` has no leading slash. */
export function href(path = ''): string {
  return `${base()}${path}`;
}

export const links = {
  home: () => href(),
  issue: (issue: Pick<CompiledIssue, 'key'>) => href(issuePagePath('issue', issue)),
  print: (issue: Pick<CompiledIssue, 'key'>) => href(issuePagePath('print', issue)),
  /** A file written next to the issue page (its PDF, its .docx). */
  file: (issue: Pick<CompiledIssue, 'key'>, name: string) =>
    href(`${issuePagePath('issue', issue)}${encodeURIComponent(name)}`),
  entry: (issue: Pick<CompiledIssue, 'key'>, entry: Pick<CompiledEntry, 'anchor'>) =>
    `${href(`${issue.key}/`)}#${entry.anchor}`,
  sections: () => href(`${ARCHIVE_DIRS.sections}/`),
  section: (id: string) => href(`${ARCHIVE_DIRS.sections}/${encodeURIComponent(id)}/`),
  units: () => href(`${ARCHIVE_DIRS.units}/`),
  unit: (id: string) => href(`${ARCHIVE_DIRS.units}/${encodeURIComponent(id)}/`),
  stats: () => href('stats/'),
  /** One year's statistics: `stats/2025/`. */
  statsYear: (year: number) => href(`stats/${year}/`),
  search: () => href('search/'),
  feed: () => href('feed.xml'),
};

/** Params for `[series]/[year]/[number]` from an issue key `zhuanbao/2023/6`. */
export function issueParams(issue: Pick<CompiledIssue, 'key'>): { series: string; year: string; number: string } {
  const [series = '', year = '', number = ''] = issue.key.split('/');
  return { series, year, number };
}

/** Folder of the full-text search index (Pagefind). */
export const SEARCH_DIR = 'pagefind';

/**
 * The search index is one Pagefind bundle per year of issues, so that a
 * rebuild indexes again only the years whose issue pages changed: the newest
 * year's bundle is the main one at `pagefind/` (it carries the search UI),
 * each older year's is at `pagefind/<year>/` and the search page merges them.
 * Years newest first.
 */
export function searchYears(issues: readonly Pick<CompiledIssue, 'year'>[]): number[] {
  return [...new Set(issues.map((issue) => issue.year))].sort((a, b) => b - a);
}

/** Where one year's search bundle lives under the base: `pagefind/` for the newest year, else `pagefind/<year>/`. */
export function searchBundlePath(year: number, newest: number): string {
  return year === newest ? `${SEARCH_DIR}/` : `${SEARCH_DIR}/${year}/`;
}

/** Entries per archive page: big archives are split (`sections/x/`, `sections/x/2/`, …). */
export const ARCHIVE_PAGE_SIZE = 200;
