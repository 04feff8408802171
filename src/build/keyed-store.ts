/**
 * The render cache's one store: things kept under their key (a digest of
 * everything they were made from, so a thing found under its key is never
 * stale), one per file `<dir>/<key><extension>` or, for folders, `<dir>/<key>/`.
 * Written atomically (core/atomic.ts): an entry is whole or absent. After a
 * build, `prune` keeps exactly the keys that build used.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { copyAtomic, replaceDirectory, writeAtomic } from '../core/index.ts';

export class KeyedStore {
  private present: Set<string> | undefined;

  constructor(
    readonly dir: string,
    /** `.html`, `.pdf`…; empty: each entry is a folder. */
    private readonly extension: string,
  ) {}

  /** Where the entry of `key` is kept. */
  path(key: string): string {
    return join(this.dir, `${key}${this.extension}`);
  }

  /** The keys present now (under the build lock: another build may have pruned). */
  async scan(): Promise<ReadonlySet<string>> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    this.present = new Set(
      names
        .filter((name) => !name.endsWith('.partial') && name.endsWith(this.extension))
        .map((name) => name.slice(0, name.length - this.extension.length)),
    );
    return this.present;
  }

  /** Whether `key` was present at the last scan (or kept since). */
  has(key: string): boolean {
    return this.present?.has(key) ?? existsSync(this.path(key));
  }

  async read(key: string): Promise<Buffer | undefined> {
    return readFile(this.path(key)).catch(() => undefined);
  }

  /** Copy the entry to `to` (a file; folders: see `copyDirectory`); false when it is not there. */
  async restoreFile(key: string, to: string): Promise<boolean> {
    await mkdir(dirname(to), { recursive: true });
    return copyFile(this.path(key), to).then(
      () => true,
      () => false,
    );
  }

  async keepFile(key: string, from: string): Promise<void> {
    await copyAtomic(from, this.path(key));
    this.present?.add(key);
  }

  async keepData(key: string, data: string | Uint8Array): Promise<void> {
    await writeAtomic(this.path(key), data);
    this.present?.add(key);
  }

  /** Keep the folder `fill` makes at the path it is given. */
  async keepDirectory(key: string, fill: (dir: string) => Promise<void>): Promise<void> {
    await replaceDirectory(this.path(key), fill);
    this.present?.add(key);
  }

  /** Remove every entry whose key is not in `live`. */
  async prune(live: ReadonlySet<string>): Promise<void> {
    for (const key of await this.scan()) {
      if (!live.has(key)) await rm(this.path(key), { recursive: true, force: true });
    }
    this.present = new Set([...this.present!].filter((key) => live.has(key)));
  }
}
