/** A static file server for a built site on 127.0.0.1 (random port), serving it under its base. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export interface Served {
  /** `http://127.0.0.1:PORT/bulletin/` */
  url: string;
  close: () => Promise<void>;
  /** Every path requested, for asserting that nothing external or missing was asked for. */
  requests: { path: string; status: number }[];
}

export async function serve(dir: string, base = '/'): Promise<Served> {
  const requests: Served['requests'] = [];
  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (status: number, file?: string) => {
      requests.push({ path, status });
      if (!file) {
        response.writeHead(status).end();
        return;
      }
      response.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    };
    if (!path.startsWith(base)) return send(404);
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) return send(403);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
      send(200, file);
    } catch {
      send(404);
    }
  };
  const server: Server = createServer((request, response) => {
    respond(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
