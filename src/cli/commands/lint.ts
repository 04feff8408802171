/** `jianbao lint [--fix] [--format text|json] [paths…]` */
import { terminalSafe } from '../terminal.ts';
import { resolve, sep } from 'node:path';
import { sortDiagnostics } from '../../core/index.ts';
import { buildRegistry } from '../../core/index.ts';
import { loadContent } from '../../core/index.ts';
import { fixEntryFiles } from '../../core/index.ts';
import { frozenEntryIds, lintEntry } from '../../core/index.ts';
import { LINT_RULES, SETTINGS_FILES, UserError } from '../../core/index.ts';
import { defineCommand, formatOption, requireContentDir, UsageError } from '../command.ts';
import { diagnosticsJson, displayPath, paint, printDiagnostics } from '../report.ts';

export default defineCommand({
  meta: {
    name: 'lint',
    description: '检查稿件正文的标点、数字、日期、空格、繁体字和转换残留（GB/T 15834、15835）',
    usage: 'lint [--fix] [稿件文件或目录…]',
  },
  args: {
    fix: { type: 'boolean', description: '自动修复能安全修复的问题（写回文件）' },
    format: { type: 'string', description: '输出格式：text（默认）或 json', valueHint: '格式' },
    rules: { type: 'boolean', description: '列出全部规则' },
  },
  async run({ values, positionals, io, contentDir }) {
    const format = formatOption(values.format, ['text', 'json']);
    if (values.rules) {
      for (const rule of LINT_RULES)
        io.stdout(
          `${rule.id.padEnd(30)} ${rule.severity === 'error' ? '错误' : '警告'}  ${rule.title}：${rule.description}\n`,
        );
      return 0;
    }
    await requireContentDir(contentDir);
    const started = performance.now();
    let content = await loadContent(contentDir);
    // A folder without jianbao.yaml is no content directory: say so rather than report “no problems” over nothing.
    const notContent = content.diagnostics.filter(
      (d) => d.rule === 'file/missing' && d.file === SETTINGS_FILES.settings,
    );
    if (notContent.length)
      throw new UserError(`${contentDir} 不是内容目录，没有检查任何稿件`, {
        diagnostics: notContent,
        hint: '用 --content 指向内容目录（其中有 jianbao.yaml 和 entries/），或在内容目录中运行 jianbao lint',
      });
    let registry = buildRegistry(content);
    const frozen = frozenEntryIds(content);
    // Paths given on the command line, relative to where the command runs.
    const wanted = positionals.map((path) => resolve(io.cwd, path));
    const selected = (entries: typeof content.entries) =>
      wanted.length === 0
        ? entries.filter((entry) => !frozen.has(entry.id))
        : entries.filter((entry) => {
            const absolute = resolve(contentDir, entry.file);
            return wanted.some(
              (path) => absolute === path || absolute.startsWith(path.endsWith(sep) ? path : `${path}${sep}`),
            );
          });
    let entries = selected(content.entries);
    if (wanted.length > 0 && entries.length === 0)
      throw new UsageError(`在内容目录 ${contentDir} 中没有找到这些稿件：${positionals.join('、')}`);

    const colors = paint(io);
    const fixes = values.fix ? await fixEntryFiles(content, registry, entries) : [];
    if (fixes.some((report) => !report.skipped)) {
      content = await loadContent(contentDir);
      registry = buildRegistry(content);
      entries = selected(content.entries);
    }
    const unreadable = content.diagnostics.filter((d) => d.severity === 'error' && d.file.startsWith('entries/'));
    const diagnostics = sortDiagnostics(entries.flatMap((entry) => lintEntry(entry, registry)));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (format === 'json') {
      io.stdout(diagnosticsJson(diagnostics, io, contentDir, { entries: entries.length, fixed: fixes }));
      return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    }
    for (const report of fixes) {
      const path = terminalSafe(displayPath(io, contentDir, report.file));
      const changes = report.changes.map((change) => `${change.title} ${change.count} 处`).join('；');
      if (report.skipped)
        io.stdout(`${colors.yellow('未修改')} ${path}：${report.skipped}${changes ? `（可修复：${changes}）` : ''}\n`);
      else io.stdout(`${colors.green('已修复')} ${path}：${[changes, ...report.notes].filter(Boolean).join('；')}\n`);
    }
    if (fixes.length) io.stdout('\n');
    if (unreadable.length)
      io.stdout(
        `${colors.yellow(`有 ${unreadable.length} 个稿件文件无法解析，未检查正文；先运行 jianbao check 查看`)}\n\n`,
      );
    const fixable = diagnostics.filter((d) => d.fixable).length;
    // Entries of published issues change only through errata: say how many were not checked, and how to check one.
    const skipped = wanted.length === 0 ? content.entries.filter((entry) => frozen.has(entry.id)).length : 0;
    const skippedText = skipped
      ? `；另有 ${skipped} 篇已发布期刊的稿件未检查，要检查可写明路径，如 jianbao lint entries/…`
      : '';
    const detail = `（${entries.length} 篇稿件${fixable && !values.fix ? `，其中 ${fixable} 处可用 jianbao lint --fix 自动修复` : ''}${skippedText}，用时 ${seconds} 秒）`;
    return printDiagnostics(diagnostics, io, contentDir, detail);
  },
});
