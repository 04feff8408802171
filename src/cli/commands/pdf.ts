/**
 * `jianbao pdf [ISSUE…] [--browser PATH] [--out DIR]`: one PDF per issue from
 * the print pages of the built site. When the site is missing or older than
 * the content, it is built first (the same pipeline as `jianbao build`).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { checkContent, compileSite, type CompiledIssue, type CompiledSite, type SourceFile } from '../../core/index.ts';
import { type CliIO, defineCommand, requireContentDir, UsageError } from '../command.ts';
import { paint, printDiagnostics } from '../report.ts';
import { refuseUnsafeOutput } from '../output.ts';
import { pdfLines } from './build.ts';

export default defineCommand({
  meta: { name: 'pdf', description: '用本机的 Chromium、Chrome 或 Edge 把各期打印版生成 PDF', usage: 'pdf [期号…]' },
  args: {
    browser: { type: 'string', description: '浏览器程序（默认：环境变量 JIANBAO_BROWSER，否则自动查找）', valueHint: '路径' },
    out: { type: 'string', description: '站点目录，PDF 写在各期目录下（默认 ./dist）', valueHint: '目录' },
    drafts: { type: 'boolean', description: '草稿期刊也生成（站点连同草稿一起生成，同 jianbao build --drafts）' },
  },
  async run({ values, positionals, io, contentDir }) {
    await requireContentDir(contentDir);
    const outDir = resolve(io.cwd, (values.out as string | undefined) ?? 'dist');
    await refuseUnsafeOutput(outDir, contentDir);
    const colors = paint(io);
    const checked = await checkContent(contentDir);
    if (checked.errors > 0) {
      printDiagnostics(
        checked.diagnostics.filter((d) => d.severity === 'error'),
        io,
        contentDir,
      );
      io.stdout(colors.red('内容有错误，未生成 PDF。请按提示修改后重新运行。\n'));
      return 1;
    }
    // Entry Markdown rendered and PDFs printed by earlier runs, from the build's render cache.
    const { openRenderCache } = await import('../../build/index.ts');
    const cache = await openRenderCache(contentDir);
    const site = compileSite(checked.content, checked.registry, { compileBody: cache.markdown.compile });
    await cache.markdown.save();
    const drafts = values.drafts === true;
    const wanted = selectIssues(site, positionals, drafts);
    const shownOut = shown(io, outDir);
    const browser = values.browser as string | undefined;

    const { findBrowser, renderPdfs, PdfError, BrowserNotFoundError } = await import('../../pdf/index.ts');
    try {
      // Fail before any build when there is no browser.
      findBrowser({ flag: browser, env: io.env });
      const stale = await staleness(outDir, contentDir, checked.content.files, wanted);
      let rendered: { file: string }[] = [];
      if (stale) {
        io.stdout(`${stale}，先生成站点（同 jianbao build）……\n`);
        const { buildSite, BuildError } = await import('../../build/index.ts');
        try {
          const result = await buildSite({
            contentDir,
            outDir,
            log: (line) => io.stdout(`${line}\n`),
            drafts,
            afterSite: async ({ siteDir, site: built, pdfCache }) => {
              const issues = sameIssues(built, wanted);
              rendered = await renderPdfs({ distDir: siteDir, site: built, io, browser, issues, ...(pdfCache ? { cache: pdfCache } : {}) });
            },
          });
          if (!result.ok) {
            // Checked above: the content changed in between.
            printDiagnostics(result.diagnostics.filter((d) => d.severity === 'error'), io, contentDir);
            return 1;
          }
          for (const line of pdfLines(result.pdfs, { printed: false })) io.stdout(`${line}\n`);
        } catch (error) {
          if (error instanceof BuildError) {
            io.stderr(`${colors.red('生成站点失败')}：${error.message}\n`);
            return 1;
          }
          throw error;
        }
      } else {
        rendered = await renderPdfs({ distDir: outDir, site, io, browser, issues: wanted, cache: cache.pdf });
        // The issue pages and the feed of the built site now link the new PDFs.
        const { linkPdfs } = await import('../../build/link-pdfs.ts');
        await linkPdfs(outDir, site);
      }
      const count = rendered.length;
      io.stdout(colors.green(`✓ 已生成 ${count} 个 PDF（${shownOut}/ 下各期目录中）\n`));
      return 0;
    } catch (error) {
      if (error instanceof PdfError || error instanceof BrowserNotFoundError) {
        io.stderr(`${colors.red('无法生成 PDF')}：${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
});

function shown(io: CliIO, dir: string): string {
  const path = relative(io.cwd, dir).replace(/\\/g, '/');
  return !path ? '.' : path.startsWith('..') ? dir : path;
}

/**
 * The issues named on the command line (`2024-8`, `zhuanbao/2024-8`), or all
 * of them; draft issues only with `drafts` (the site has them only then).
 */
