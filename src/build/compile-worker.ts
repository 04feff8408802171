/**
 * The worker thread of `jianbao build` (started by compile-job.ts): checks
 * the content, then compiles it, while the main thread loads Astro and
 * bundles the pages. Messages, in order: `checked`, then `compiled` when the
 * check found no error, then with a render cache `keys` (its page keys); then
 * `site` (serialised, handed over without a copy) if the main thread asks
 * for it; `failed` if anything throws (our bug).
 */
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { ImageVanishedError, issueRefOf, openProject } from '../core/index.ts';
import { MarkdownCache } from './markdown-cache.ts';
import { openCheckCache } from './check-cache.ts';
import type { CompileJobOptions, CompileMessage, CompileRequest } from './compile-job.ts';
import { pageKeys } from './page-keys.ts';

const options = workerData as CompileJobOptions;
const post = (message: CompileMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

try {
  const cache = options.cache;
  const project = openProject(options.contentDir, {
    ...(cache
      ? {
          bodyCache: () => MarkdownCache.open(cache.dir, cache.renderer),
          checkCache: openCheckCache(options.contentDir, {
            cacheDir: cache.dir,
            renderer: cache.renderer,
            records: true,
          }),
        }
      : {}),
    drafts: options.drafts === true,
  });
  let started = performance.now();
  const checked = await project.check();
  const { base } = await project.renderSettings();
  post({
    type: 'checked',
    diagnostics: checked.diagnostics,
    errors: checked.errors,
    base,
    seconds: (performance.now() - started) / 1000,
  });
  if (checked.errors === 0) {
    started = performance.now();
    const drafts = options.drafts === true;
    const compiled = await project.compile();
    // The downloads the issue pages link are part of the compiled site (and so of the page keys).
    const site = options.downloads ? { ...compiled, downloads: options.downloads } : compiled;
    const draftsLeftOut = drafts
      ? []
      : checked.content.issues
          .filter((issue) => issue.data.status === 'draft')
          .map((issue) => issueRefOf(issue, checked.registry));
    post({
      type: 'compiled',
      seconds: (performance.now() - started) / 1000,
      draftsLeftOut,
      issues: site.issues.length,
      entries: site.issues.reduce((sum, issue) => sum + issue.entries.length, 0),
    });
    if (cache) {
      const keys = pageKeys(site, cache.renderer);
      post({ type: 'keys', keys: { pages: keys.pages.map(({ key }) => key), site: keys.site } });
    }
    const request = await new Promise<CompileRequest>((resolve) => parentPort!.once('message', resolve));
    if (request.want === 'site') {
      const serialised = serialize(site);
      const bytes = new Uint8Array(serialised.buffer, serialised.byteOffset, serialised.byteLength);
      post({ type: 'site', bytes }, [bytes.buffer]);
    }
  }
  // While Astro renders: keep what the check read for the next build (the job waits for this before the build ends).
  await project.saveCheck();
} catch (error) {
  post({
    type: 'failed',
    message: (error as Error).message,
    stack: (error as Error).stack,
    ...(error instanceof ImageVanishedError ? { content: true } : {}),
  });
}
