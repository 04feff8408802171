/**
 * `jianbao new entry [--section 栏目 --unit 单位 --date 日期 --title 标题 --people 姓名,…]`
 * `jianbao new issue [--series ID] [--date 日期] [--empty] [--supplement]`
 */
import { terminalSafe } from '../terminal.ts';
import {
  chineseDate,
  controlCharProblem,
  entriesBySection,
  isMonthDay,
  issueNumbering,
  loadForWorkflow,
  missingFields,
  openProject,
  type EntryRequest,
} from '../../core/index.ts';
import { defineCommand, UsageError, type CliIO, type CommandContext } from '../command.ts';
import { displayPath, formatDiagnostic, paint } from '../report.ts';
import { localToday, requireContentDir } from './_workflow.ts';

const KINDS: Record<string, 'entry' | 'issue'> = { entry: 'entry', 稿件: 'entry', issue: 'issue', 期刊: 'issue' };
const ENTRY_ONLY = ['section', 'unit', 'title', 'people', 'force'] as const;
const ISSUE_ONLY = ['empty', 'total', 'supplement'] as const;
const FLAG_OF = {
  series: '--series',
  section: '--section',
  unit: '--unit',
  title: '--title',
  people: '--people',
} as const;

function text(values: CommandContext['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** `--people 周正宇,黄志远` or `--people 周正宇 --people 黄志远` (、，, and spaces all separate). */
function peopleList(values: CommandContext['values']): string[] | undefined {
  const raw = values.people;
  if (raw === undefined) return undefined;
  return (Array.isArray(raw) ? raw : [String(raw)]).flatMap((item) => item.split(/[,，、\s]+/)).filter(Boolean);
}

function interactiveInput(io: CliIO): NodeJS.ReadableStream | undefined {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- adds `isTTY`, which tsc needs
  const stdin = io.stdin as (NodeJS.ReadableStream & { isTTY?: boolean }) | undefined;
  return stdin?.isTTY ? stdin : undefined;
}

async function newEntry({ values, io, contentDir }: CommandContext): Promise<number> {
  const today = localToday();
  let request: EntryRequest = {
    series: text(values, 'series'),
    section: text(values, 'section'),
    unit: text(values, 'unit'),
    date: text(values, 'date'),
    title: text(values, 'title'),
    people: peopleList(values),
    force: values.force === true,
  };
  // A control character typed or pasted into an option is the option's fault, not the template's.
  for (const [name, flag] of Object.entries(FLAG_OF)) {
    const given = name === 'people' ? (request.people ?? []) : [text(values, name) ?? ''];
    for (const value of given) {
      const problem = controlCharProblem(value);
      if (problem) throw new UsageError(`${flag} ${problem}`);
    }
  }
  const { registry } = await loadForWorkflow(contentDir);
  const missing = missingFields(registry, request);
  if (missing.length) {
    const stdin = interactiveInput(io);
    if (!stdin)
      throw new UsageError(`缺少 ${missing.map((name) => FLAG_OF[name]).join('、')}（不在终端中运行时，要用选项给出）`);
    const { promptEntry } = await import('./_entry-prompts.ts');
    try {
      request = await promptEntry(registry, request, today, {
        input: stdin,
        output: io.stdoutStream ?? process.stdout,
      });
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') {
        io.stderr('已取消，什么也没有写入。\n');
        return 130;
      }
      throw error;
    }
  }
  const result = await openProject(contentDir).newEntry(request, { today });
  io.stdout(`${displayPath(io, contentDir, result.file)}\n`);
  if (request.date && isMonthDay(request.date))
    io.stderr(`日期「${request.date.trim()}」没有写年份，按今年记为 ${chineseDate(result.entry.date)}。\n`);
  io.stderr(
    `已按模板 ${displayPath(io, contentDir, result.template)} 新建稿件，请编辑正文；写好后运行 jianbao check。\n`,
  );
  return 0;
}

async function newIssue({ values, io, contentDir }: CommandContext): Promise<number> {
  const totalText = text(values, 'total');
  const total = totalText === undefined ? undefined : Number(totalText);
  if (total !== undefined && (!Number.isInteger(total) || total < 1)) throw new UsageError('--total 应为正整数');
  const result = await openProject(contentDir).newIssue(
    {
      series: text(values, 'series'),
      date: text(values, 'date'),
      empty: values.empty === true,
      total,
      supplement: values.supplement === true,
    },
    { today: localToday() },
  );
  const colors = paint(io);
  const path = displayPath(io, contentDir, result.file);
  io.stdout(`${path}\n`);
  const dateText = text(values, 'date');
  if (dateText && isMonthDay(dateText))
    io.stderr(`印发日期「${dateText.trim()}」没有写年份，按今年记为 ${chineseDate(result.date)}。\n`);
  const lines = [
    `已新建《${result.series.name}》${issueNumbering(result.year, result.number, result.total, result.supplement)}，印发日期 ${chineseDate(result.date)}，共 ${result.entries.length} 篇稿件${result.supplement ? '' : '：'}`,
  ];
  if (result.supplement) lines.push('增刊不自动编入待编稿件：在期刊文件的 稿件 中列出本期增刊的稿件编号。');
  for (const group of entriesBySection(result)) {
    lines.push(`  【${group.section}】`);
    for (const entry of group.entries) lines.push(`    ${terminalSafe(entry.id)}`);
  }
  if (result.later.length)
    lines.push(
      `另有 ${result.later.length} 篇待编稿件日期晚于印发日期，留待下一期：${terminalSafe(result.later.map((entry) => entry.id).join('、'))}`,
    );
  if (result.skipped.length)
    lines.push(
      colors.yellow(
        `有 ${result.skipped.length} 篇待编稿件有错误，没有编入：${terminalSafe(result.skipped.map((entry) => entry.id).join('、'))}（运行 jianbao check 查看）`,
      ),
    );
  for (const warning of result.warnings) lines.push(formatDiagnostic(warning, io, contentDir, colors));
  lines.push(`编好按语、核对无误后，运行 jianbao publish ${result.ref} 发布。`);
  io.stderr(`${lines.join('\n')}\n`);
  return 0;
}

export default defineCommand({
  meta: { name: 'new', description: '按模板新建稿件（entry）或下一期期刊（issue）', usage: 'new entry|issue' },
  args: {
    series: { type: 'string', description: '刊物 id（有多个刊物时需要）', valueHint: 'ID' },
    date: { type: 'string', description: '日期，如 2023-08-22（默认今天）', valueHint: '日期' },
    section: { type: 'string', description: '稿件：栏目，如 工作动态', valueHint: '栏目' },
    unit: { type: 'string', description: '稿件：报送单位（名称、简称或 id），如 应急局', valueHint: '单位' },
    title: { type: 'string', description: '稿件：标题', valueHint: '标题' },
    people: { type: 'string', multiple: true, description: '稿件：领导姓名，多人用逗号分隔', valueHint: '姓名' },
    force: { type: 'boolean', description: '稿件：已有标题、日期、单位都相同的稿件时也新建' },
    empty: { type: 'boolean', description: '期刊：没有待编稿件时也生成' },
    total: { type: 'string', description: '期刊：指定总期号（续接旧编号的第一期）', valueHint: '数字' },
    supplement: { type: 'boolean', description: '期刊：编增刊（增刊第N期，接着上一期增刊编号，不计总期号）' },
  },
  async run(context) {
    const [kindText, ...extra] = context.positionals;
    const kind = kindText ? KINDS[kindText] : undefined;
    if (!kind)
      throw new UsageError(
        kindText
          ? `不认识「${kindText}」：要新建的是 entry（稿件）还是 issue（期刊）？`
          : '请指明要新建 entry（稿件）还是 issue（期刊）',
      );
    if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}`);
    const wrong = (kind === 'entry' ? ISSUE_ONLY : ENTRY_ONLY).filter((name) => context.values[name] !== undefined);
    if (wrong.length) throw new UsageError(`${wrong.map((name) => `--${name}`).join('、')} 不能用于 new ${kind}`);
    await requireContentDir(context.contentDir);
    return kind === 'entry' ? newEntry(context) : newIssue(context);
  },
});
