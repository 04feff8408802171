/**
 * Who may talk to the studio: a request must carry the token (the cookie
 * set on the first visit, or the header), name the studio itself as its
 * Host (no DNS rebinding), and, when it changes anything, come from the
 * studio's own page (Origin) as JSON (no cross-site form posts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'jianbao_studio';
export const TOKEN_HEADER = 'x-jianbao-token';

/** A fresh random token (24 bytes, URL-safe). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export type Verdict = { ok: true; viaQuery: boolean } | { ok: false; status: number; message: string };

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The `host:port` spellings a request may name: the bound host, and the loopback names when bound to loopback. */
export function allowedHosts(host: string, port: number): Set<string> {
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const names = loopback ? ['127.0.0.1', 'localhost', '[::1]'] : [host.includes(':') ? `[${host}]` : host];
  return new Set(names.map((name) => `${name}:${port}`));
}

export interface Guard {
  token: string;
  check(request: IncomingMessage, url: URL): Verdict;
  /** The Set-Cookie value that keeps the token for the page's later requests. */
  cookie(): string;
}

export function createGuard(token: string, hosts: () => Set<string>): Guard {
  return {
    token,
    cookie: () => `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    check(request, url) {
      const allowed = hosts();
      const host = request.headers.host ?? '';
      if (!allowed.has(host.toLowerCase()))
        return {
          ok: false,
          status: 421,
          message: `拒绝访问：地址「${host}」不是编辑台的地址（请用启动时显示的地址打开）`,
        };
      const origin = request.headers.origin;
      const changes = request.method !== 'GET' && request.method !== 'HEAD';
      if (origin !== undefined || changes) {
        const from = origin === undefined ? undefined : /^http:\/\/([^/]+)$/.exec(origin)?.[1]?.toLowerCase();
        if (!from || !allowed.has(from))
          return {
            ok: false,
            status: 403,
            message: `拒绝访问：请求来自别的网页（${origin ?? '没有来源'}），编辑台只接受它自己页面的请求`,
          };
      }
      if (changes && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        return { ok: false, status: 415, message: '拒绝访问：编辑台只接受 JSON 请求' };
      }
      const header = request.headers[TOKEN_HEADER];
      if (
        sameToken(cookieValue(request.headers.cookie, COOKIE), token) ||
        sameToken(typeof header === 'string' ? header : undefined, token)
      )
        return { ok: true, viaQuery: false };
      if (request.method === 'GET' && sameToken(url.searchParams.get('token') ?? undefined, token))
        return { ok: true, viaQuery: true };
      return {
        ok: false,
        status: 401,
        message: '拒绝访问：缺少或写错了口令。请用启动编辑台时显示的完整地址（带 ?token=…）打开',
      };
    },
  };
}
