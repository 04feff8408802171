/**
 * What loading each file produced, kept between checks so that a check
 * re-reads only the files that changed, as `git status` does with its index.
 *
 * A file is taken as unchanged when its size, modification time,
 * status-change time and inode are exactly those it had when it was read —
 * and it had not been modified shortly before: a file whose modification
 * (or status-change) time is not at least RACY_MS older than the moment its
 * stamp was taken is "racily clean" and is read again next time, because an
 * edit within the same tick of the file system's clock would leave every
 * stamp field the same (git's racy-timestamp guard; RACY_MS covers the
 * coarsest timestamps in use, FAT's two seconds). A deleted file is not
 * listed, a renamed or new one has a path never read: both are read.
 *
 * The states belong to one project (project.ts), never to the process; a
 * project may also start from states kept on disk (check-cache in the
 * build's render cache), in their plain form (`plain`).
 */
import type { FileInfo } from '../source/source.ts';

/** Timestamps closer than this to the moment of stamping do not prove a file unchanged. */
export const RACY_MS = 2000;

export interface StampedValue<T = unknown> {
  stamp: FileInfo;
  /** Date.now() just before the stamp was taken. */
  stampedAt: number;
  value: T;
}

export function sameStamp(a: FileInfo, b: FileInfo): boolean {
  return (
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs &&
    a.ino === b.ino &&
    a.outside === b.outside
  );
}

/** Whether a stamp taken at `stampedAt` proves nothing (the file changed too shortly before). */
export function isRacy(stamp: FileInfo, stampedAt: number): boolean {
  return stamp.mtimeMs >= stampedAt - RACY_MS || (stamp.ctimeMs ?? 0) >= stampedAt - RACY_MS;
}

export class FileStates {
  private readonly files = new Map<string, StampedValue>();
  /** The kept files whose stamp was racy when taken (they prove nothing: read again next time). */
  private readonly racyPaths = new Set<string>();
  /** Files of the last load taken from the states, and read. */
  reused = 0;
  read = 0;

  constructor(entries: Iterable<[string, StampedValue]> = []) {
    for (const [path, value] of entries) {
      this.files.set(path, value);
      if (isRacy(value.stamp, value.stampedAt)) this.racyPaths.add(path);
    }
  }

  /** The kept files that were racy when stamped (a recheck told what changed stamps them too). */
  racy(): ReadonlySet<string> {
    return this.racyPaths;
  }

  /** What loading `path` gave when it had `stamp`, if that still holds. */
  take<T>(path: string, stamp: FileInfo | undefined): T | undefined {
    const kept = this.files.get(path);
    if (!kept || !stamp || !sameStamp(kept.stamp, stamp) || isRacy(kept.stamp, kept.stampedAt)) return undefined;
    this.reused++;
    return kept.value as T;
  }

  /** Whether `take` would give what loading `path` gave (without counting it as reused). */
  holds(path: string, stamp: FileInfo | undefined): boolean {
    const kept = this.files.get(path);
    return !!kept && !!stamp && sameStamp(kept.stamp, stamp) && !isRacy(kept.stamp, kept.stampedAt);
  }

  /**
   * The stamp kept for `path` when it proves the file unchanged since (it was
   * not racy when taken), for a caller told which files changed since
   * (project.invalidate with paths): the others need not be stamped again.
   */
  settled(path: string): FileInfo | undefined {
    const kept = this.files.get(path);
    return kept && !isRacy(kept.stamp, kept.stampedAt) ? kept.stamp : undefined;
  }

  keep(path: string, stamp: FileInfo | undefined, stampedAt: number, value: unknown): void {
    this.read++;
    if (stamp) {
      this.files.set(path, { stamp, stampedAt, value });
      if (isRacy(stamp, stampedAt)) this.racyPaths.add(path);
      else this.racyPaths.delete(path);
    } else {
      this.files.delete(path);
      this.racyPaths.delete(path);
    }
  }

  /** Forget one file (deleted since). */
  forget(path: string): void {
    this.files.delete(path);
    this.racyPaths.delete(path);
  }

  /** Forget every file under `prefix` ('' for all) not in `seen` (deleted or renamed since). */
  retain(prefix: string, seen: ReadonlySet<string>): void {
    for (const path of this.files.keys()) {
      if (path.startsWith(prefix) && !seen.has(path)) {
        this.files.delete(path);
        this.racyPaths.delete(path);
      }
    }
  }

  /** Start counting a new load. */
  startLoad(): void {
    this.reused = 0;
    this.read = 0;
  }

  /** Every kept file, for a cache on disk (the values must then be plain data). */
  entries(): IterableIterator<[string, StampedValue]> {
    return this.files.entries();
  }
}
