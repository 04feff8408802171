/** `jianbao build [--out DIR] [--pdf] [--docx]`: check, then the site (and its PDFs, Word files) into dist/ atomically. */
import { relative, resolve } from 'node:path';
import type { DocxCacheOption, PdfCacheOption } from '../../build/index.ts';
import type { DroppedPdf } from '../../build/keep-pdfs.ts';
import type { CompiledSite } from '../../core/index.ts';
import { UserError } from '../../core/index.ts';
import { type CliIO, defineCommand, requireContentDir } from '../command.ts';
import { paint, printDiagnostics } from '../report.ts';
import { refuseUnsafeOutput } from '../output.ts';

type RenderPdfs = (options: {
  distDir: string;
  site: CompiledSite;
  io: CliIO;
  cache?: PdfCacheOption & { prune?: boolean };
}) => Promise<unknown>;

interface PdfModule {
  renderPdfs?: RenderPdfs;
  /** Problems the user can fix (no browser…): reported like a failed step, not as our bug. */
  PdfError?: new (...args: never[]) => Error;
}

/** The PDF renderer (src/pdf/), imported only for --pdf; a literal path, so the CLI bundle includes it. */
async function loadPdfModule(): Promise<PdfModule | undefined> {
  const module = (await import('../../pdf/index.ts')) as PdfModule;
  return module.renderPdfs ? module : undefined;
}

export default defineCommand({
  meta: { name: 'build', description: '检查内容并生成内网站点（失败时保留原有输出）' },
  args: {
    out: { type: 'string', description: '输出目录（默认 ./dist）', valueHint: '目录' },
    pdf: { type: 'boolean', description: '同时为每期生成 PDF' },
    docx: { type: 'boolean', description: '同时为每期生成 Word 文件（.docx）' },
    drafts: { type: 'boolean', description: '草稿期刊也生成（带“草稿”标记，仅供内部预览）' },
  },
  async run({ values, io, contentDir }) {
    await requireContentDir(contentDir);
    const outDir = resolve(io.cwd, (values.out as string | undefined) ?? 'dist');
    const relativeOut = relative(io.cwd, outDir).replace(/\\/g, '/');
    const shownOut = !relativeOut ? '.' : relativeOut.startsWith('..') ? outDir : relativeOut;
    const colors = paint(io);
    await refuseUnsafeOutput(outDir, contentDir);
    const pdf = values.pdf ? await loadPdfModule() : undefined;
    if (values.pdf && !pdf)
      io.stderr('提示：此版本尚不支持生成 PDF，本次只生成站点（可用浏览器打开各期的打印版另存为 PDF）。\n');
    const { buildSite, BuildError } = await import('../../build/index.ts');
    // PDFs are written into the new site before it replaces the old one: a PDF failure leaves the old site.
    const docx = Boolean(values.docx);
    type AfterSite = {
      siteDir: string;
      site: CompiledSite;
      pdfCache: PdfCacheOption | undefined;
      docxCache: DocxCacheOption | undefined;
    };
    const afterSite =
      pdf?.renderPdfs || docx
        ? async ({ siteDir, site, pdfCache, docxCache }: AfterSite) => {
            if (pdf?.renderPdfs) {
              try {
                // PDFs of unchanged print pages are copied from the render cache; the others printed.
                await pdf.renderPdfs({
                  distDir: siteDir,
                  site,
                  io,
                  ...(pdfCache ? { cache: { ...pdfCache, prune: true } } : {}),
                });
              } catch (error) {
                if (pdf.PdfError && error instanceof pdf.PdfError)
                  throw new BuildError(`生成 PDF 失败：${error.message}`, { cause: error });
                throw error;
              }
            }
            if (docx) {
              // Word files of unchanged issues are copied from the render cache; the others rendered.
              const { renderDocxs } = await import('../../docx/index.ts');
              await renderDocxs({
                distDir: siteDir,
                contentDir,
                issues: site.issues,
                io,
                ...(docxCache ? { cache: { ...docxCache, prune: true } } : {}),
              });
            }
          }
        : undefined;
    try {
      const result = await buildSite({
        contentDir,
        outDir,
        log: (line) => io.stdout(`${line}\n`),
        afterSite,
        drafts: values.drafts === true,
        // The PDF link is put in once the PDFs are there (build/link-pdfs.ts), so it is not part of the pages.
        ...(docx ? { downloads: { pdf: false, docx } } : {}),
      });
      if (!result.ok) {
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        printDiagnostics(errors, io, contentDir);
        io.stdout(
          colors.red(`内容有错误，站点未生成，${shownOut}/ 保持原样。请按提示修改后重新运行 jianbao build。\n`),
        );
        return 1;
      }
      const warnings = result.diagnostics.length;
      if (warnings) io.stdout(colors.yellow(`有 ${warnings} 个警告，运行 jianbao check 查看。\n`));
      io.stdout(
        colors.green(
          result.unchanged
            ? `✓ 站点已是最新：${shownOut}/ 没有改动（${result.pages} 个页面，用时 ${result.seconds.toFixed(1)} 秒）\n`
            : `✓ 站点已生成：${shownOut}/（${result.pages} 个页面，用时 ${result.seconds.toFixed(1)} 秒）\n`,
        ),
      );
      if (result.draftsLeftOut.length) io.stdout(`${draftsLeftOutLine(result.draftsLeftOut)}\n`);
      for (const line of pdfLines(result.pdfs, { printed: Boolean(pdf?.renderPdfs) })) io.stdout(`${line}\n`);
      return 0;
    } catch (error) {
      if (error instanceof BuildError)
        throw new UserError(`生成失败：${error.message}`, { hint: `${shownOut}/ 保持原样。`, cause: error });
      throw error;
    }
  },
});

/** The summary line of the draft issues a build left out of the site. */
export function draftsLeftOutLine(refs: readonly string[]): string {
  const shown = refs.length > 6 ? `${refs.slice(0, 6).join('、')} 等` : refs.join('、');
  return `另有 ${refs.length} 期草稿未放入站点（${shown}）；发布后才会出现。预览草稿：jianbao dev 或 jianbao build --drafts`;
}

/**
 * What became of the PDFs of the previous output: carried over (print page
 * unchanged), or not, and how to make them again. `printed`: this run printed
 * PDFs itself (then the carried ones need no mention).
 */
export function pdfLines(
  pdfs: { kept: number; dropped: readonly DroppedPdf[] },
  options: { printed: boolean },
): string[] {
  const lines: string[] = [];
  if (pdfs.kept > 0 && !options.printed) lines.push(`已保留原有的 ${pdfs.kept} 个 PDF（打印页没有改动）。`);
  const changed = pdfs.dropped.filter((item) => item.why === 'changed').map((item) => item.ref);
  const gone = pdfs.dropped.filter((item) => item.why === 'gone').map((item) => item.ref);
  if (changed.length) {
    lines.push(
      `注意：${changed.length} 期的打印页有改动，原有的 PDF 已过期，没有保留：${changed.join('、')}。重新生成：jianbao pdf ${changed.join(' ')}`,
    );
  }
  if (gone.length)
    lines.push(
      `注意：${gone.length} 个 PDF 所属的期刊不在本次生成的站点中（草稿或已删除），没有保留：${gone.join('、')}`,
    );
  return lines;
}
