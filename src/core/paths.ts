/** Where things live in a content directory: declared once, here. */

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

/** Resolve the content directory from a flag, the environment, or the default. */
export function resolveContentDir(flag: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const chosen = flag ?? env.JIANBAO_CONTENT ?? 'content';
  return chosen.startsWith('/') || /^[A-Za-z]:[\\/]/.test(chosen) ? chosen : `${cwd.replace(/[\\/]$/, '')}/${chosen}`;
}

/**
 * Top-level folders of the built site that are not series: a series with one
 * of these ids would collide with them (`<series>/<year>/<number>/`).
 */
export const RESERVED_SITE_DIRS = ['sections', 'units', 'stats', 'search', 'pagefind', 'media'] as const;
