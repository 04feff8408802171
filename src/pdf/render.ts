/**
 * One PDF per issue from the built print pages, printed by the system's
 * Chromium, Chrome or Edge through playwright-core.
 *
 * The print page measures itself and puts the 版记 at the bottom of the last
 * page (src/components/print/layout.ts), then reports the page count it
 * expects. Here that count is checked against the PDF the browser produced:
 * when they differ the placement failed, so the page is printed again with
 * the 版记 straight under the text (never a page of its own) and a warning
 * says so.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, BrowserServer, Page } from 'playwright-core';
import type { CliIO } from '../cli/command.ts';
import { writeAtomic } from '../core/index.ts';
import type { CompiledIssue, CompiledSite } from '../core/index.ts';
import { issuePagePath } from '../site/routes.ts';
import { BrowserNotFoundError, findBrowser, type BrowserChoice } from './browser.ts';
import { errnoReason } from '../core/index.ts';
import { withMetadata } from './metadata.ts';
import { pdfKey, printEnvironment } from './pdf-key.ts';
import { serveSite } from './serve.ts';
import { UserError } from '../core/index.ts';

/** What is known of a printed PDF besides its bytes. */
export type PdfFacts = Pick<RenderedPdf, 'pages' | 'placed' | 'type3Fonts'>;

/** PDFs printed by earlier runs, each under its key (pdf-key.ts); kept by the build's render cache. */
export interface PdfStore {
  /** Copy the PDF kept under `key` to `file`; its facts, or undefined when none is kept. */
  restore(key: string, file: string): Promise<PdfFacts | undefined>;
  /** Keep the PDF at `file` under `key`. */
  keep(key: string, file: string, facts: PdfFacts): Promise<void>;
  /** Drop every PDF not under one of these keys. */
  prune(live: ReadonlySet<string>): Promise<void>;
}

export interface RenderPdfsOptions {
  /** The built site (what `jianbao build` wrote), where the PDFs go too. */
  distDir: string;
  site: CompiledSite;
  io: CliIO;
  /** `--browser PATH`; else JIANBAO_BROWSER, else looked for. */
  browser?: string;
  /** Only these issues; default every issue of the site. */
  issues?: CompiledIssue[];
  /** Pages printed at once; default min(4, cores). */
  concurrency?: number;
  /**
   * Reuse PDFs printed earlier from the same inputs. `salt`: the digest of
   * jianbao's sources and packages; `prune`: drop the PDFs of other inputs
   * (when printing every issue of the site).
   */
  cache?: { store: PdfStore; salt: string; prune?: boolean };
  /** Watchdog of each browser step (default DEFAULT_TIMEOUTS). */
  timeouts?: Partial<BrowserTimeouts>;
}

export interface RenderedPdf {
  issue: CompiledIssue;
  /** Absolute path of the PDF. */
  file: string;
  pages: number;
  /** Whether the 版记 sits at the bottom of the last page as measured. */
  placed: boolean;
  /** Type 3 fonts in the PDF (0 when every font embeds as TrueType). */
  type3Fonts: number;
}

/** Something the user can fix (no browser, no built site); the message is Chinese. */
export class PdfError extends UserError {}

const LAYOUT_TIMEOUT_MS = 60_000;

/** How long each browser step may take before the browser is given up (killed) with a Chinese message. */
export interface BrowserTimeouts {
  /** Start the browser and connect to it. */
  launch: number;
  /** Open a page and load a print page (fonts included) until it has laid itself out. */
  page: number;
  /** Print one page to PDF. */
  print: number;
}

export const DEFAULT_TIMEOUTS: BrowserTimeouts = { launch: 30_000, page: LAYOUT_TIMEOUT_MS + 30_000, print: 120_000 };

/** The browser stopped answering or went away; the message is Chinese. */
class BrowserGone extends Error {}

/**
 * The running browser and its watchdog: every step races a deadline and the
 * browser's exit, so a frozen (SIGSTOP) or killed browser ends the run with
 * a Chinese message instead of hanging or blaming the fonts.
 */
