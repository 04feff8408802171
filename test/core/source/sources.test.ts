/**
 * The content sources: the same content checked from the file system and
 * from memory gives the same findings and the same compiled site, and a
 * project opened over memory checks, compiles and sees a change after
 * `invalidate`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, compileSite } from '../../../src/core/index.ts';
import { openProject } from '../../../src/core/project.ts';
import { FileSystemSource } from '../../../src/core/source/fs.ts';
import { MemorySource } from '../../../src/core/source/memory.ts';
import { FIXTURES, listFiles } from '../../helpers/index.ts';

async function inMemory(dir: string): Promise<MemorySource> {
  const files: Record<string, Uint8Array> = {};
  for (const file of await listFiles(dir)) files[file.replace(/\\/g, '/')] = await readFile(join(dir, file));
  return new MemorySource(files, dir);
}

describe('content sources', () => {
  it('check the same content from disk and from memory alike', async () => {
    for (const name of ['encoding-gbk', 'entry-image-missing', 'series-required']) {
      const dir = join(FIXTURES, 'rules', name, 'content');
      const fromDisk = await checkContent(new FileSystemSource(dir));
      const fromMemory = await checkContent(await inMemory(dir));
      expect(fromMemory.diagnostics, name).toEqual(fromDisk.diagnostics);
      expect(fromMemory.content.entries.map((entry) => entry.id)).toEqual(
        fromDisk.content.entries.map((entry) => entry.id),
      );
    }
  });

  it('compile the base fixture from memory to the same site', async () => {
    const dir = join(FIXTURES, 'base', 'content');
    const disk = await checkContent(dir);
    const memory = await checkContent(await inMemory(dir));
    expect(memory.errors).toBe(0);
    expect(compileSite(memory.content, memory.registry)).toEqual(compileSite(disk.content, disk.registry));
  });

  it('a project over memory checks once, compiles, and sees a change after invalidate', async () => {
    const source = await inMemory(join(FIXTURES, 'base', 'content'));
    const project = openProject('/nonexistent/content', { source });
    const first = await project.check();
    expect(await project.check()).toBe(first);
    const site = await project.compile();
    const entry = site.issues.flatMap((issue) => issue.entries).find((item) => item.id === '2024/应急检查')!;
    const file = entry.file;
    source.write(
      file,
      new TextDecoder().decode((await source.read(file)).bytes).replace('专项检查。', '专项检查，发现隐患2处。'),
    );
    expect((await project.compile()).issues).toEqual(site.issues);
    project.invalidate();
    const changed = (await project.compile()).issues
      .flatMap((issue) => issue.entries)
      .find((item) => item.id === '2024/应急检查')!;
    expect(changed.body.text).toContain('发现隐患2处');
    source.write('units.yaml', '- 这不是单位');
    project.invalidate();
    await expect(project.compile()).rejects.toThrow(/内容有 \d+ 个错误/);
  });
});
