/**
 * `jianbao dev`: Astro's dev server over the content directory. Every change
 * under the content directory re-runs the check: problems are printed in the
 * terminal and, while there are errors, every page shows them instead of the
 * site; the browser reloads by itself. The pages get each compiled site
 * through the site module (site-module.ts), from a file in a scratch folder
 * that is removed when the server stops.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { CheckResult, Diagnostic } from '../core/index.ts';
import { setAstroEnv } from './astro-env.ts';
import { startCompile } from './compile-job.ts';
import { PACKAGE_ROOT } from './index.ts';
import { mediaFiles, serveMedia, type MediaFile } from './media.ts';
import { siteModule, writeSiteFile } from './site-module.ts';

export interface DevOptions {
  contentDir: string;
  port?: number;
  host?: string;
  /** The check's findings after each change (the CLI prints them). */
  onCheck?: (result: DevCheck) => void;
  /** Longest a check (and compile) may run before the preview shows that it timed out (default 60 s). */
  checkTimeLimit?: number;
}

/** What one check of the content found. */
export type DevCheck = Pick<CheckResult, 'diagnostics' | 'errors' | 'warnings'> & { base: string };

/** The check runs on a worker thread: requests are answered meanwhile, and a check past this limit is stopped. */
const CHECK_TIME_LIMIT_MS = 60_000;

export interface DevHandle {
  /** `http://localhost:4321/` (with the site base). */
  url: string;
  /** Resolves once the check for the latest change has run. */
  settled: () => Promise<DevCheck>;
  stop: () => Promise<void>;
}

/** Wait this long after a change for the editor to finish writing (and batch a save of several files). */
const SETTLE_MS = 150;

export async function startDev(options: DevOptions): Promise<DevHandle> {
  const contentDir = resolve(options.contentDir);
  await mkdir(join(PACKAGE_ROOT, '.jianbao'), { recursive: true });
  const scratch = await mkdtemp(join(PACKAGE_ROOT, '.jianbao', 'dev-'));
  /** The images the current site shows, served from the content directory. */
  let media: Map<string, MediaFile> | undefined;
  /** The file the site module reads the current site from; undefined while the content has errors. */
  let siteFile: string | undefined;
  let version = 0;
  const module = siteModule(async () => ({ file: siteFile }));
  const limit = options.checkTimeLimit ?? CHECK_TIME_LIMIT_MS;
  let lastBase = '/';
  let current = check();
  const first = await current;

  /** Check and compile on a worker thread, within the time limit; never rejects. */
  async function check(): Promise<DevCheck> {
    // dev previews the drafts too (with their banner), unlike build.
    const job = startCompile({ contentDir, drafts: true });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), limit)));
    let result: DevCheck;
    let shown = false;
    try {
      const checked = await Promise.race([job.checked, timedOut]);
      const compiled =
        checked === 'timeout' || checked.errors > 0 ? checked : await Promise.race([job.compiled, timedOut]);
      if (checked === 'timeout' || compiled === 'timeout') {
        result = stopped(
          `检查内容超过 ${limit >= 1000 ? `${Math.round(limit / 1000)} 秒` : `${limit} 毫秒`}仍未完成，已停止；预览暂停`,
          '检查最近修改的稿件是否过长或嵌套过深，保存后会重新检查',
        );
      } else {
        result = {
          diagnostics: checked.diagnostics,
          errors: checked.errors,
          warnings: checked.diagnostics.length - checked.errors,
          base: checked.base,
        };
        lastBase = checked.base;
        if (compiled !== checked && checked.errors === 0) {
          const { site, bytes } = compiled as Exclude<typeof compiled, typeof checked>;
          siteFile = await writeSiteFile(join(scratch, `site-${++version}.v8`), await bytes());
          media = mediaFiles(await site());
          shown = true;
        }
      }
    } catch (error) {
      result = stopped(
        `检查内容时出错：${(error as Error).message}`,
        '保存后会重新检查；反复出现时运行 jianbao check 查看',
      );
    } finally {
      clearTimeout(timer);
      await job.stop();
    }
    if (!shown) {
      siteFile = undefined;
      media = undefined;
    }
    module.invalidate();
    options.onCheck?.(result);
    return result;
  }

  function stopped(message: string, hint: string): DevCheck {
    return {
      diagnostics: [{ rule: 'check/timeout', severity: 'error', file: '.', line: 1, column: 1, message, hint }],
      errors: 1,
      warnings: 0,
      base: lastBase,
    };
  }

  const base = first.base;
  const plugin: Plugin = {
    name: 'jianbao-content',
    configureServer(server) {
      server.watcher.add(contentDir);
      let timer: NodeJS.Timeout | undefined;
      server.watcher.on('all', (_event, file) => {
        if (!resolve(file).startsWith(contentDir + sep)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          current = check();
          void current.then(() => server.ws.send({ type: 'full-reload', path: '*' }));
        }, SETTLE_MS);
      });
      server.middlewares.use(serveMedia(() => media, contentDir, base));
      server.middlewares.use((request, response, next) => {
        void current.then((result) => {
          const url = request.url ?? '/';
          const internal =
            /\/(@vite|@fs|@id|node_modules|_astro|@react-refresh)\b/.test(url) ||
            /\.\w+$/.test(url.split('?')[0] ?? '');
          if (result.errors === 0 || internal) return next();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(errorPage(result.diagnostics, contentDir, base));
        }, next);
      });
    },
  };

  setAstroEnv();
  const { dev } = await import('astro');
  const server = await dev({
    root: PACKAGE_ROOT,
    base,
    logLevel: 'warn',
    server: { port: options.port ?? 4321, host: options.host ?? 'localhost' },
    vite: { plugins: [plugin, module], clearScreen: false },
  });
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${server.address.port}${base}`,
    settled: async () => {
      // A change may be waiting out SETTLE_MS: wait a little longer than that first.
      await new Promise((done) => setTimeout(done, SETTLE_MS * 2));
      return current;
    },
    stop: async () => {
      await server.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

/** The page shown while the content has errors: each problem with file:line:column and its fix. */
export function errorPage(diagnostics: Diagnostic[], contentDir: string, base: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const items = errors
    .map((d) => {
      const absolute = resolve(contentDir, d.file);
      const shown = relative(process.cwd(), absolute);
      const where = `${shown.startsWith('..') ? absolute : shown}:${d.line}:${d.column}`;
      return `<li><code>${escapeHtml(where)}</code> ${escapeHtml(d.message)} <small>[${escapeHtml(d.rule)}]</small>${d.hint ? `<br><span class="hint">→ ${escapeHtml(d.hint)}</span>` : ''}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容有 ${errors.length} 个错误 - jianbao 预览</title>
<script type="module" src="${base}@vite/client"></script>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 0; background: #fff5f4; color: #1f1f1f; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem; }
h1 { color: #b3261e; font-size: 1.4rem; }
li { margin: 0.6rem 0; line-height: 1.6; }
code { background: #fff; padding: 0 0.3rem; }
.hint { color: #444; }
</style>
</head>
<body>
<main>
<h1>内容有 ${errors.length} 个错误，预览暂停</h1>
<p>请按提示修改下列文件；保存后本页会自动刷新。</p>
<ol>
${items}
</ol>
</main>
</body>
</html>
`;
}
