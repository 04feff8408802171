/**
 * Read many files, in order, on a second thread: ten years of bulletins are
 * 20,000 small files, and on this kind of machine opening and reading them
 * costs about half a second of system calls. A worker thread reads them
 * (synchronously, which beats the thread pool by far for small files) and
 * hands them over in batches while this thread decodes and parses the ones
 * already read. A few hundred files are read here directly: starting the
 * thread would cost more than it saves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One file's bytes, or the error code (`ENOENT`, `EISDIR`…) reading it failed with. */
export type FileRead = { path: string; bytes: Uint8Array; code?: undefined } | { path: string; bytes?: undefined; code: string };

/** Below this many files, reading on this thread is faster. */
export const PARALLEL_READ_FROM = 400;

const BATCH = 256;

function readHere(dir: string, path: string): FileRead {
  try {
    return { path, bytes: readFileSync(join(dir, path)) };
  } catch (error) {
    return { path, code: (error as NodeJS.ErrnoException).code ?? 'UNKNOWN' };
  }
}

/**
 * The reader thread, as source (a plain script: it runs the same from the
 * sources, the CLI bundle and the tests). Each batch is one buffer holding
 * the files back to back, transferred, not copied.
 */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, readSync } = require('node:fs');
const { join } = require('node:path');
const { dir, paths, batch } = workerData;
let scratch = Buffer.allocUnsafe(1 << 16);
/** open, read until the end, close: no fstat (readFileSync's fourth system call per file). */
function read(file) {
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
      if (count === 0) return Buffer.from(scratch.subarray(0, length));
      length += count;
    }
  } finally {
    closeSync(fd);
  }
}
for (let start = 0; start < paths.length; start += batch) {
  const files = [];
  let size = 0;
  for (const path of paths.slice(start, start + batch)) {
    try {
      const bytes = read(join(dir, path));
      files.push({ path, bytes });
      size += bytes.length;
    } catch (error) {
      files.push({ path, code: error.code || 'UNKNOWN' });
    }
  }
  const buffer = new Uint8Array(size);
  const entries = [];
  let offset = 0;
  for (const file of files) {
    if (file.bytes) {
      buffer.set(file.bytes, offset);
      entries.push({ path: file.path, offset, length: file.bytes.length });
      offset += file.bytes.length;
    } else entries.push({ path: file.path, code: file.code });
  }
  parentPort.postMessage({ buffer, entries }, [buffer.buffer]);
}
`;

interface Batch {
  buffer: Uint8Array;
  entries: ({ path: string; offset: number; length: number; code?: undefined } | { path: string; code: string })[];
}

/**
 * The files under `dir`, in the order of `paths`, as they are read. `parallel`:
 * read on a worker thread (default: when there are PARALLEL_READ_FROM or more).
 */
export async function* readFiles(dir: string, paths: readonly string[], parallel = paths.length >= PARALLEL_READ_FROM): AsyncGenerator<FileRead> {
  if (!parallel) {
    for (const path of paths) yield readHere(dir, path);
    return;
  }
  const worker = new Worker(READER, { eval: true, workerData: { dir, paths, batch: BATCH } });
  const batches: Batch[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let finished = false;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (batch: Batch) => {
    batches.push(batch);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    finished = true;
    notify();
  });
  try {
    let delivered = 0;
    while (delivered < paths.length) {
      const batch = batches.shift();
      if (!batch) {
        if (failure) throw failure;
        if (finished) throw new Error(`读取文件的线程提前结束（已读 ${delivered}/${paths.length} 个文件）`);
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      for (const entry of batch.entries) {
        delivered++;
        yield entry.code === undefined ? { path: entry.path, bytes: batch.buffer.subarray(entry.offset, entry.offset + entry.length) } : { path: entry.path, code: entry.code };
      }
    }
  } finally {
    await worker.terminate();
  }
}
