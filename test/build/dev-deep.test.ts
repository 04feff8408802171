/**
 * `jianbao dev` stays responsive: the check runs on a worker thread, off the
 * request path, within a time limit. Saving an entry nested 6,000 levels
 * deep gives the error page (at the line), not a stalled server; a check past
 * the time limit is stopped and the page says so.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDev, type DevCheck, type DevHandle } from '../../src/build/dev.ts';
import { copyContent } from '../helpers/index.ts';

let server: DevHandle | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The check after a change: the watcher may report the save late on a busy machine, so wait for the check that sees it. */
async function settledWhere(seen: (result: DevCheck) => boolean): Promise<DevCheck> {
  let result = await server!.settled();
  for (let attempt = 0; attempt < 50 && !seen(result); attempt++) result = await server!.settled();
  return result;
}

async function get(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(path, server!.url));
  return { status: response.status, body: await response.text() };
}

describe('jianbao dev with hostile content', () => {
  it(
    'an entry nested 6,000 levels deep shows the error at its line; fixing it brings the site back',
    { timeout: 120_000 },
    async () => {
      const content = await copyContent();
      server = await startDev({ contentDir: content, port: 0, host: '127.0.0.1' });
      const entry = join(content, 'entries/2024/深.md');
      await writeFile(
        entry,
        `---\nsection: work-updates\ndate: 2024-06-20\nunit: qsz\n---\n\n${'>'.repeat(6000)} 正文\n`,
      );
      const broken = await settledWhere((result) => result.diagnostics.some((d) => d.rule === 'markdown/too-deep'));
      expect(broken.diagnostics.find((d) => d.rule === 'markdown/too-deep')).toMatchObject({
        file: 'entries/2024/深.md',
        line: 7,
      });
      const page = await get('zhuanbao/2024/3/');
      expect(page.status).toBe(500);
      expect(page.body).toContain('entries/2024/深.md:7:');
      expect(page.body).toContain('嵌套了 6000 层');
      await writeFile(entry, `---\nsection: work-updates\ndate: 2024-06-20\nunit: qsz\nstatus: draft\n---\n\n> 正文\n`);
      expect((await settledWhere((result) => result.errors === 0)).errors).toBe(0);
      expect((await get('zhuanbao/2024/3/')).status).toBe(200);
    },
  );

  it('a check past the time limit is stopped and reported on the page', { timeout: 120_000 }, async () => {
    const content = await copyContent();
    server = await startDev({ contentDir: content, port: 0, host: '127.0.0.1', checkTimeLimit: 1 });
    const result = await server.settled();
    expect(result.diagnostics[0]).toMatchObject({ rule: 'check/timeout' });
    const page = await get('');
    expect(page.status).toBe(500);
    expect(page.body).toContain('检查内容超过');
  });
});
