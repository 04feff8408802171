/**
 * The reader thread of read-files.ts: reads the files it is given, in order,
 * synchronously (for thousands of small files that beats the thread pool by
 * far), and posts them in batches, each one buffer holding the files back to
 * back, transferred, not copied, with the text of each file that is plainly
 * UTF-8 (load/utf8-text.ts): decoding is a tenth of what loading an entry
 * costs, and copying a string to the main thread far less.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { scanRecord, type ScannedRecord } from '../archive/record-scan.ts';
import { plainUtf8 } from '../load/utf8-text.ts';

export interface ReaderInput {
  dir: string;
  paths: readonly string[];
  batch: number;
  /**
   * The paths are archive records: post each one's sha256 and scan
   * (archive/record-scan.ts) instead of its bytes, so that a cold check
   * hashes and scans them here while the main thread loads the entries.
   */
  records?: boolean;
}

/** A batch of records (`records: true`). */
export interface RecordBatch {
  records: ScannedRecord[];
}

export interface ReaderBatch {
  buffer: Uint8Array;
  entries: (
    { path: string; offset: number; length: number; text?: string; code?: undefined } | { path: string; code: string }
  )[];
}

let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * open, read until the end, close: no fstat (readFileSync's fourth system
 * call per file). The bytes are a view of the scratch buffer, good until the
 * next read.
 */
function readScratch(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger);
        scratch = bigger;
      }
      const count = readSync(fd, scratch, length, scratch.length - length, null);
      if (count === 0) return scratch.subarray(0, length);
      length += count;
    }
  } finally {
    closeSync(fd);
  }
}

/** A file's bytes, its own. */
function read(file: string): Buffer {
  return Buffer.from(readScratch(file));
}

function scanned(path: string): ScannedRecord {
  try {
    // Hashed and scanned before the next read: no copy of ten years of records.
    const bytes = readScratch(join(dir, path));
    return { path, sha256: createHash('sha256').update(bytes).digest('hex'), scan: scanRecord(bytes) };
  } catch (error) {
    return { path, code: (error as NodeJS.ErrnoException).code ?? 'UNKNOWN' };
  }
}

const { dir, paths, batch, records } = workerData as ReaderInput;
if (records) {
  for (let start = 0; start < paths.length; start += batch) {
    const message: RecordBatch = { records: paths.slice(start, start + batch).map(scanned) };
    parentPort!.postMessage(message);
  }
}
for (let start = 0; !records && start < paths.length; start += batch) {
  const files: ({ path: string; bytes: Buffer } | { path: string; code: string })[] = [];
  let size = 0;
  for (const path of paths.slice(start, start + batch)) {
    try {
      const bytes = read(join(dir, path));
      files.push({ path, bytes });
      size += bytes.length;
    } catch (error) {
      files.push({ path, code: (error as NodeJS.ErrnoException).code ?? 'UNKNOWN' });
    }
  }
  const buffer = new Uint8Array(size);
  const entries: ReaderBatch['entries'] = [];
  let offset = 0;
  for (const file of files) {
    if ('bytes' in file) {
      buffer.set(file.bytes, offset);
      const text = plainUtf8(file.bytes);
      entries.push({ path: file.path, offset, length: file.bytes.length, ...(text === undefined ? {} : { text }) });
      offset += file.bytes.length;
    } else entries.push({ path: file.path, code: file.code });
  }
  const message: ReaderBatch = { buffer, entries };
  parentPort!.postMessage(message, [buffer.buffer]);
}
