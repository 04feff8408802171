/**
 * `jianbao docx [ISSUE…] [--drafts] [--out DIR]`: one Word file per issue, next to its
 * page in the built site: `<out>/<series>/<year>/<number>/<series>-<year>-<number>.docx`.
 * The .docx is made from the compiled issue, not from the site's pages, so
 * an existing site only gets the files; when there is no site yet, it is
 * built first (the same pipeline as `jianbao build --docx`).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand, requireContentDir } from '../command.ts';
import { stepTimer } from '../timing.ts';
import { refuseUnsafeOutput } from '../output.ts';
import { paint, printDiagnostics } from '../report.ts';
import { compileForOutput, sameIssues, selectIssues, shown } from './_issues.ts';

export default defineCommand({
  meta: {
    name: 'docx',
    description: '为各期生成 Word 文件（.docx，GB/T 9704 版式，可在 Word、WPS 中修改）',
    usage: 'docx [期号…]',
  },
  args: {
    out: { type: 'string', description: '站点目录，Word 文件写在各期目录下（默认 ./dist）', valueHint: '目录' },
    drafts: { type: 'boolean', description: '草稿期刊也生成（站点连同草稿一起生成，同 jianbao build --drafts）' },
  },
  async run({ values, positionals, io, contentDir }) {
    await requireContentDir(contentDir);
    const outDir = resolve(io.cwd, (values.out as string | undefined) ?? 'dist');
    await refuseUnsafeOutput(outDir, contentDir);
    const colors = paint(io);
    const compiled = await compileForOutput(contentDir, io, 'Word 文件');
    if (!compiled) return 1;
    const { cache, site } = compiled;
    const { SITE_MARKER } = await import('../../build/index.ts');
    const drafts = values.drafts === true;
    const wanted = selectIssues(site, positionals, drafts, { command: 'docx', what: 'Word 文件' });
    const { renderDocxs } = await import('../../docx/index.ts');
    let written: unknown[] = [];
    // Writing the files alone, apart from the check, compile and build before it.
    const writing = stepTimer();
    if (existsSync(join(outDir, SITE_MARKER))) {
      written = await writing.time(() =>
        renderDocxs({ distDir: outDir, contentDir, issues: wanted, io, cache: cache.docx }),
      );
    } else {
      io.stdout(`${shown(io, outDir)}/ 中还没有站点，先生成站点（同 jianbao build --docx）……\n`);
      const { buildSite, BuildError } = await import('../../build/index.ts');
      try {
        const result = await buildSite({
          contentDir,
          outDir,
          log: (line) => io.stdout(`${line}\n`),
          drafts,
          // The pages link the Word files only when every issue gets one.
          ...(positionals.length === 0 ? { downloads: { pdf: false, docx: true } } : {}),
          afterSite: async ({ siteDir, site: built, docxCache }) => {
            written = await writing.time(() =>
              renderDocxs({
                distDir: siteDir,
                contentDir,
                issues: sameIssues(built.issues, wanted),
                io,
                ...(docxCache ? { cache: docxCache } : {}),
              }),
            );
          },
        });
        if (!result.ok) {
          printDiagnostics(
            result.diagnostics.filter((d) => d.severity === 'error'),
            io,
            contentDir,
          );
          return 1;
        }
      } catch (error) {
        if (error instanceof BuildError) {
          io.stderr(`${colors.red('生成站点失败')}：${error.message}\n`);
          return 1;
        }
        throw error;
      }
    }
    io.stdout(
      colors.green(
        `✓ 已生成 ${written.length} 个 Word 文件（${shown(io, outDir)}/ 下各期目录中；生成用时 ${writing.seconds().toFixed(2)} 秒）\n`,
      ),
    );
    return 0;
  },
});
