/**
 * `jianbao pdf [ISSUE…] [--browser PATH] [--out DIR]`: one PDF per issue from
 * the print pages of the built site. When the site is missing or older than
 * the content, it is built first (the same pipeline as `jianbao build`).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CompiledIssue, SourceFile } from '../../core/index.ts';
import { defineCommand, requireContentDir } from '../command.ts';
import { stepTimer } from '../timing.ts';
import { UserError } from '../../core/index.ts';
import { paint, printDiagnostics } from '../report.ts';
import { refuseUnsafeOutput } from '../output.ts';
import { pdfLines } from './build.ts';
import { compileForOutput, sameIssues, selectIssues, shown } from './_issues.ts';

export { selectIssues };

export default defineCommand({
  meta: { name: 'pdf', description: '用本机的 Chromium、Chrome 或 Edge 把各期打印版生成 PDF', usage: 'pdf [期号…]' },
  args: {
    browser: {
      type: 'string',
      description: '浏览器程序（默认：环境变量 JIANBAO_BROWSER，否则自动查找）',
      valueHint: '路径',
    },
    out: { type: 'string', description: '站点目录，PDF 写在各期目录下（默认 ./dist）', valueHint: '目录' },
    drafts: { type: 'boolean', description: '草稿期刊也生成（站点连同草稿一起生成，同 jianbao build --drafts）' },
  },
  async run({ values, positionals, io, contentDir }) {
    await requireContentDir(contentDir);
    const outDir = resolve(io.cwd, (values.out as string | undefined) ?? 'dist');
    await refuseUnsafeOutput(outDir, contentDir);
    const colors = paint(io);
    const compiled = await compileForOutput(contentDir, io, 'PDF');
    if (!compiled) return 1;
    const { checked, cache, site } = compiled;
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
      // The printing alone (browser, pages in parallel), apart from the check, compile and build before it.
      const printing = stepTimer();
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
              const issues = sameIssues(built.issues, wanted);
              rendered = await printing.time(() =>
                renderPdfs({
                  distDir: siteDir,
                  site: built,
                  io,
                  browser,
                  issues,
                  ...(pdfCache ? { cache: pdfCache } : {}),
                }),
              );
            },
          });
          if (!result.ok) {
            // Checked above: the content changed in between.
            printDiagnostics(
              result.diagnostics.filter((d) => d.severity === 'error'),
              io,
              contentDir,
            );
            return 1;
          }
          for (const line of pdfLines(result.pdfs, { printed: false })) io.stdout(`${line}\n`);
        } catch (error) {
          if (error instanceof BuildError) throw new UserError(`生成站点失败：${error.message}`, { cause: error });
          throw error;
        }
      } else {
        rendered = await printing.time(() =>
          renderPdfs({ distDir: outDir, site, io, browser, issues: wanted, cache: cache.pdf }),
        );
        // The issue pages and the feed of the built site now link the new PDFs.
        const { linkPdfs } = await import('../../build/link-pdfs.ts');
        await linkPdfs(outDir, site);
      }
      const count = rendered.length;
      io.stdout(
        colors.green(
          `✓ 已生成 ${count} 个 PDF（${shownOut}/ 下各期目录中；生成用时 ${printing.seconds().toFixed(2)} 秒）\n`,
        ),
      );
      return 0;
    } catch (error) {
      if (error instanceof PdfError || error instanceof BrowserNotFoundError)
        throw new UserError(`无法生成 PDF：${error.message}`, { cause: error });
      throw error;
    }
  },
});

/**
 * Why the built site cannot be printed as it is (missing, or older than the
 * content), or undefined when it can.
 */
async function staleness(
  outDir: string,
  contentDir: string,
  files: SourceFile[],
  issues: CompiledIssue[],
): Promise<string | undefined> {
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
    if (!existsSync(join(outDir, ...image.output.split('/'))))
      return `图片在上次生成站点之后有改动（${image.source}），${outDir} 已过期`;
  }
  return undefined;
}