export function selectIssues(site: CompiledSite, refs: string[], drafts = true): CompiledIssue[] {
  if (refs.length === 0) return drafts ? site.issues : site.issues.filter((issue) => issue.status !== 'draft');
  return refs.map((ref) => {
    const match = /^(?:([a-z0-9][a-z0-9-]*)\/)?(\d{4})[-/](\d+)$/.exec(ref.trim());
    if (!match) throw new UsageError(`期号「${ref}」写法不对，应写作 年-期号（如 2024-8），有多个刊物时写 刊物/年-期号（如 zhuanbao/2024-8）`);
    const [, series, year, number] = match;
    const found = site.issues.filter(
      (issue) => (!series || issue.series.id === series) && issue.year === Number(year) && issue.number === Number(number),
    );
    if (found.length === 1) {
      const issue = found[0]!;
      if (!drafts && issue.status === 'draft') {
        throw new UsageError(
          `${issue.ref} 是草稿，站点中没有草稿期刊，因而不生成它的 PDF。要生成草稿的 PDF（印有“草稿”字样）：jianbao pdf --drafts ${issue.ref}（站点连同草稿一起生成）`,
        );
      }
      return issue;
    }
    if (found.length > 1) throw new UsageError(`「${ref}」在多个刊物中都有，请写明刊物：${found.map((issue) => `${issue.series.id}/${year}-${number}`).join('、')}`);
    const known = site.issues.map((issue) => issue.ref);
    throw new UsageError(`找不到期刊「${ref}」。现有：${known.slice(0, 12).join('、')}${known.length > 12 ? ' 等' : ''}`);
  });
}

/** The same issues in a freshly compiled site (after a build). */
function sameIssues(site: CompiledSite, wanted: CompiledIssue[]): CompiledIssue[] {
  const keys = new Set(wanted.map((issue) => issue.key));
  return site.issues.filter((issue) => keys.has(issue.key));
}

/**
 * Why the built site cannot be printed as it is (missing, or older than the
 * content), or undefined when it can.
 */
async function staleness(outDir: string, contentDir: string, files: SourceFile[], issues: CompiledIssue[]): Promise<string | undefined> {
  let oldestPage = Number.POSITIVE_INFINITY;
  for (const issue of issues) {
    const page = join(outDir, ...issue.key.split('/'), 'print', 'index.html');
    try {
      oldestPage = Math.min(oldestPage, (await stat(page)).mtimeMs);
    } catch {
      return `站点目录中没有 ${issue.ref} 的打印页（${outDir} 不存在或不是最新生成的）`;
    }
  }
  for (const file of files) {
    const modified = (await stat(join(contentDir, file.path)).catch(() => undefined))?.mtimeMs ?? 0;
    if (modified > oldestPage) return `内容在上次生成站点之后有改动（${file.path}），${outDir} 已过期`;
  }
  // Images are named by their content: a changed image is one the site does not have yet.
  for (const image of issues.flatMap((issue) => issue.entries.flatMap((entry) => entry.images))) {
    if (!existsSync(join(outDir, ...image.output.split('/')))) return `图片在上次生成站点之后有改动（${image.source}），${outDir} 已过期`;
  }
  return undefined;
}
