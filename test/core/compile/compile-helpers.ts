/** Compile a content directory the way the site does (check, then compileSite). */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkContent, compileSite, type CompiledSite } from '../../../src/core/index.ts';
import { copyContent } from '../../helpers/index.ts';

export async function compileDir(dir: string): Promise<CompiledSite> {
  const result = await checkContent(dir);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length)
    throw new Error(`fixture has errors: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
  return compileSite(result.content, result.registry);
}

/** A copy of the base fixture with some files edited by `(text) => text`; `null` deletes the file. */
export async function editedBase(edits: Record<string, ((text: string) => string) | null>): Promise<string> {
  const dir = await copyContent();
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    if (edit === null) await rm(path);
    else await writeFile(path, edit(await readFile(path, 'utf8')));
  }
  return dir;
}
