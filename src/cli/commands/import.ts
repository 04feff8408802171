/** `jianbao import FILE… [--section … --unit … --date … --series …] [--split] [--dry-run]` */
import { resolve } from 'node:path';
import { buildRegistry } from '../../core/index.ts';
import { loadContent } from '../../core/index.ts';
import { ENCODING_NAMES } from '../../core/index.ts';
import { parseDateText } from '../../core/index.ts';
import { SECTIONS, sectionSchema, type SectionId } from '../../core/index.ts';
import { importFiles } from '../../core/index.ts';
import { type CliIO, defineCommand, requireContentDir, UsageError } from '../command.ts';
import { displayPath, paint } from '../report.ts';

/** Everything on standard input (a paste; Ctrl+D ends it in a terminal). */
async function readInput(io: CliIO): Promise<Buffer> {
  const stdin = io.stdin;
  if (!stdin) return Buffer.alloc(0);
  if ((stdin as { isTTY?: boolean }).isTTY)
    io.stderr('请粘贴要导入的文字，粘贴完按 Ctrl+D（Windows 上按 Ctrl+Z 再回车）结束：\n');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export default defineCommand({
  meta: {
    name: 'import',
    description:
      '把 Word（.docx、.doc、.wps）、网页（.html）、文本（.txt）、Markdown 文件导入为稿件草稿：识别编码、去掉网页栏目和发布信息、规范标点；文件写作 - 时读取粘贴的文字（标准输入）',
    usage: 'import 文件…|- [--section 栏目] [--unit 单位] [--date 日期]',
  },
  args: {
    section: {
      type: 'string',
      description: `栏目（默认 工作动态）：${SECTIONS.map((section) => section.name).join('、')}`,
      valueHint: '栏目',
    },
    unit: {
      type: 'string',
      description: '报送单位（units.yaml 中的编号、名称或别名；默认从正文推断）',
      valueHint: '单位',
    },
    date: {
      type: 'string',
      description:
        '日期，如 2024-08-22：正文和原文发布时间都没有日期时用它；正文只写“8月22日”、原文又没有发布时间时取它的年份',
      valueHint: '日期',
    },
    series: { type: 'string', description: '刊物编号（有多个刊物时）', valueHint: '刊物' },
    split: { type: 'boolean', description: '一个文件含多篇稿件（标题行 + 正文，重复）时拆成多篇' },
    'dry-run': { type: 'boolean', description: '只显示将会做什么，不写文件' },
    force: { type: 'boolean', description: '已有标题、日期、单位都相同（或正文相同）的稿件时也导入' },
  },
  async run({ values, positionals, io, contentDir }) {
    if (positionals.length === 0)
      throw new UsageError('请给出要导入的文件，如 jianbao import 通知.docx；要导入粘贴的文字，写 jianbao import -');
    if (positionals.filter((file) => file === '-').length > 1) throw new UsageError('标准输入（-）只能读一次');
    await requireContentDir(contentDir);
    let section: SectionId = 'work-updates';
    if (values.section !== undefined) {
      const parsed = sectionSchema.safeParse(values.section);
      if (!parsed.success)
        throw new UsageError(
          `未知的栏目「${values.section as string}」，应为：${SECTIONS.map((item) => `${item.name}（${item.id}）`).join('、')}`,
        );
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
    if (series !== undefined && !registry.seriesById.has(series))
      throw new UsageError(
        `未知的刊物「${series}」，jianbao.yaml 中有：${[...registry.seriesById.keys()].join('、') || '（无）'}`,
      );
    const colors = paint(io);
    const dryRun = Boolean(values['dry-run']);
    const reports = await importFiles({
      contentDir,
      files: await Promise.all(
        positionals.map(async (file) =>
          file === '-'
            ? { label: '标准输入', bytes: await readInput(io), kind: 'text' as const }
            : resolve(io.cwd, file),
        ),
      ),
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
    if (unit && !registry.unitBySpelling.has(unit))
      io.stdout(`${colors.yellow('注意')} 单位「${unit}」不在 units.yaml 中，导入后 jianbao check 会报错\n\n`);
    let failed = 0;
    let written = 0;
    let duplicates = 0;
    for (const report of reports) {
      if (report.error) {
        failed++;
        io.stdout(`${colors.red('未导入')} ${report.file}：${report.error}\n\n`);
        continue;
      }
      io.stdout(
        `${colors.bold('导入')} ${report.file}（${report.kind}${report.encoding ? `，编码 ${ENCODING_NAMES[report.encoding]}${report.encoding === 'utf-8' ? '' : '，已转为 UTF-8'}` : ''}）\n`,
      );
      const removedKinds = new Map<string, string[]>();
      for (const item of report.removed)
        removedKinds.set(item.kind, [...(removedKinds.get(item.kind) ?? []), item.text]);
      for (const [kind, texts] of removedKinds) {
        const shown = texts
          .filter(Boolean)
          .slice(0, 3)
          .map((text) => `“${text}”`)
          .join('、');
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
        io.stdout(
          `  ${dryRun ? '将写入' : colors.green('已写入')} ${displayPath(io, contentDir, entry.path)}（草稿${entry.title ? `，标题“${entry.title}”` : ''}）\n`,
        );
        if (entry.fixes.length)
          io.stdout(`    修正 ${entry.fixes.map((fix) => `${fix.title} ${fix.count} 处`).join('；')}\n`);
        for (const image of entry.images) io.stdout(`    图片 ${displayPath(io, contentDir, image)}\n`);
        for (const note of entry.notes) io.stdout(`    说明 ${note}\n`);
        for (const finding of entry.remaining)
          io.stdout(`    ${colors.yellow('待核对')} ${finding.message} [${finding.rule}]\n`);
        for (const d of entry.diagnostics)
          io.stdout(`    ${colors.yellow('待补正')} 第 ${d.line} 行：${d.message} [${d.rule}]\n`);
      }
      io.stdout('\n');
    }
    const next = written > 0 ? '；核对后把 状态 改为 待编，再运行 jianbao check' : '';
    const summary = `${dryRun ? '试运行：将写入' : '共写入'} ${written} 篇草稿${duplicates ? `，${duplicates} 篇与已有稿件重复未写入` : ''}${failed ? `，${failed} 个文件未导入` : ''}${dryRun ? '（未写任何文件）' : next}`;
    io.stdout(`${failed || duplicates ? colors.yellow(summary) : summary}\n`);
    return failed > 0 || duplicates > 0 ? 1 : 0;
  },
});
