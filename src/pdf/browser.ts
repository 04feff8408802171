/**
 * Which browser prints the PDFs: `--browser PATH`, else JIANBAO_BROWSER, else
 * the first Chromium, Chrome or Edge found where Linux, Windows and macOS
 * install them. Pure over its inputs, so every platform can be tested here.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { UserError } from '../core/index.ts';

export interface BrowserChoice {
  path: string;
  /** Where the choice came from, for messages: `--browser`, `JIANBAO_BROWSER` or `自动查找`. */
  source: string;
}

export interface FindBrowserOptions {
  /** `--browser PATH`. */
  flag?: string;
  env: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Injected for tests; defaults to fs.existsSync. */
  exists?: (path: string) => boolean;
}

/** A browser was asked for or looked for and is not there; the message says how to get one. */
export class BrowserNotFoundError extends UserError {}

const LINUX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];
const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/opt/microsoft/msedge/msedge',
];
const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Chromium.app/Contents/MacOS/Chromium',
];
const WINDOWS_APPS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
  'Chromium\\Application\\chrome.exe',
];

/** The places a browser is looked for, in order of preference. */
export function browserCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') {
    // Windows names are case-insensitive (ProgramFiles, ProgramFiles(x86), LOCALAPPDATA); a copy of process.env is not.
    const variable = (name: string) =>
      env[name] ?? Object.entries(env).find(([key]) => key.toUpperCase() === name)?.[1];
    const roots = [variable('PROGRAMFILES'), variable('PROGRAMFILES(X86)'), variable('LOCALAPPDATA')].filter(
      (root): root is string => Boolean(root),
    );
    return WINDOWS_APPS.flatMap((app) => roots.map((root) => `${root.replace(/[\\/]$/, '')}\\${app}`));
  }
  if (platform === 'darwin') {
    const roots = ['/Applications', ...(env.HOME ? [`${env.HOME}/Applications`] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => `${root}/${app}`));
  }
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => LINUX_NAMES.map((name) => join(dir, name)));
  return [...new Set([...LINUX_PATHS, ...onPath])];
}

/** How to get a browser, per platform, in Chinese. */
function browserInstallHelp(platform: NodeJS.Platform): string {
  const lines = [
    '生成 PDF 需要 Chromium、Google Chrome 或 Microsoft Edge 浏览器（任选其一）。',
    platform === 'win32'
      ? '  Windows：Windows 10/11 自带 Microsoft Edge；没有时请安装 Edge 或 Chrome。'
      : platform === 'darwin'
        ? '  macOS：安装 Google Chrome 或 Microsoft Edge（放在“应用程序”文件夹）。'
        : '  Linux（Debian/Ubuntu）：sudo apt install chromium；其他发行版请安装 chromium 或 google-chrome。',
    '已安装在其他位置时，用 --browser <路径> 或环境变量 JIANBAO_BROWSER 指定浏览器程序。',
  ];
  return lines.join('\n');
}

export function findBrowser(options: FindBrowserOptions): BrowserChoice {
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  const given = options.flag
    ? { path: options.flag, source: '--browser' }
    : options.env.JIANBAO_BROWSER
      ? { path: options.env.JIANBAO_BROWSER, source: 'JIANBAO_BROWSER' }
      : undefined;
  if (given) {
    if (exists(given.path)) return given;
    throw new BrowserNotFoundError(
      `${given.source} 指定的浏览器不存在：${given.path}\n${browserInstallHelp(platform)}`,
    );
  }
  const found = browserCandidates(platform, options.env).find((path) => exists(path));
  if (found) return { path: found, source: '自动查找' };
  throw new BrowserNotFoundError(`找不到可用的浏览器，无法生成 PDF。\n${browserInstallHelp(platform)}`);
}
