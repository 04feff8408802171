/** The studio for tests: a real server on a free port over a copy of the content, and a headless Chromium page at 1366 × 768. */
import { request } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startStudio, type Studio } from '../../src/studio/server.ts';
import { launchBrowser } from './index.ts';

/** How long `expect.poll` waits for the page (the first paste loads the import tools; the machine is shared). */
export const POLL = { timeout: 20_000 };

export interface StudioSession {
  studio: Studio;
  browser: Browser;
  page: Page;
  /** Messages the page logged as errors (a test can assert there were none). */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openStudio(
  contentDir: string,
  browserPath: string,
  today = '2025-12-05',
): Promise<StudioSession> {
  const studio = await startStudio({ contentDir, port: 0, today: () => today, outDir: join(contentDir, '..', 'dist') });
  const browser = await launchBrowser(browserPath);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(studio.url);
  await page.waitForSelector('#nav a');
  return {
    studio,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await studio.close();
    },
  };
}

/** The messages shown at a form field (the element its control is described by). */
export async function fieldMessages(page: Page, label: string): Promise<string> {
  const control = page.getByLabel(label, { exact: true });
  const id = await control.getAttribute('aria-describedby');
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

/** Open 编一期 and choose the series and the date (the plan loads on the date's change). */
export async function openCompose(session: StudioSession, series: string, date: string): Promise<void> {
  const { page } = session;
  await page.goto(`${session.studio.origin}/#/compose`);
  await page.getByLabel('刊物', { exact: true }).selectOption(series);
  const field = page.getByLabel('印发日期', { exact: true });
  await field.fill(date);
  await field.dispatchEvent('change');
}

/**
 * A GET to the studio, its path sent exactly as written (no URL
 * normalisation on the way, as a hostile client would send it); with the
 * token unless `token` is false.
 */
export function rawGet(
  studio: Studio,
  path: string,
  token = true,
): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((done, fail) => {
    const { hostname, port } = new URL(studio.origin);
    request({ hostname, port, path, headers: token ? { 'x-jianbao-token': studio.token } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', fail)
      .end();
  });
}

/** Every path refused: an error status, not `bytes` (the image a preview shows), not an image at all. */
export async function expectNotServed(studio: Studio, paths: readonly string[], bytes: Buffer): Promise<void> {
  for (const path of paths) {
    const refused = await rawGet(studio, path);
    expect(refused.status, path).toBeGreaterThanOrEqual(400);
    expect(refused.body.equals(bytes), path).toBe(false);
    expect(refused.type, path).not.toMatch(/^image\//);
  }
}
