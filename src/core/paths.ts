/** Where things live in a content directory: declared once, here. */
import { existsSync } from 'node:fs';
import path, { type PlatformPath } from 'node:path';

export const SETTINGS_FILES = {
  settings: 'jianbao.yaml',
  units: 'units.yaml',
  people: 'people.yaml',
  recipients: 'recipients.yaml',
} as const;

export type SettingsKind = keyof typeof SETTINGS_FILES;

export const ENTRIES_DIR = 'entries';
export const ISSUES_DIR = 'issues';

/** Output folder (under the site base) of the images entries show, named by content hash. */
export const MEDIA_DIR = 'media';

/** Files and folders whose name starts with these are ignored (drafts kept aside, editor files). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

/** `entries/2023/08/检查.md` → `2023/08/检查`. Always NFC, `/` separators. */
export function entryIdFromPath(relativeToEntries: string): string {
  return relativeToEntries.replace(/\\/g, '/').replace(/\.md$/i, '').normalize('NFC');
}

/**
 * Resolve the content directory from a flag, the environment, or else, as
 * git finds its repository, by walking up from the working directory: the
 * first folder that has jianbao.yaml, or a `content/` with one (so any
 * command works from a subfolder of the content or of the project). When
 * none is found: `./content`, whose absence the commands explain.
 *
 * Paths follow the rules of the system it runs on (`paths`, `node:path` by
 * default; tests pass `path.win32`): drive letters, backslashes, UNC shares
 * (`\\server\简报`), `..`. On Windows a folder typed or dropped as
 * `"D:\简报 内容\"` arrives as `D:\简报 内容"` (the command line reads `\"`
 * as a quote); a Windows path cannot contain `"`, so it is dropped.
 */
export function resolveContentDir(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
  paths: Pick<PlatformPath, 'resolve' | 'sep' | 'dirname' | 'join'> = path,
): string {
  // An empty JIANBAO_CONTENT (`JIANBAO_CONTENT= jianbao check`) is unset, not the current folder.
  let chosen = flag ?? (env.JIANBAO_CONTENT || undefined);
  if (chosen === undefined) {
    for (let dir = paths.resolve(cwd); ; dir = paths.dirname(dir)) {
      if (existsSync(paths.join(dir, SETTINGS_FILES.settings))) return dir;
      if (existsSync(paths.join(dir, 'content', SETTINGS_FILES.settings))) return paths.join(dir, 'content');
      if (paths.dirname(dir) === dir) break;
    }
    chosen = 'content';
  }
  // `"D:\"` arrives as `D:"`: the drive's root, not the drive's current folder.
  if (paths.sep === '\\' && chosen.endsWith('"')) chosen = chosen.replace(/"+$/, '').replace(/^([A-Za-z]:)$/, '$1\\');
  return paths.resolve(cwd, chosen);
}

/**
 * Top-level folders of the built site that are not series: a series with one
 * of these ids would collide with them (`<series>/<year>/<number>/`).
 */
export const RESERVED_SITE_DIRS = ['sections', 'units', 'stats', 'search', 'pagefind', 'media'] as const;
