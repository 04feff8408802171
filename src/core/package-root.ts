/**
 * The jianbao package's own folder (templates/, src/, astro.config.mjs), found
 * by walking up from this module to the `package.json` named jianbao: the same
 * answer whether the module runs from src/ (through tsx or vitest) or from the
 * CLI's prebuilt bundle in `.jianbao/cli/`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'jianbao';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === NAME) return dir;
    } catch {
      // no package.json here, or not JSON: keep looking
    }
    if (dirname(dir) === dir) throw new Error(`找不到 ${NAME} 的 package.json（从 ${from} 向上查找）`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
