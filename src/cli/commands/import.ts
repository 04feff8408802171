/** `jianbao import FILE… [--section … --unit … --date … --series …] [--split] [--dry-run]` */
import { resolve } from 'node:path';
import { buildRegistry } from '../../core/registry.ts';
import { loadContent } from '../../core/load/content.ts';
import { ENCODING_NAMES } from '../../core/load/decode.ts';
import { parseDateText } from '../../core/schema/fields.ts';
import { SECTIONS, sectionSchema, type SectionId } from '../../core/schema/sections.ts';
import { importFiles } from '../../core/text/import/index.ts';
import { defineCommand, requireContentDir, UsageError } from '../command.ts';
import { displayPath, paint } from '../report.ts';

export default defineCommand({
  meta: {
    name: 'import',
    description: '把 Word（.docx）、网页（.html）、文本（.txt）、Markdown 文件导入为稿件草稿：识别编码、去掉网页栏目和转换残留、规范标点',
    usage: 'import 文件… [--section 栏目] [--unit 单位] [--date 日期]',
  },
  args: {
    section: { type: 'string', description: `栏目（默认 工作动态）：${SECTIONS.map((section) => section.name).join('、')}`, valueHint: '栏目' },
    unit: { type: 'string', description: '报送单位（units.yaml 中的编号、名称或别名；默认从正文推断）', valueHint: '单位' },
    date: { type: 'string', description: '日期，如 2024-08-22；正文开头只写“8月22日”时取它的年份', valueHint: '日期' },
    series: { type: 'string', description: '刊物编号（有多个刊物时）', valueHint: '刊物' },
    split: { type: 'boolean', description: '一个文件含多篇稿件（标题行 + 正文，重复）时拆成多篇' },
    'dry-run': { type: 'boolean', description: '只显示将会做什么，不写文件' },
    force: { type: 'boolean', description: '已有标题、日期、单位都相同（或正文相同）的稿件时也导入' },
  },
  async run({ values, positionals, io, contentDir }) {
    if (positionals.length === 0) throw new UsageError('请给出要导入的文件，如 jianbao import 通知.docx');
    await requireContentDir(contentDir);
    let section: SectionId = 'work-updates';
    if (values.section !== undefined) {
      const parsed = sectionSchema.safeParse(values.section);
      if (!parsed.success) throw new UsageError(`未知的栏目「${values.section as string}」，应为：${SECTIONS.map((item) => `${item.name}（${item.id}）`).join('、')}`);
      section = parsed.data;
    }
    let date: string | undefined;
    if (values.date !== undefined) {
      date = parseDateText(values.date as string);
      if (!date) throw new UsageError(`日期「${values.date as string}」无效，应写作 2024-08-22 或 2024年8月22日`);
    }
    const content = await loadContent(contentDir);
    const registry = buildRegistry(content);
    const unit = values.unit as string | undefined;
    const series = values.series as string | undefined;
    if (series !== undefined && !registry.seriesById.has(series)) throw new UsageError(`未知的刊物「${series}」，jianbao.yaml 中有：${[...registry.seriesById.keys()].join('、') || '（无）'}`);
    const colors = paint(io);
    const dryRun = Boolean(values['dry-run']);
    const reports = await importFiles({
      contentDir,
      files: positionals.map((file) => resolve(io.cwd, file)),
      section,
      ...(unit ? { unit } : {}),
      ...(date ? { date } : {}),
      ...(series ? { series } : {}),
      split: Boolean(values.split),
      dryRun,
      registry,
      existing: content.entries,
      force: values.force === true,
    });
    if (unit && !registry.unitBySpelling.has(unit)) io.stdout(`${colors.yellow('注意')} 单位「${unit}」不在 units.yaml 中，导入后 jianbao check 会报错\n\n`);
    let failed = 0;
    let written = 0;
    let duplicates = 0;
    for (const report of reports) {
      if (report.error) {
        failed++;
        io.stdout(`${colors.red('未导入')} ${report.file}：${report.error}\n\n`);
        continue;
      }
      io.stdout(`${colors.bold('导入')} ${report.file}（${report.kind}${report.encoding ? `，编码 ${ENCODING_NAMES[report.encoding]}${report.encoding === 'utf-8' ? '' : '，已转为 UTF-8'}` : ''}）\n`);
      const removedKinds = new Map<string, string[]>();
      for (const item of report.removed) removedKinds.set(item.kind, [...(removedKinds.get(item.kind) ?? []), item.text]);
      for (const [kind, texts] of removedKinds) {
        const shown = texts.filter(Boolean).slice(0, 3).map((text) => `“${text}”`).join('、');
        io.stdout(`  删除 ${kind} ${texts.length} 处${shown ? `：${shown}${texts.length > 3 ? ' 等' : ''}` : ''}\n`);
      }
      for (const note of report.notes) io.stdout(`  说明 ${note}\n`);
      for (const entry of report.entries) {
        if (entry.duplicateOf) {
          duplicates++;
          io.stdout(
            `  ${colors.yellow('未写入')} ${entry.title ? `“${entry.title}”` : '这篇稿件'}：与已有稿件 ${displayPath(io, contentDir, entry.duplicateOf.file)} 的${entry.duplicateOf.same}相同（重复导入？确实是另一篇，加 --force 再导入）\n`,
          );
          continue;
        }
        written++;
        io.stdout(`  ${dryRun ? '将写入' : colors.green('已写入')} ${displayPath(io, contentDir, entry.path)}（草稿${entry.title ? `，标题“${entry.title}”` : ''}）\n`);
        if (entry.fixes.length) io.stdout(`    修正 ${entry.fixes.map((fix) => `${fix.title} ${fix.count} 处`).join('；')}\n`);
        for (const image of entry.images) io.stdout(`    图片 ${displayPath(io, contentDir, image)}\n`);
        for (const note of entry.notes) io.stdout(`    说明 ${note}\n`);
        for (const finding of entry.remaining) io.stdout(`    ${colors.yellow('待核对')} ${finding.message} [${finding.rule}]\n`);
        for (const d of entry.diagnostics) io.stdout(`    ${colors.yellow('待补正')} 第 ${d.line} 行：${d.message} [${d.rule}]\n`);
      }
      io.stdout('\n');
    }
    const summary = `${dryRun ? '试运行：将写入' : '共写入'} ${written} 篇草稿${duplicates ? `，${duplicates} 篇与已有稿件重复未写入` : ''}${failed ? `，${failed} 个文件未导入` : ''}${dryRun ? '（未写任何文件）' : '；核对后把 状态 改为 待编，再运行 jianbao check'}`;
    io.stdout(`${failed || duplicates ? colors.yellow(summary) : summary}\n`);
    return failed > 0 || duplicates > 0 ? 1 : 0;
  },
});
