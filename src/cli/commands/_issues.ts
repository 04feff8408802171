/**
 * What `jianbao pdf` and `jianbao docx` share: open the content as a project
 * (core/project.ts: the same check and compile as every other command),
 * report its errors (nothing written), pick the issues named on the command
 * line.
 */
import { relative } from 'node:path';
import { openProject, parseIssueRef, type CompiledIssue, type CompiledSite } from '../../core/index.ts';
import { openCheckCache } from '../../build/check-cache.ts';
import { type CliIO, UsageError } from '../command.ts';
import { paint, printDiagnostics } from '../report.ts';

/** The checked and compiled content and the render cache, or undefined when the content has errors (reported). */
export async function compileForOutput(contentDir: string, io: CliIO, what: string) {
  // Entry Markdown compiled, PDFs and Word files written by earlier runs: the build's render cache.
  // Opened only once the check passed (the project compiles through it). Files read by earlier checks: the check cache.
  const { openRenderCache } = await import('../../build/index.ts');
  let cache: Awaited<ReturnType<typeof openRenderCache>> | undefined;
  const project = openProject(contentDir, {
    checkCache: openCheckCache(contentDir),
    bodyCache: async () => (cache = await openRenderCache(contentDir)).markdown,
  });
  const { checked, site } = await project.checkAndCompile();
  await project.saveCheck();
  if (!site || !cache) {
    printDiagnostics(
      checked.diagnostics.filter((d) => d.severity === 'error'),
      io,
      contentDir,
    );
    io.stdout(paint(io).red(`内容有错误，未生成 ${what}。请按提示修改后重新运行。\n`));
    return undefined;
  }
  return { checked, cache, site };
}

/** A folder as the user would type it: relative to the working directory when inside it. */
export function shown(io: CliIO, dir: string): string {
  const path = relative(io.cwd, dir).replace(/\\/g, '/');
  return !path ? '.' : path.startsWith('..') ? dir : path;
}

/**
 * The issues named on the command line (`2024-8`, `zhuanbao/2024-8`), or all
 * of them; draft issues only with `drafts` (`jianbao pdf` builds the site
 * with them only then).
 */
export function selectIssues(
  site: CompiledSite,
  refs: string[],
  drafts = true,
  output: { command: string; what: string } = { command: 'pdf', what: 'PDF' },
): CompiledIssue[] {
  if (refs.length === 0) return drafts ? site.issues : site.issues.filter((issue) => issue.status !== 'draft');
  return refs.map((ref) => {
    const parsed = parseIssueRef(ref);
    if (!parsed)
      throw new UsageError(
        `期号「${ref}」写法不对，应写作 年-期号（如 2024-8，增刊写作 2024-增刊1），有多个刊物时写 刊物/年-期号（如 zhuanbao/2024-8）`,
      );
    const { series, year, number, supplement } = parsed;
    const found = site.issues.filter(
      (issue) =>
        (!series || issue.series.id === series) &&
        issue.year === year &&
        issue.number === number &&
        (issue.kind === 'supplement') === supplement,
    );
    if (found.length === 1) {
      const issue = found[0]!;
      if (!drafts && issue.status === 'draft') {
        throw new UsageError(
          `${issue.ref} 是草稿，站点中没有草稿期刊，因而不生成它的 ${output.what}。要生成草稿的 ${output.what}（印有“草稿”字样）：jianbao ${output.command} --drafts ${issue.ref}（站点连同草稿一起生成）`,
        );
      }
      return issue;
    }
    if (found.length > 1)
      throw new UsageError(
        `「${ref}」在多个刊物中都有，请写明刊物：${found.map((issue) => `${issue.series.id}/${ref.trim()}`).join('、')}`,
      );
    const known = site.issues.map((issue) => issue.ref);
    throw new UsageError(
      `找不到期刊「${ref}」。现有：${known.slice(0, 12).join('、')}${known.length > 12 ? ' 等' : ''}`,
    );
  });
}

/** The same issues in a freshly compiled site (after a build). */
export function sameIssues(issues: readonly CompiledIssue[], wanted: readonly CompiledIssue[]): CompiledIssue[] {
  const keys = new Set(wanted.map((issue) => issue.key));
  return issues.filter((issue) => keys.has(issue.key));
}
