/**
 * Serve a built site on 127.0.0.1 for the browser that prints it: the pages
 * use absolute paths under `site.base` (/_astro/…, /bulletin/_astro/…), which
 * a file:// URL cannot resolve. Read-only, loopback only, closed after use.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { MEDIA_DIR } from '../core/index.ts';
import { ASSETS_DIR } from '../site/routes.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
};

export interface SiteServer {
  /** `http://127.0.0.1:PORT/base/` */
  origin: string;
  /** The absolute URL of a site path such as `zhuanbao/2024/8/print/`. */
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** The file a request path maps to, or undefined when it lies outside the site. */
export function fileFor(root: string, base: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!path.startsWith(base)) return undefined;
  const relative = path.slice(base.length);
  const file = normalize(join(root, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative));
  const inside = normalize(root + sep);
  return file.startsWith(inside) ? file : undefined;
}

/**
 * Folders whose files are named by a hash of their content: the browser may
 * keep them for the whole session, so the fonts (2 MB a print page) are
 * fetched and decoded once, not once per issue.
 */
const IMMUTABLE = [ASSETS_DIR, MEDIA_DIR].map((dir) => `${dir}/`);

export async function serveSite(root: string, base: string): Promise<SiteServer> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = fileFor(root, base, pathname);
    const immutable = IMMUTABLE.some((dir) => pathname.startsWith(`${base}${dir}`));
    const fail = () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found');
    };
    if (!file) return fail();
    stat(file).then((info) => {
      if (!info.isFile()) return fail();
      response.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        ...(immutable ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}),
      });
      createReadStream(file).pipe(response);
    }, fail);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}${base}`;
  return {
    origin,
    url: (path) => `${origin}${path.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
