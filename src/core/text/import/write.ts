/**
 * Where an imported draft goes and how it is written: entries/<yyyy>/<mm>/
 * <title>.md, never overwriting (a -2, -3 … suffix instead), each file
 * written to a temporary name and hard-linked into place, which fails
 * rather than replace a file that appeared meanwhile.
 */
import { link, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { ENTRIES_DIR } from '../../paths.ts';

/** A file name from the title, or from the first words of the body. */
export function entryName(title: string | undefined, body: string): string {
  const source = title || body.replace(/[#*>`\-[\]()!\s]/g, '').slice(0, 16) || '导入稿件';
  const name = source
    .replace(/[\\/:*?"<>|\s\u3000“”‘’「」『』'`]+/g, '')
    .replace(/^[.]+/, '')
    .slice(0, 24);
  return name || '导入稿件';
}

/** The text of an entry file. */
export function entryFileText(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${body.trim()}\n`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A content-relative path for a new entry that does not exist yet (nor is taken in this run). */
export async function freeEntryPath(
  contentDir: string,
  date: string,
  name: string,
  taken: Set<string>,
): Promise<string> {
  const folder = `${ENTRIES_DIR}/${date.slice(0, 4)}/${date.slice(5, 7)}`;
  for (let n = 1; ; n++) {
    const path = `${folder}/${name}${n === 1 ? '' : `-${n}`}.md`;
    if (!taken.has(path) && !(await exists(join(contentDir, path)))) {
      taken.add(path);
      return path;
    }
  }
}

/** Write a new file; never replaces an existing one (throws EEXIST). */
export async function writeNewFile(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.jianbao-import-${process.pid}`;
  await writeFile(temporary, data);
  try {
    await link(temporary, path);
  } finally {
    await unlink(temporary);
  }
}
