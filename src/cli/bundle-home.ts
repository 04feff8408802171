/**
 * The offline bundle (`npm run bundle`): jianbao unzipped with its own
 * Node.js into a folder of its own, the package in `<folder>/app/`, marked
 * by `app/bundle.json`. There the CLI
 * - remembers the last content folder the clerk used, in `<folder>/设置.json`
 *   (content lives outside the bundle, so an update is "unzip the new
 *   version"), and falls back to the sample content shipped beside it;
 * - keeps what the browser would leave in the home folder inside the bundle
 *   (`app/.jianbao/browser/`): nothing is left outside the unzipped folder
 *   and the content folder. Temporary files stay in the system's temporary
 *   folder, where Chromium needs them (its socket path must be short) and
 *   from where they are removed when the command ends.
 * Paths go through `paths` (node:path by default) so Windows paths are
 * tested with path.win32 on any system.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path, { type PlatformPath } from 'node:path';
import { resolveContentDir } from '../core/index.ts';

/** In the package root of a bundle: what was bundled (written by release/bundle.ts). */
export const BUNDLE_MARKER = 'bundle.json';
/** In the bundle folder: the clerk's settings (the last content folder). */
export const BUNDLE_SETTINGS = '设置.json';
/** In the bundle folder: the sample content. */
export const BUNDLE_SAMPLE_CONTENT = '示例内容';
/** The settings file's key for the last content folder. */
const CONTENT_KEY = '内容目录';

export interface BundleHome {
  /** The unzipped folder. */
  dir: string;
  settingsFile: string;
  sampleContent: string;
  /** Settings and caches the browser keeps between runs. */
  browserDir: string;
}

type Paths = Pick<PlatformPath, 'join' | 'dirname' | 'resolve' | 'sep'>;

/** The bundle folder around the package at `packageRoot`, when it is one. */
export function bundleHome(
  packageRoot: string,
  exists: (file: string) => boolean = isFile,
  paths: Paths = path,
): BundleHome | undefined {
  if (!exists(paths.join(packageRoot, BUNDLE_MARKER))) return undefined;
  const dir = paths.dirname(packageRoot);
  return {
    dir,
    settingsFile: paths.join(dir, BUNDLE_SETTINGS),
    sampleContent: paths.join(dir, BUNDLE_SAMPLE_CONTENT),
    browserDir: paths.join(packageRoot, '.jianbao', 'browser'),
  };
}

/**
 * Environment for the bundle's processes. On Linux, Chromium keeps its
 * crash-report settings and GTK its dconf cache in the home folder's .config
 * and .cache: those go inside the bundle (fonts are still found in the home
 * folder: XDG_DATA_HOME is left alone). Edge on Windows keeps everything in
 * the profile folder Playwright makes and removes.
 */
export function bundleEnv(
  home: BundleHome,
  platform: NodeJS.Platform = process.platform,
  paths: Pick<PlatformPath, 'join'> = path,
): Record<string, string> {
  if (platform !== 'linux') return {};
  return {
    XDG_CONFIG_HOME: paths.join(home.browserDir, 'config'),
    XDG_CACHE_HOME: paths.join(home.browserDir, 'cache'),
  };
}

/** The content folder remembered in the settings file, if any. */
export function rememberedContent(
  home: BundleHome,
  read: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): string | undefined {
  try {
    const value = (JSON.parse(read(home.settingsFile)) as Record<string, unknown>)[CONTENT_KEY];
    return typeof value === 'string' && value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Remember `contentDir` (absolute) as the last content folder; atomic, other settings kept. */
export function rememberContent(home: BundleHome, contentDir: string): void {
  let settings: Record<string, unknown> = {};
  try {
    settings = JSON.parse(readFileSync(home.settingsFile, 'utf8')) as Record<string, unknown>;
    if (!settings || typeof settings !== 'object' || Array.isArray(settings)) settings = {};
  } catch {
    // none yet, or unreadable: start afresh
  }
  if (settings[CONTENT_KEY] === contentDir) return;
  settings[CONTENT_KEY] = contentDir;
  const temporary = `${home.settingsFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`);
  renameSync(temporary, home.settingsFile);
}

export interface BundleContentChoice {
  contentDir: string;
  /** Say this on stderr (which folder was taken, and why), if set. */
  notice?: string;
  /** Remember this folder as the last one used. */
  remember: boolean;
}

/**
 * The content folder in a bundle: `--content` (then remembered), else
 * JIANBAO_CONTENT, else the remembered folder while it exists, else the
 * sample content.
 */
export function chooseBundleContent(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
  home: BundleHome,
  options: { isDirectory?: (dir: string) => boolean; read?: (file: string) => string; paths?: Paths } = {},
): BundleContentChoice {
  const isDirectory = options.isDirectory ?? isDir;
  const paths = options.paths ?? path;
  if (flag !== undefined) {
    const contentDir = resolveContentDir(flag, env, cwd, paths);
    return { contentDir, remember: isDirectory(contentDir) };
  }
  if (env.JIANBAO_CONTENT) return { contentDir: resolveContentDir(undefined, env, cwd, paths), remember: false };
  const remembered = rememberedContent(home, options.read);
  if (remembered && isDirectory(remembered)) return { contentDir: remembered, remember: false };
  const notice = remembered
    ? `上次使用的内容目录不存在（是否是移动了文件夹，或网络盘未连接？）：${remembered}\n本次使用示例内容：${home.sampleContent}\n`
    : `使用示例内容：${home.sampleContent}（用 --content <目录> 指定你的内容目录，之后会自动记住）\n`;
  return { contentDir: home.sampleContent, notice, remember: false };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
