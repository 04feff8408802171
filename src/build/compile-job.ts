/**
 * Check and compile the content in a worker thread (compile-worker.ts), so
 * that on two cores the main thread meanwhile loads Astro and bundles the
 * pages: the check (about 2 s for ten years of bulletins) and the compile
 * (1 s with the Markdown cache, 5 s without) then add little or no wall time
 * to a build. Once the site is compiled the worker sends the render cache's
 * page keys (page-keys.ts: hashing every issue, 2 s for ten years of
 * bulletins) and keeps the site until the main thread asks for it
 * (`Compiled.site()`, serialised with V8's structured clone and transferred)
 * or says it is not needed (`release()`): a build whose keys show the site
 * unchanged never needs it.
 */
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { CompiledSite, Diagnostic } from '../core/index.ts';
import type { PlainPageKeys } from './page-keys.ts';

export interface CompileJobOptions {
  contentDir: string;
  /** The content directory's render cache folder and the renderer's digest, for the Markdown cache. */
  cache?: { dir: string; renderer: string };
  /** Include draft issues (`build --drafts`); default: leave them out. */
  drafts?: boolean;
  /** The files written next to each issue page, which the pages link: set on the compiled site (so in its keys). */
  downloads?: { pdf: boolean; docx: boolean };
}

export type CompileMessage =
  | { type: 'checked'; diagnostics: Diagnostic[]; errors: number; base: string; seconds: number }
  /**
   * The site is compiled (it stays in the worker until asked for: `site`). `draftsLeftOut`: the draft issues
   * not in the site (`2024-8` or `zhuanbao/2024-8`); `issues`, `entries`: how many the site has.
   */
  | { type: 'compiled'; seconds: number; draftsLeftOut: string[]; issues: number; entries: number }
  /** After `compiled`, with a cache: the page keys of the compiled site (page-keys.ts). */
  | { type: 'keys'; keys: PlainPageKeys }
  /** The compiled site, serialised (V8's structured clone), transferred: the answer to `want: 'site'`. */
  | { type: 'site'; bytes: Uint8Array }
  /** `content`: the content changed under the build (an image deleted after the check), not our bug. */
  | { type: 'failed'; message: string; stack: string | undefined; content?: boolean };

/** What the main thread tells the worker once the site is compiled: send it, or it is not needed. */
export type CompileRequest = { want: 'site' } | { want: 'nothing' };

export type Checked = Extract<CompileMessage, { type: 'checked' }>;
/**
 * The compiled site, fetched from the worker on the first call of `bytes()` or `site()` (for the pages'
 * site file, the bytes it was sent as) — a build that leaves the last output in place never asks, and so
 * spares serialising and deserialising it (4 s of CPU for ten years of bulletins).
 */
export type Compiled = Omit<Extract<CompileMessage, { type: 'compiled' }>, 'type'> & {
  bytes: () => Promise<Uint8Array>;
  site: () => Promise<CompiledSite>;
};

export interface CompileJob {
  /** The check's findings, first; `base` is the site's (Astro needs it before the site is compiled). */
  checked: Promise<Checked>;
  /** The compiled site; rejects when the check found errors or the worker failed. */
  compiled: Promise<Compiled>;
  /** The page keys of the compiled site (only with `cache`; rejects like `compiled`). */
  keys: Promise<PlainPageKeys>;
  /** End the worker (after a failed check it has nothing more to do). */
  stop: () => Promise<void>;
  /** Tell the worker the site will not be asked for (if it was not): it saves the check cache and ends. */
  release: () => void;
  /** The worker finished (it keeps the check cache after compiling). */
  done: Promise<void>;
}

/** The worker's entry: the bundled compile-worker.js next to this chunk, or the sources through tsx. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./compile-worker-tsx.mjs', import.meta.url)
    : new URL('./compile-worker.js', import.meta.url);
}

class WorkerFailure extends Error {}

/** The content changed between the check and the compile (an image deleted); the message is Chinese. */
export class CompileContentError extends Error {}

export function startCompile(options: CompileJobOptions): CompileJob {
  const worker = new Worker(workerUrl(), { workerData: options });
  let settleChecked!: { resolve: (value: Checked) => void; reject: (error: Error) => void };
  let settleCompiled!: { resolve: (value: Compiled) => void; reject: (error: Error) => void };
  let settleKeys!: { resolve: (value: PlainPageKeys) => void; reject: (error: Error) => void };
  let settleBytes!: { resolve: (value: Uint8Array) => void; reject: (error: Error) => void };
  const checked = new Promise<Checked>((resolve, reject) => (settleChecked = { resolve, reject }));
  const compiled = new Promise<Compiled>((resolve, reject) => (settleCompiled = { resolve, reject }));
  const keys = new Promise<PlainPageKeys>((resolve, reject) => (settleKeys = { resolve, reject }));
  const bytes = new Promise<Uint8Array>((resolve, reject) => (settleBytes = { resolve, reject }));
  // Awaited only when the check passes: a rejection is never unhandled.
  compiled.catch(() => undefined);
  keys.catch(() => undefined);
  bytes.catch(() => undefined);
  const fail = (error: Error) => {
    settleChecked.reject(error);
    settleCompiled.reject(error);
    settleKeys.reject(error);
    settleBytes.reject(error);
  };
  // Asked once: the site, or that it is not needed.
  let asked = false;
  const ask = (request: CompileRequest) => {
    if (asked) return;
    asked = true;
    worker.postMessage(request);
  };
  let site: Promise<CompiledSite> | undefined;
  const fetchBytes = () => {
    ask({ want: 'site' });
    return bytes;
  };
  worker.on('message', (message: CompileMessage) => {
    if (message.type === 'checked') {
      settleChecked.resolve(message);
      if (message.errors > 0) fail(new WorkerFailure('检查发现错误，未编译'));
    } else if (message.type === 'keys') settleKeys.resolve(message.keys);
    else if (message.type === 'compiled') {
      const { type: _type, ...facts } = message;
      settleCompiled.resolve({
        ...facts,
        bytes: fetchBytes,
        site: () => (site ??= fetchBytes().then((data) => deserialize(data) as CompiledSite)),
      });
    } else if (message.type === 'site') settleBytes.resolve(message.bytes);
    else if (message.content) fail(new CompileContentError(message.message));
    else fail(Object.assign(new WorkerFailure(message.message), { stack: message.stack }));
  });
  worker.on('error', fail);
  const done = new Promise<void>((resolve) => worker.on('exit', () => resolve()));
  worker.on('exit', (code) => fail(new WorkerFailure(`编译线程意外退出（退出码 ${code}）`)));
  return {
    checked,
    compiled,
    keys,
    stop: async () => {
      await worker.terminate();
    },
    release: () => ask({ want: 'nothing' }),
    done,
  };
}
