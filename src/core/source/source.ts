/**
 * Where a project's files come from: a small interface the loader reads
 * through (list, read, stat), so the core runs the same over the file system
 * (fs.ts), over files held in memory (memory.ts: tests, a local editor) or
 * anything else that can answer these three questions.
 *
 * Paths are relative to the content directory, with `/` separators.
 */
import type { ScannedRecord } from '../archive/record-scan.ts';

/**
 * One file's bytes, or the error code (`ENOENT`, `EISDIR`, `EACCES`…) reading
 * it failed with. `text`: the bytes decoded already, when they are plainly
 * UTF-8 (load/utf8-text.ts `plainUtf8`; the reader thread decodes what it reads).
 */
export type FileRead =
  | { path: string; bytes: Uint8Array; text?: string; code?: undefined }
  | { path: string; bytes?: undefined; text?: undefined; code: string };

export interface FileInfo {
  size: number;
  mtimeMs: number;
  /** Status change time (any write, rename or metadata change sets it; no tool can set it back). */
  ctimeMs?: number;
  /** The file's inode: another file moved to this path has another one. */
  ino?: number;
  /** The file is reached through a link whose target lies outside the content: not a file of the content. */
  outside?: true;
}

export interface ContentSource {
  /** A name for messages and caches: the directory, or `memory:…`. */
  readonly id: string;
  /**
   * The files under `folder` ('' for the top), relative to it, sorted;
   * `recursive: false`: only the names directly in it (files and folders).
   * An absent folder has none.
   */
  list(folder: string, options?: { recursive?: boolean }): Promise<string[]>;
  /** A file's bytes (at most `limit` of them when given), or why it cannot be read. */
  read(path: string, limit?: number): Promise<FileRead>;
  /** A file's bytes now, on this thread (an image's hash, read only when a page needs it). */
  readSync(path: string): FileRead;
  /** Many files, in the order given, as they are read (the file system reads large sets on another thread). */
  readMany(paths: readonly string[]): AsyncIterable<FileRead>;
  /**
   * Archive records read, hashed and scanned (archive/record-scan.ts) on
   * another thread, started at once (a cold check loads the entries
   * meanwhile); undefined when the source does not, or it failed: the records
   * are then read through `read`.
   */
  scanRecords?(paths: readonly string[]): Promise<Map<string, ScannedRecord> | undefined> | undefined;
  /** Size and modification time of a file; undefined when there is none (missing, or a folder). */
  stat(path: string): Promise<FileInfo | undefined>;
  /**
   * Size, times and inode of many files at once, as fast as the source can
   * (what an incremental check compares with the files it read before);
   * undefined for a path that is no file. Sources without it are read whole every time.
   */
  stamps?(paths: readonly string[]): Promise<(FileInfo | undefined)[]>;
}

/** Read one after the other through `read`: `readMany` for sources with nothing faster. */
export async function* readEach(
  source: Pick<ContentSource, 'read'>,
  paths: readonly string[],
): AsyncGenerator<FileRead> {
  for (const path of paths) yield await source.read(path);
}
