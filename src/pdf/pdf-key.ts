/**
 * What an issue's PDF is printed from, hashed into the key under which a PDF
 * printed earlier may be reused (`jianbao build --pdf` prints only the issues
 * whose key changed):
 *
 * - the print page's HTML as built (its assets, fonts and images are named
 *   by their content hashes, so their bytes are in the HTML's names) and the
 *   compiled issue (the PDF's title, author, keywords and dates);
 * - the browser that prints it: its `--version` and its executable file;
 * - the fonts installed on the system: the print stylesheet prefers the
 *   office fonts (仿宋_GB2312, 方正小标宋…) through local(), so installing
 *   one changes the PDF without changing the page;
 * - the caller's salt: the digest of jianbao's own sources and packages
 *   (src/pdf, pdf-lib, playwright-core…).
 */
import { execFile } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import { digestParts } from '../build/digest.js';
import type { CompiledIssue } from '../core/index.ts';

/** Folders the system's fonts live in, per platform. */
function fontFolders(env: Record<string, string | undefined>): string[] {
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return [
        join(env.WINDIR ?? 'C:\\Windows', 'Fonts'),
        join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Microsoft', 'Windows', 'Fonts'),
      ];
    case 'darwin':
      return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library', 'Fonts')];
    default:
      return [
        '/usr/share/fonts',
        '/usr/local/share/fonts',
        join(home, '.local', 'share', 'fonts'),
        join(home, '.fonts'),
      ];
  }
}

/** Every font file of the system: name, size, modification time. */
function fontsList(env: Record<string, string | undefined>): string {
  const lines: string[] = [];
  for (const folder of fontFolders(env)) {
    let entries;
    try {
      entries = readdirSync(folder, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      try {
        const info = statSync(path);
        lines.push(`${path}\t${info.size}\t${info.mtimeMs}`);
      } catch {
        // vanished while listing
      }
    }
  }
  return lines.sort().join('\n');
}

/** The browser's version line (empty where it prints none, as Chrome on Windows) and its executable file. */
async function browserIdentity(path: string): Promise<string> {
  const version = await new Promise<string>((resolve) => {
    execFile(path, ['--version'], { timeout: 10_000, windowsHide: true }, (_error, stdout) =>
      resolve(String(stdout ?? '').trim()),
    );
  });
  let file = path;
  try {
    const real = realpathSync(path);
    const info = statSync(real);
    file = `${real}\t${info.size}\t${info.mtimeMs}`;
  } catch {
    // keep the path
  }
  return `${version}\n${file}`;
}

/** Digest of the printing environment: browser and system fonts. */
export async function printEnvironment(browserPath: string, env: Record<string, string | undefined>): Promise<string> {
  return digestParts([await browserIdentity(browserPath), fontsList(env)]);
}

/** The key of one issue's PDF. */
export function pdfKey(parts: { salt: string; environment: string; issue: CompiledIssue; printHtml: string }): string {
  return digestParts([parts.salt, parts.environment, JSON.stringify(parts.issue), parts.printHtml]);
}
