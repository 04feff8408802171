/**
 * The studio refuses what is not its own page's: no token, another Host
 * (DNS rebinding), another Origin (cross-site posts), form posts, and any
 * id naming a path outside the content directory. Real HTTP requests to a
 * real server on a free port.
 */
import { readFile, readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../../src/studio/server.ts';
import { listFiles } from '../helpers/index.ts';
import { sampleCopy } from '../helpers/workflow.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  studio: Studio,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const { port } = new URL(studio.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A reply's JSON body. */
const json = (reply: Reply) => JSON.parse(reply.body) as { error?: string; file?: string };

let studio: Studio;
let dir: string;
let token: string;
const authed = () => ({ Cookie: `jianbao_studio=${token}` });

beforeAll(async () => {
  dir = await sampleCopy();
  studio = await startStudio({ contentDir: dir, port: 0, today: () => '2025-12-05', outDir: join(dir, '..', 'dist') });
  token = studio.token;
});
afterAll(() => studio.close());

describe('jianbao studio: who may talk to it', () => {
  it('listens on 127.0.0.1 and prints an address with a long random token', () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(studio.url).toContain(token);
  });

  it('refuses a request without the token (page and API), in Chinese', async () => {
    const page = await send(studio, '/');
    expect(page.status).toBe(401);
    expect(page.body).toContain('缺少或写错了口令');
    const api = await send(studio, '/api/entries');
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toEqual({ error: expect.stringContaining('口令') as string });
    const wrong = await send(studio, '/api/entries', { headers: { Cookie: `jianbao_studio=${token.slice(0, -1)}x` } });
    expect(wrong.status).toBe(401);
  });

  it('trades the token in the address for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const first = await send(studio, `/?token=${token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(/jianbao_studio=[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
    const page = await send(studio, '/', { headers: authed() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    // A token in the address is never enough for a write.
    const post = await send(studio, `/api/entry/create?token=${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: studio.origin },
      body: '{}',
    });
    expect(post.status).toBe(401);
  });

  it('refuses another Host (DNS rebinding), even with the token', async () => {
    const reply = await send(studio, '/api/entries', {
      headers: { ...authed(), Host: `evil.example:${new URL(studio.origin).port}` },
    });
    expect(reply.status).toBe(421);
    expect(json(reply).error).toContain('不是编辑台的地址');
    const localhost = await send(studio, '/api/entries', {
      headers: { ...authed(), Host: `localhost:${new URL(studio.origin).port}` },
    });
    expect(localhost.status).toBe(200);
  });

  it('refuses writes from another Origin, without an Origin, or as a form post', async () => {
    const before = await listFiles(dir);
    const body = JSON.stringify({
      form: { series: 'zhuanbao', section: '工作动态', unit: '应急局', date: '2025-12-03', title: '跨站写入' },
    });
    const jsonHeaders = { ...authed(), 'Content-Type': 'application/json' };
    const evil = await send(studio, '/api/entry/create', {
      method: 'POST',
      headers: { ...jsonHeaders, Origin: 'http://evil.example' },
      body,
    });
    expect(evil.status).toBe(403);
    expect(json(evil).error).toContain('别的网页');
    expect((await send(studio, '/api/entry/create', { method: 'POST', headers: jsonHeaders, body })).status).toBe(403);
    const form = await send(studio, '/api/entry/create', {
      method: 'POST',
      headers: { ...authed(), Origin: studio.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'form=1',
    });
    expect(form.status).toBe(415);
    expect(await listFiles(dir)).toEqual(before);
    // The same request from the studio's own page is accepted.
    const own = await send(studio, '/api/entry/create', {
      method: 'POST',
      headers: { ...jsonHeaders, Origin: studio.origin },
      body,
    });
    expect(own.status).toBe(200);
    expect(json(own).file).toMatch(/^entries\/2025\/12\/.+\.md$/);
  });

  it('refuses ids that name a path outside the content directory, and writes nothing', async () => {
    const before = await listFiles(dir);
    for (const id of ['../../etc/passwd', '/etc/passwd', '..\\jianbao', '2025/../../x', 'C:/Windows/win.ini']) {
      const read = await send(studio, `/api/entry?id=${encodeURIComponent(id)}`, { headers: authed() });
      expect(read.status, id).toBe(403);
      expect(json(read).error).toContain('不在内容目录中');
    }
    const save = await send(studio, '/api/entry/save', {
      method: 'POST',
      headers: { ...authed(), Origin: studio.origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: '../jianbao', form: { body: 'x' }, version: 'x' }),
    });
    expect(save.status).toBe(403);
    // A well-formed id that is no entry is refused too (only the checked entries can be named).
    const unknown = await send(studio, `/api/entry?id=${encodeURIComponent('2025/不存在')}`, { headers: authed() });
    expect(unknown.status).toBe(422);
    expect(json(unknown).error).toContain('没有编号为');
    // Generated files are served from the output folder only: dot segments are resolved away or refused.
    const dotted = await send(studio, '/api/out/%2e%2e/content/jianbao.yaml', { headers: authed() });
    expect([403, 404]).toContain(dotted.status);
    expect(dotted.body).not.toContain('site:');
    const escaped = await send(studio, '/api/out/..%2fcontent%2fjianbao.yaml', { headers: authed() });
    expect(escaped.status).toBe(403);
    expect(escaped.body).not.toContain('site:');
    expect(await listFiles(dir)).toEqual(before);
    expect(await readFile(join(dir, 'jianbao.yaml'), 'utf8')).toContain('site:');
    expect((await readdir(dir)).sort()).toEqual([
      'entries',
      'issues',
      'jianbao.yaml',
      'people.yaml',
      'published',
      'recipients.yaml',
      'units.yaml',
    ]);
  });
});
