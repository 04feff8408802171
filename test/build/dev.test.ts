/**
 * `jianbao dev`: the preview serves the pages, and while the content has
 * errors every page shows them (file:line:column, Chinese) until they are fixed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevCheck, type DevHandle } from '../../src/build/dev.ts';
import { copyContent } from '../helpers/index.ts';

let server: DevHandle;
let content: string;
const checks: DevCheck[] = [];

beforeAll(async () => {
  content = await copyContent();
  server = await startDev({
    contentDir: content,
    port: 0,
    host: '127.0.0.1',
    onCheck: (result) => checks.push(result),
  });
});

afterAll(async () => server?.stop());

async function get(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(path, server.url));
  return { status: response.status, body: await response.text() };
}

describe('jianbao dev', () => {
  it('serves the issue pages from the content directory', async () => {
    const { status, body } = await get('zhuanbao/2024/3/');
    expect(status).toBe(200);
    expect(body).toContain('测试区安全生产工作专报');
    expect(body).toContain('2024年 第3期（总第10期）');
    expect(checks.at(-1)?.errors).toBe(0);
  });

  it('shows the check errors on every page while the content is broken, then recovers', async () => {
    const entry = join(content, 'entries/2024/应急检查.md');
    const good = await readFile(entry, 'utf8');
    await writeFile(entry, good.replace('section: 工作动态', 'section: 工作动况'));
    const broken = await server.settled();
    expect(broken.errors).toBeGreaterThan(0);
    for (const path of ['', 'zhuanbao/2024/3/']) {
      const { status, body } = await get(path);
      expect(status).toBe(500);
      expect(body).toContain('lang="zh-CN"');
      expect(body).toMatch(/entries\/2024\/应急检查\.md:2:10<\/code> 栏目「工作动况」无效/);
      expect(body).toContain('是不是「工作动态」');
    }

    await writeFile(entry, good.replace('专项检查。', '专项检查，发现隐患12处。'));
    const fixed = await server.settled();
    expect(fixed.errors).toBe(0);
    const { status, body } = await get('zhuanbao/2024/3/');
    expect(status).toBe(200);
    expect(body).toContain('发现隐患12处');
  });
});
