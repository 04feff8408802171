/**
 * `jianbao studio`: a local web app over one content directory. node:http,
 * bound to 127.0.0.1 unless told otherwise; every request passes the guard
 * (token, Host, Origin), then goes to the static assets or the API. The
 * project context (openProject) is the same one the CLI uses: every write
 * goes through its workflow steps.
 */
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sep } from 'node:path';
import { openProject, type Project } from '../core/index.ts';
import { createApi } from './api.ts';
import { loadAssets, PRINT_FONTS } from './assets.ts';
import { allowedHosts, createGuard, newToken } from './guard.ts';
import { sendJson, sendText } from './http.ts';
import { createJobs } from './jobs.ts';

export interface StudioOptions {
  contentDir: string;
  /** Default 4322; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Today, ISO, in the clerk's local time (tests fix it). */
  today: () => string;
  /** The token; default a fresh random one. */
  token?: string;
  /** Where 生成 writes the site (the CLI's default: ./dist). */
  outDir: string;
}

export interface Studio {
  /** The address to open, with the token. */
  url: string;
  /** `http://host:port` */
  origin: string;
  token: string;
  project: Project;
  close(): Promise<void>;
}

export async function startStudio(options: StudioOptions): Promise<Studio> {
  const host = options.host ?? '127.0.0.1';
  const project = openProject(options.contentDir);
  const assets = await loadAssets();
  const guard = createGuard(options.token ?? newToken(), () => allowedHosts(host, port));
  const jobs = createJobs(project.dir, options.outDir);
  const api = createApi({ project, today: options.today, jobs });
  let port = options.port ?? 4322;

  // Files edited elsewhere (another editor, git, the CLI) are checked again on the next request:
  // the path the watcher names (only it is stamped again; a folder makes the check list everything),
  // or everything when it names none. A watcher that fails is replaced by checking everything on every read.
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(project.dir, { recursive: true }, (_event, name) =>
      project.invalidate(name ? [name.toString().split(sep).join('/')] : undefined),
    );
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
      project.invalidate();
    });
  } catch {
    watcher = undefined;
  }

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://studio.invalid');
    const verdict = guard.check(request, url);
    if (!verdict.ok) {
      if (url.pathname.startsWith('/api/')) sendJson(response, verdict.status, { error: verdict.message });
      else sendText(response, verdict.status, verdict.message);
      return;
    }
    response.setHeader('Set-Cookie', guard.cookie());
    if (verdict.viaQuery) {
      // The token leaves the address bar (and the history) once the cookie holds it.
      url.searchParams.delete('token');
      response.writeHead(303, { Location: `${url.pathname}${url.search}` }).end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      // Without a file watcher, every read starts from the files as they are.
      if (!watcher && request.method === 'GET') project.invalidate();
      return api(request, response, url);
    }
    const asset = await assets.get(url.pathname);
    if (!asset) return sendText(response, 404, '没有这个页面');
    response.writeHead(200, {
      'Content-Type': asset.type,
      // Fonts do not change while the studio runs; everything else may.
      'Cache-Control': url.pathname.startsWith(PRINT_FONTS) ? 'max-age=86400' : 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy':
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      'Referrer-Policy': 'no-referrer',
    });
    response.end(asset.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: `编辑台内部错误：${(error as Error).message}` });
      else response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/?token=${guard.token}`,
    origin,
    token: guard.token,
    project,
    close: async () => {
      watcher?.close();
      await jobs.stop();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
