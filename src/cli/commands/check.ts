/** `jianbao check [--fix] [--format text|json]` */
import { terminalSafe } from '../terminal.ts';
import { applyFixes, openProject } from '../../core/index.ts';
import { openCheckCache } from '../../build/check-cache.ts';
import { defineCommand, formatOption, requireContentDir } from '../command.ts';
import { diagnosticsJson, displayPath, printDiagnostics } from '../report.ts';

export default defineCommand({
  meta: { name: 'check', description: '检查内容目录：格式、编号、稿件去向、已发布期刊是否被改动' },
  args: {
    format: { type: 'string', description: '输出格式：text（默认）或 json', valueHint: '格式' },
    fix: { type: 'boolean', description: '自动修复安全的问题（GBK 转 UTF-8、BOM、CRLF、全角冒号）' },
  },
  async run({ values, io, contentDir }) {
    const format = formatOption(values.format, ['text', 'json']);
    await requireContentDir(contentDir);
    const started = performance.now();
    // Files unchanged since an earlier check are not read again (the check cache; a changed file always is).
    const project = openProject(contentDir, { checkCache: openCheckCache(contentDir) });
    let result = await project.check();
    const fixes = [];
    if (values.fix) {
      const fixable = new Set(result.diagnostics.filter((d) => d.fixable).map((d) => d.file));
      const reports = await applyFixes(
        contentDir,
        result.content.files.filter((file) => fixable.has(file.path)),
      );
      fixes.push(...reports);
      if (reports.length) {
        project.invalidate();
        result = await project.check();
      }
    }
    await project.saveCheck();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (format === 'json') {
      io.stdout(
        diagnosticsJson(result.diagnostics, io, contentDir, { files: result.content.files.length, fixed: fixes }),
      );
      return result.errors > 0 ? 1 : 0;
    }
    for (const report of fixes)
      io.stdout(`已修复 ${terminalSafe(displayPath(io, contentDir, report.file))}：${report.changes.join('；')}\n`);
    if (fixes.length) io.stdout('\n');
    return printDiagnostics(
      result.diagnostics,
      io,
      contentDir,
      `（${result.content.files.length} 个文件，${result.content.entries.length} 篇稿件，${result.content.issues.length} 期，用时 ${seconds} 秒）`,
    );
  },
});
