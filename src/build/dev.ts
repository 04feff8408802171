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
import { openProject } from '../core/index.ts';
import { setAstroEnv } from './astro-env.ts';
import { PACKAGE_ROOT } from './index.ts';
import { mediaFiles, serveMedia, type MediaFile } from './media.ts';
import { siteModule, writeSiteFile } from './site-module.ts';

export interface DevOptions {
  contentDir: string;
  port?: number;
  host?: string;
  /** The check's findings after each change (the CLI prints them). */
  onCheck?: (result: CheckResult) => void;
}

export interface DevHandle {
  /** `http://localhost:4321/` (with the site base). */
  url: string;
  /** Resolves once the check for the latest change has run. */
  settled: () => Promise<CheckResult>;
  stop: () => Promise<void>;
}

/** Wait this long after a change for the editor to finish writing (and batch a save of several files). */
const SETTLE_MS = 150;

export async function startDev(options: DevOptions): Promise<DevHandle> {
  const contentDir = resolve(options.contentDir);
  const project = openProject(contentDir);
  await mkdir(join(PACKAGE_ROOT, '.jianbao'), { recursive: true });
  const scratch = await mkdtemp(join(PACKAGE_ROOT, '.jianbao', 'dev-'));
  /** The images the current site shows, served from the content directory. */
  let media: Map<string, MediaFile> | undefined;
  /** The file the site module reads the current site from; undefined while the content has errors. */
  let siteFile: string | undefined;
  let version = 0;
  const module = siteModule(async () => ({ file: siteFile }));
  let current = check();
  const first = await current;

  async function check(): Promise<CheckResult> {
    project.invalidate();
    const { checked, site } = await project.checkAndCompile();
    siteFile = site ? await writeSiteFile(join(scratch, `site-${++version}.v8`), site) : undefined;
    media = site ? mediaFiles(site) : undefined;
    module.invalidate();
    options.onCheck?.(checked);
    return checked;
  }

  const base = first.content.site?.site.base ?? '/';
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
          const internal = /\/(@vite|@fs|@id|node_modules|_astro|@react-refresh)\b/.test(url) || /\.\w+$/.test(url.split('?')[0] ?? '');
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
