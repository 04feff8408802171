/**
 * A content source over files held in memory: the tests' content, and an
 * editor's unsaved buffers later. Text is stored as UTF-8.
 */
import { readEach, type ContentSource, type FileInfo, type FileRead } from './source.ts';

export class MemorySource implements ContentSource {
  readonly id: string;
  private readonly files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  private clock = 1;

  constructor(files: Record<string, string | Uint8Array> = {}, id = 'memory:') {
    this.id = id;
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  /** Add or replace a file. */
  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, {
      bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
      mtimeMs: this.clock++,
    });
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  async list(folder: string, options: { recursive?: boolean } = {}): Promise<string[]> {
    const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : '';
    const names = new Set<string>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      names.add(options.recursive === false ? rest.split('/')[0]! : rest);
    }
    return [...names].sort();
  }

  async read(path: string, limit?: number): Promise<FileRead> {
    return this.readSync(path, limit);
  }

  readSync(path: string, limit?: number): FileRead {
    const file = this.files.get(path);
    if (file) return { path, bytes: limit === undefined ? file.bytes : file.bytes.subarray(0, limit) };
    const folder = [...this.files.keys()].some((other) => other.startsWith(`${path}/`));
    return { path, code: folder ? 'EISDIR' : 'ENOENT' };
  }

  readMany(paths: readonly string[]): AsyncIterable<FileRead> {
    return readEach(this, paths);
  }

  async stamps(paths: readonly string[]): Promise<(FileInfo | undefined)[]> {
    return Promise.all(paths.map((path) => this.stat(path)));
  }

  async stat(path: string): Promise<FileInfo | undefined> {
    const file = this.files.get(path);
    return file ? { size: file.bytes.length, mtimeMs: file.mtimeMs } : undefined;
  }
}
