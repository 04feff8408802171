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
import type { ScannedRecord } from '../archive/record-scan.ts';
import type { ReaderBatch, ReaderInput, RecordBatch } from './read-worker.ts';
import type { FileRead } from './source.ts';

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

/** The reader thread: the bundled read-worker.js next to this chunk, or the sources through tsx. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./read-worker-tsx.mjs', import.meta.url)
    : new URL('./read-worker.js', import.meta.url);
}

/**
 * The files under `dir`, in the order of `paths`, as they are read. `parallel`:
 * read on a worker thread (default: when there are PARALLEL_READ_FROM or more).
 */
export async function* readFiles(
  dir: string,
  paths: readonly string[],
  parallel = paths.length >= PARALLEL_READ_FROM,
): AsyncGenerator<FileRead> {
  if (!parallel) {
    for (const path of paths) yield readHere(dir, path);
    return;
  }
  const input: ReaderInput = { dir, paths, batch: BATCH };
  const worker = new Worker(workerUrl(), { workerData: input });
  const batches: ReaderBatch[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let finished = false;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (batch: ReaderBatch) => {
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
        yield entry.code === undefined
          ? {
              path: entry.path,
              bytes: batch.buffer.subarray(entry.offset, entry.offset + entry.length),
              ...(entry.text === undefined ? {} : { text: entry.text }),
            }
          : { path: entry.path, code: entry.code };
      }
    }
  } finally {
    await worker.terminate();
  }
}

/** Records are hashed and scanned on the reader thread from this many on (a year's issues and more). */
export const PARALLEL_SCAN_FROM = 32;

/**
 * Archive records under `dir` read, hashed and scanned (archive/record-scan.ts)
 * on a worker thread, by path; started at once, so that the caller goes on
 * (loading the entries) meanwhile. Undefined if the thread fails: the caller
 * then reads the records itself.
 */
export function scanRecordFiles(
  dir: string,
  paths: readonly string[],
): Promise<Map<string, ScannedRecord> | undefined> {
  const input: ReaderInput = { dir, paths, batch: 16, records: true };
  const worker = new Worker(workerUrl(), { workerData: input });
  const scanned = new Map<string, ScannedRecord>();
  return new Promise((resolve) => {
    let failed = false;
    worker.on('message', (batch: RecordBatch) => {
      for (const record of batch.records) scanned.set(record.path, record);
    });
    worker.on('error', () => {
      failed = true;
    });
    worker.on('exit', () => resolve(failed || scanned.size !== paths.length ? undefined : scanned));
  });
}
