/** The studio for tests: a real server on a free port over a copy of the content, and a headless Chromium page at 1366 × 768. */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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
