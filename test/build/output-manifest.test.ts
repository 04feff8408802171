/**
 * The record of what the output folder holds: a folder matches it only while
 * every file is there with the size and time recorded, none added, and the
 * files written just before the record (racy: a change within the file
 * system's timestamp resolution keeps the time) with the same bytes.
 */
import { mkdir, readFile, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OutputManifest, RACY_MS } from '../../src/build/output-manifest.ts';
import { tempDir } from '../helpers/index.ts';

let root: string;
let staged: string;
let out: string;
let manifest: OutputManifest;

const KEY = 'site-key-1';

/** A small site, staged, recorded, then moved into place as the build does. */
async function publish(files: Record<string, string>, options: { ageMs?: number } = {}): Promise<void> {
  await rm(staged, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(staged, path, '..'), { recursive: true });
    await writeFile(join(staged, path), text);
    if (options.ageMs) {
      const then = new Date(Date.now() - options.ageMs);
      await utimes(join(staged, path), then, then);
    }
  }
  await manifest.record(staged, out, KEY);
  await rm(out, { recursive: true, force: true });
  await rename(staged, out);
}

/** Write `text` over `path` (inside `out`) and put its time back. */
async function changeKeepingTime(path: string, text: string): Promise<void> {
  const { atime, mtime } = await stat(join(out, path));
  await writeFile(join(out, path), text);
  await utimes(join(out, path), atime, mtime);
}

const SITE = {
  'index.html': '<h1>首页</h1>',
  'zhuanbao/2025/1/index.html': '<h1>第1期</h1>',
  'zhuanbao/2025/1/2025-1.pdf': '%PDF-1.7',
  '_astro/site.css': 'body{}',
};

beforeEach(async () => {
  root = await tempDir('jianbao-manifest-');
  staged = join(root, 'staged');
  out = join(root, 'dist');
  manifest = new OutputManifest(join(root, 'cache', 'output.json'));
});

describe('OutputManifest', () => {
  it('matches the folder the recorded site was moved to, and counts its pages and PDFs', async () => {
    await publish(SITE);
    expect(await manifest.unchanged(out, KEY)).toEqual({ pages: 2, pdfs: 1 });
  });

  it('does not match another site key, another folder, or no record', async () => {
    await publish(SITE);
    expect(await manifest.unchanged(out, 'site-key-2')).toBeUndefined();
    expect(await manifest.unchanged(join(root, 'elsewhere'), KEY)).toBeUndefined();
    await manifest.forget();
    expect(await manifest.unchanged(out, KEY)).toBeUndefined();
  });

  it('does not match once a file is changed, touched, removed or added', async () => {
    const cases: [string, () => Promise<void>][] = [
      ['changed', () => writeFile(join(out, 'index.html'), '<h1>首页（改）</h1>')],
      ['touched', () => utimes(join(out, 'index.html'), new Date(), new Date(Date.now() + 5000))],
      ['removed', () => rm(join(out, 'zhuanbao/2025/1/2025-1.pdf'))],
      ['added', () => writeFile(join(out, 'zhuanbao/2025/1/extra.html'), 'x')],
      ['link added', () => symlink('index.html', join(out, 'alias.html'))],
    ];
    for (const [what, change] of cases) {
      await publish(SITE, { ageMs: 3_600_000 });
      expect(await manifest.unchanged(out, KEY), `${what}: before`).toBeDefined();
      await change();
      expect(await manifest.unchanged(out, KEY), what).toBeUndefined();
    }
  });

  it('compares the racy files by content: a change of the same size that kept the time is still seen', async () => {
    await publish(SITE);
    await changeKeepingTime('index.html', '<h1>首頁</h1>'); // same length in bytes, same time
    expect((await readFile(join(out, 'index.html'))).length).toBe(Buffer.byteLength(SITE['index.html']));
    expect(await manifest.unchanged(out, KEY)).toBeUndefined();
  });

  it('hashes only the files written within RACY_MS of the newest one', async () => {
    await publish(SITE, { ageMs: 3_600_000 });
    // The newest file decides: written now, it alone is racy.
    await rm(staged, { recursive: true, force: true });
    await mkdir(staged);
    await rename(out, join(staged, 'site'));
    const site = join(staged, 'site');
    await writeFile(join(site, '.jianbao-site'), 'jianbao\n');
    await manifest.record(site, out, KEY);
    const recorded = JSON.parse(await readFile(join(root, 'cache', 'output.json'), 'utf8')) as {
      files: Record<string, { sha256?: string }>;
    };
    const hashed = Object.entries(recorded.files)
      .filter(([, file]) => file.sha256)
      .map(([path]) => path);
    expect(hashed).toEqual(['.jianbao-site']);
    expect(RACY_MS).toBeGreaterThanOrEqual(2000); // FAT keeps times to two seconds
    await rename(site, out);
    expect(await manifest.unchanged(out, KEY)).toEqual({ pages: 2, pdfs: 1 });
  });

  it('does not match when the record is unreadable', async () => {
    await publish(SITE);
    await writeFile(join(root, 'cache', 'output.json'), '{"outDir":');
    expect(await manifest.unchanged(out, KEY)).toBeUndefined();
  });
});
