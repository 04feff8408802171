/** Load the base fixture (test/fixtures/base/content) with some files replaced, for calling one rule directly. */
import { rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadContent, type EntryRecord, type IssueRecord, type LoadedContent } from '../../src/core/load/content.ts';
import { buildRegistry, type Registry } from '../../src/core/registry.ts';
import { copyContent } from './index.ts';

export interface Loaded {
  content: LoadedContent;
  registry: Registry;
  /** The entry with this id (`2024/应急检查`). */
  entry: (id: string) => EntryRecord;
  /** The issue in this file (`issues/2024-03.md`). */
  issue: (file: string) => IssueRecord;
}

/** `files`: path in the content directory → new text (or bytes), or null to delete the file. */
export async function loadBase(files: Record<string, string | Buffer | null> = {}): Promise<Loaded> {
  const dir = await copyContent();
  for (const [path, text] of Object.entries(files)) {
    if (text === null) await rm(join(dir, path));
    else {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  }
  const content = await loadContent(dir);
  const find = <T>(list: T[], test: (item: T) => boolean, what: string): T => {
    const found = list.find(test);
    if (!found) throw new Error(`no ${what} in the fixture`);
    return found;
  };
  return {
    content,
    registry: buildRegistry(content),
    entry: (id) => find(content.entries, (entry) => entry.id === id, `entry ${id}`),
    issue: (file) => find(content.issues, (issue) => issue.file === file, `issue ${file}`),
  };
}

/** A diagnostic as a line a reader can check: `file:line:column rule message → hint`. */
export function shown(d: {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  hint?: string;
}): string {
  return `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}${d.hint ? ` → ${d.hint}` : ''}`;
}