class Watched {
  #exited: Promise<never>;
  #gone = false;
  constructor(
    readonly server: BrowserServer,
    readonly browser: Browser,
    readonly choice: BrowserChoice,
    readonly timeouts: BrowserTimeouts,
  ) {
    this.#exited = new Promise<never>((_, reject) => {
      const gone = () => {
        this.#gone = true;
        reject(this.crashed());
      };
      browser.on('disconnected', gone);
      server.process().once('exit', gone);
    });
    this.#exited.catch(() => undefined);
  }
  crashed(): BrowserGone {
    return new BrowserGone(
      `浏览器 ${this.choice.path} 在生成 PDF 时意外退出（被结束或崩溃），PDF 没有生成完。请重新运行；反复出现时换一个浏览器（--browser）。`,
    );
  }
  get gone(): boolean {
    return this.#gone;
  }
  /** `work`, unless the browser exits first or `ms` pass (then it is killed). */
  async step<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
    work.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new BrowserGone(
              `浏览器 ${this.choice.path} ${Math.round(ms / 1000)} 秒内没有完成${what}，已停止它（浏览器可能卡住了）。请重新运行；反复出现时换一个浏览器（--browser）。`,
            ),
          ),
        ms,
      );
    });
    try {
      return await Promise.race([work, this.#exited, deadline]);
    } catch (error) {
      // Playwright's own word for a browser or page that died under it (the exit event may come a moment later).
      const died =
        !(error instanceof BrowserGone) &&
        (this.#gone ||
          !this.browser.isConnected() ||
          (error as Error).name === 'TargetClosedError' ||
          /crash|closed|disconnected/i.test(String((error as Error).message)));
      if (error instanceof BrowserGone || died) {
        await this.kill();
        throw died ? this.crashed() : error;
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
  async kill(): Promise<void> {
    await this.server.kill().catch(() => undefined);
  }
  async close(): Promise<void> {
    if (this.#gone) return;
    // A browser that does not close in a few seconds is killed.
    await this.step(this.browser.close(), 5_000, '关闭').catch(() => this.kill());
    await this.kill();
  }
}

/** Where an issue's PDF goes inside the built site: `<series>/<year>/<number>/<series>-<year>-<number>.pdf`. */
function pdfPath(distDir: string, issue: CompiledIssue): string {
  return join(distDir, ...issue.key.split('/'), issue.pdfName);
}

export async function renderPdfs(options: RenderPdfsOptions): Promise<RenderedPdf[]> {
  const { distDir, site, io } = options;
  const issues = options.issues ?? site.issues;
  if (issues.length === 0) return [];
  let choice: BrowserChoice;
  try {
    choice = findBrowser({ flag: options.browser, env: io.env });
  } catch (error) {
    if (error instanceof BrowserNotFoundError) throw new PdfError(error.message);
    throw error;
  }
  const progress = progressReporter(io, issues.length);
  const results: RenderedPdf[] = [];
  const keys = new Map<CompiledIssue, string>();
  if (options.cache) {
    const environment = await printEnvironment(choice.path, io.env);
    for (const issue of issues) {
      const printHtml = await readFile(join(distDir, issuePagePath('print', issue), 'index.html'), 'utf8').catch(
        () => undefined,
      );
      if (printHtml !== undefined) keys.set(issue, pdfKey({ salt: options.cache.salt, environment, issue, printHtml }));
    }
  }
  const queue: CompiledIssue[] = [];
  try {
    for (const issue of issues) {
      const key = keys.get(issue);
      const file = pdfPath(distDir, issue);
      const facts = key ? await options.cache!.store.restore(key, file) : undefined;
      if (!facts) {
        queue.push(issue);
        continue;
      }
      const result = { issue, file, ...facts };
      results.push(result);
      progress(result, distDir, true);
    }
    if (queue.length > 0) await printIssues(choice, queue, { ...options, keys, results, progress });
  } finally {
    progress.done();
  }
  if (options.cache?.prune) await options.cache.store.prune(new Set(keys.values()));
  const order = new Map(issues.map((issue, index) => [issue.key, index]));
  return results.sort((a, b) => order.get(a.issue.key)! - order.get(b.issue.key)!);
}

/** Print `queue` with the browser, a few pages at once; keep each PDF in the cache. */
async function printIssues(
  choice: BrowserChoice,
  queue: CompiledIssue[],
  options: RenderPdfsOptions & { keys: Map<CompiledIssue, string>; results: RenderedPdf[]; progress: Progress },
): Promise<void> {
  const { distDir, site, keys, results, progress } = options;
  const watched = await launch(choice, { ...DEFAULT_TIMEOUTS, ...options.timeouts });
  const { browser, timeouts } = watched;
  const server = await serveSite(distDir, site.base);
  try {
    // One context: the pages share the HTTP cache, so the fonts load once.
    const context = await watched.step(browser.newContext(), timeouts.page, '打开页面');
    const workers = Math.max(1, Math.min(options.concurrency ?? Math.min(4, availableParallelism()), queue.length));
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const page = await watched.step(context.newPage(), timeouts.page, '打开页面');
        try {
          for (let issue = queue.shift(); issue; issue = queue.shift()) {
            const result = await renderIssue(watched, page, issue, server.url(issuePagePath('print', issue)), distDir);
            const key = keys.get(issue);
            if (key)
              await options.cache!.store.keep(key, result.file, {
                pages: result.pages,
                placed: result.placed,
                type3Fonts: result.type3Fonts,
              });
            results.push(result);
            progress(result, distDir);
          }
        } catch (error) {
          queue.length = 0; // the other workers stop after their current issue
          throw error;
        } finally {
          if (!watched.gone) await watched.step(page.close(), timeouts.page, '关闭页面').catch(() => undefined);
        }
      }),
    );
    await watched.step(context.close(), timeouts.page, '关闭页面');
  } catch (error) {
    if (error instanceof BrowserGone) throw new PdfError(error.message);
    throw error;
  } finally {
    await watched.close();
    await server.close();
  }
}

/** SIGKILL every process whose command line carries `token` (Linux: /proc; elsewhere nothing is found). */
async function killMarked(token: string): Promise<void> {
  const pids = await readdir('/proc').catch(() => [] as string[]);
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (command.split('\0').includes(token)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

/**
 * Start the browser as a server (so its process can be killed when it stops
 * answering) and connect to it, within `timeouts.launch`.
 */
async function launch(choice: BrowserChoice, timeouts: BrowserTimeouts): Promise<Watched> {
  const { chromium } = await import('playwright-core');
  let server: BrowserServer | undefined;
  // Marks this launch's processes: Playwright leaves a browser that never got ready running.
  const token = `--jianbao-run=${process.pid}-${randomUUID()}`;
  try {
    server = await chromium.launchServer({
      executablePath: choice.path,
      headless: true,
      timeout: timeouts.launch,
      args: ['--disable-gpu', '--disable-background-networking', '--no-first-run', '--no-default-browser-check', token],
    });
    const browser = await chromium.connect(server.wsEndpoint(), { timeout: timeouts.launch });
    return new Watched(server, browser, choice, timeouts);
  } catch (error) {
    await server?.kill().catch(() => undefined);
    await killMarked(token);
    // Playwright's reason is English (and long): say what it means instead.
    const timedOut = (error as Error).name === 'TimeoutError';
    const code = (error as NodeJS.ErrnoException).code;
    const reason = timedOut
      ? `${Math.round(timeouts.launch / 1000)} 秒内没有启动`
      : code
        ? errnoReason(code)
        : '浏览器没有正常启动（可能不是 Chromium 系浏览器、缺少系统库，或启动后立即退出了）';
    throw new PdfError(
      `无法启动浏览器 ${choice.path}（${choice.source}）：${reason}\n请确认它是 Chromium、Chrome 或 Edge，或用 --browser 指定另一个。`,
    );
  }
}

async function renderIssue(
  watched: Watched,
  page: Page,
  issue: CompiledIssue,
  url: string,
  distDir: string,
): Promise<RenderedPdf> {
  const { timeouts } = watched;
  const response = await watched.step(
    page.goto(url, { waitUntil: 'load', timeout: 0 }),
    timeouts.page,
    `打开 ${issue.ref} 的打印页`,
  );
  if (!response || !response.ok()) {
    throw new PdfError(`找不到 ${issue.ref} 的打印页（${url}）：站点目录 ${distDir} 不完整，请先运行 jianbao build。`);
  }
  try {
    await watched.step(
      page.waitForFunction(() => document.documentElement.dataset.printLayout === 'done', undefined, {
        timeout: LAYOUT_TIMEOUT_MS,
      }),
      timeouts.page,
      `${issue.ref} 的排版`,
    );
  } catch (error) {
    // Only a layout that never finished in a running browser is the fonts' fault; a browser that went away says so.
    if (error instanceof BrowserGone || watched.gone) throw error;
    if ((error as Error).name !== 'TimeoutError') throw error;
    throw new PdfError(`${issue.ref} 的打印页排版超时（字体未能加载？），请用浏览器打开 ${url} 查看。`);
  }
  const expected = Number(
    await watched.step(
      page.evaluate(() => document.documentElement.dataset.pages ?? '0'),
      timeouts.page,
      `${issue.ref} 的排版`,
    ),
  );
  const print = () => watched.step(printPage(page), timeouts.print, `打印 ${issue.ref}`);
  let facts = await withMetadata(await print(), issue);
  const placed = expected > 0 && facts.pages === expected;
  if (!placed) {
    // The measured layout did not hold: print the 版记 right under the text instead.
    await watched.step(
      page.evaluate(() => {
        const spacer = document.querySelector<HTMLElement>('.colophon-spacer');
        if (spacer) spacer.style.height = '0';
        document.querySelector('.colophon-tail')?.classList.remove('turn', 'bare');
      }),
      timeouts.page,
      `${issue.ref} 的排版`,
    );
    facts = await withMetadata(await print(), issue);
  }
  const file = pdfPath(distDir, issue);
  await writeAtomic(file, facts.bytes);
  return { issue, file, pages: facts.pages, placed, type3Fonts: facts.type3Fonts };
}

function printPage(page: Page): Promise<Buffer> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
}

interface Progress {
  /** `reused`: the PDF was printed by an earlier run from the same inputs. */
  (result: RenderedPdf, distDir: string, reused?: boolean): void;
  done: () => void;
}

/** One line per PDF; on a terminal with many issues, one line that counts up. */
function progressReporter(io: CliIO, total: number): Progress {
  let count = 0;
  const live = io.isTTY && total > 3;
  const report = ((result: RenderedPdf, distDir: string, reused = false) => {
    count++;
    const where = relative(distDir, result.file).replace(/\\/g, '/');
    const pages = `${result.pages} 页${reused ? '，未改动，沿用上次打印的' : ''}`;
    const warning = [
      result.placed ? '' : '（注意：版记未能放到末页底部，已直接排在正文之后）',
      result.type3Fonts === 0
        ? ''
        : '（注意：个别字符用了系统的 Type 3 字体，印刷厂可能拒收；Linux 上可安装 fonts-dejavu-core、fonts-lxgw-wenkai）',
    ].join('');
    if (live) {
      io.stdout(`\r\u001b[K生成 PDF ${count}/${total}：${where}（${pages}）`);
      if (warning) io.stdout(`\n${result.issue.ref}${warning}\n`);
    } else {
      io.stdout(`${total > 1 ? `[${count}/${total}] ` : ''}PDF：${where}（${pages}）${warning}\n`);
    }
  }) as Progress;
  report.done = () => {
    if (live && count > 0) io.stdout('\n');
  };
  return report;
}
