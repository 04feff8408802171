/**
 * The worker thread of `jianbao build` (started by compile-job.ts): checks
 * the content, then compiles it, while the main thread loads Astro and
 * bundles the pages. Messages, in order: `checked`, then `compiled` when the
 * check found no error; `failed` if anything throws (our bug).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent, compileSite } from '../core/index.ts';
import { issueRefOf } from '../core/workflow/issue-ref.ts';
import { MarkdownCache } from './markdown-cache.ts';
import type { CompileJobOptions, CompileMessage } from './compile-job.ts';

const options = workerData as CompileJobOptions;
const post = (message: CompileMessage) => parentPort!.postMessage(message);

try {
  let started = performance.now();
  const checked = await checkContent(options.contentDir);
  post({ type: 'checked', diagnostics: checked.diagnostics, errors: checked.errors, base: checked.content.site?.site.base ?? '/', seconds: (performance.now() - started) / 1000 });
  if (checked.errors === 0) {
    started = performance.now();
    const markdown = options.cache ? await MarkdownCache.open(options.cache.dir, options.cache.renderer) : undefined;
    const drafts = options.drafts === true;
    const site = compileSite(checked.content, checked.registry, { ...(markdown ? { compileBody: markdown.compile } : {}), drafts });
    await markdown?.save();
    const draftsLeftOut = drafts ? [] : checked.content.issues.filter((issue) => issue.data.status === 'draft').map((issue) => issueRefOf(issue, checked.registry));
    post({ type: 'compiled', site, seconds: (performance.now() - started) / 1000, draftsLeftOut });
  }
} catch (error) {
  post({ type: 'failed', message: (error as Error).message, stack: (error as Error).stack });
}
