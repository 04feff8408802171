/**
 * The bridge from Astro to the core: load, check and compile the content
 * directory once per build. Pages import from here and only render.
 */
import { resolve } from 'node:path';
import { checkContent, compileSite, type CompiledSite } from '../core/index.ts';

let cached: Promise<CompiledSite> | undefined;

/** The content directory Astro renders: JIANBAO_CONTENT, else ./content. */
export function contentDir(): string {
  return resolve(process.env.JIANBAO_CONTENT ?? 'content');
}

/** The compiled site; throws (failing the build) when the content has errors. */
export function getSite(): Promise<CompiledSite> {
  cached ??= (async () => {
    const result = await checkContent(contentDir());
    if (result.errors > 0) {
      const first = result.diagnostics.find((d) => d.severity === 'error')!;
      throw new Error(`内容有 ${result.errors} 个错误，无法生成站点（先运行 jianbao check）：${first.file}:${first.line}:${first.column} ${first.message}`);
    }
    return compileSite(result.content, result.registry);
  })();
  return cached;
}

/** Forget the cached site (dev server, after a content change). */
export function invalidateSite(): void {
  cached = undefined;
}
