/**
 * `new issue`: the next number and total of a series, all its pending ready
 * entries dated on or before the issue date in print order, the series'
 * default distribution, contact and copies, filled into the issue template,
 * checked together with the rest of the content, and written.
 */
import { archiveFacts } from '../archive/compare.ts';
import { dirname, join, relative } from 'node:path';
import { diagnostic, didYouMean, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { chineseDate, issueName } from '../format.ts';
import { parseMarkdownFile, type EntryRecord, type IssueRecord, type LoadedContent } from '../load/content.ts';
import { editFrontMatter } from './front-matter-edit.ts';
import { ENTRIES_DIR, ISSUES_DIR } from '../paths.ts';
import { issueKey, type Registry } from '../registry.ts';
import { issueSchema } from '../schema/issue.ts';
import { dateProblem, parseDateText } from '../schema/fields.ts';
import { contactSchema, distributionSchema, type Series } from '../schema/site.ts';
import { sectionName } from '../schema/sections.ts';
import { validate } from '../validate/index.ts';
import { WorkflowError } from './errors.ts';
import { loadForWorkflow, requireSettings, type WorkflowOptions } from './new-entry.ts';
import { nextNumber } from './numbering.ts';
import { pendingEntries } from './pending.ts';
import { brokenTemplate, fillTemplate, loadTemplate, onTemplate, type Placeholder } from './templates.ts';
import { writeNewFile } from './write.ts';

/** The placeholders of the issue template. */
const ISSUE_PLACEHOLDERS: readonly Placeholder[] = [
  { id: 'series', name: '刊物', description: '刊物 id' },
  { id: 'year', name: '年度', description: '年度，如 2023' },
  { id: 'number', name: '期号', description: '年内期号' },
  { id: 'total', name: '总期号', description: '总期号；刊物不计总期号时整行省略' },
  { id: 'date', name: '印发日期', description: '印发日期，如 2023-08-30' },
  { id: 'entries', name: '稿件', description: '待编稿件的编号（列表），按栏目、单位、日期排好' },
  { id: 'distribution', name: '发送', description: '刊物默认的 报/送/发' },
  { id: 'contact', name: '联系人', description: '刊物默认的联系人' },
  { id: 'copies', name: '印数', description: '刊物默认的印数' },
  { id: 'editor', name: '编辑', description: '上一期的编辑' },
  { id: 'reviewer', name: '审核', description: '上一期的审核' },
  { id: 'signer', name: '签发', description: '上一期的签发' },
].map((placeholder) =>
  placeholder.id === 'distribution'
    ? { ...placeholder, schema: distributionSchema }
    : placeholder.id === 'contact'
      ? { ...placeholder, schema: contactSchema }
      : placeholder,
);

export interface IssueRequest {
  series?: string | undefined;
  /** `2023-08-30` or `2023年8月30日`; default: `today`. */
  date?: string | undefined;
  /** Write the issue even when no entry is pending. */
  empty?: boolean | undefined;
  /** Override the cumulative number (first issue of a series that continues a paper one). */
  total?: number | undefined;
  /** A supplement (增刊): numbered after the last supplement, no total, no entries listed (the clerk lists them). */
  supplement?: boolean | undefined;
  /**
   * The entries to list, in this order, instead of every pending one (the
   * studio's 编一期: reordered, some removed). Each must be a pending entry
   * of the series dated on or before the issue date. The CLI never sets it.
   */
  entries?: readonly string[] | undefined;
  /** The 按语, written as the issue's body (the CLI never sets it: the clerk writes it in the file). */
  note?: string | undefined;
}

/** What `new issue` would make of a request now, before anything is written. */
export interface IssuePlan {
  series: Series;
  year: number;
  number: number;
  supplement: boolean;
  total: number | undefined;
  date: string;
  /** `2023-6` or `zhuanbao/2023-6`. */
  ref: string;
  /** The entries it would list, in order. */
  entries: EntryRecord[];
  /** Pending entries dated after the issue date. */
  later: EntryRecord[];
  /** Pending entries left out because their files have errors. */
  skipped: EntryRecord[];
}

export interface NewIssueResult extends IssuePlan {
  path: string;
  /** Relative to the content directory. */
  file: string;
  /** Warnings `check` gives for the new issue (e.g. an unknown recipient). */
  warnings: Diagnostic[];
  template: string;
}

function chooseSeries(registry: Registry, id: string | undefined): Series {
  if (id) {
    const series = registry.seriesById.get(id);
    if (series) return series;
    const suggestion = didYouMean(id, registry.seriesById.keys());
    throw new WorkflowError(`刊物「${id}」未在 jianbao.yaml 中定义`, {
      usage: true,
      hint: suggestion ? `是不是「${suggestion}」？` : `可用的刊物：${[...registry.seriesById.keys()].join('、')}`,
    });
  }
  if (registry.series.length === 1) return registry.series[0]!;
  throw new WorkflowError('有多个刊物，需要指定编哪一个', {
    usage: true,
    hint: `用 --series 指定：${registry.series.map((series) => `${series.id}（${series.name}）`).join('、')}`,
  });
}

/**
 * `issues/zhuanbao/2023-06.md` (a supplement: `2023-zk01.md`): next to the
 * series' last issue, else issues/<series>/ (several series) or issues/.
 */
function issuePath(
  registry: Registry,
  series: Series,
  previous: IssueRecord | undefined,
  year: number,
  number: number,
  supplement: boolean,
): string {
  const folder = previous
    ? dirname(previous.file)
    : registry.series.length > 1
      ? `${ISSUES_DIR}/${series.id}`
      : ISSUES_DIR;
  return `${folder}/${year}-${supplement ? 'zk' : ''}${String(number).padStart(2, '0')}.md`;
}

interface PlanContext {
  content: LoadedContent;
  registry: Registry;
  /** What the archive check found (only when the files were loaded afresh). */
  archive: Awaited<ReturnType<typeof archiveFacts>> | undefined;
  previous: IssueRecord | undefined;
}

/** A project's checked content (its `check()`): planned from without loading the files again. */
export interface CheckedContent {
  content: LoadedContent;
  registry: Registry;
  diagnostics: Diagnostic[];
}

/**
 * Plan the next issue of a series: numbers, date and entries; throws as `new issue` does when it cannot be made.
 * `checked`: the project's check of the content now (the print preview); by default the files are loaded and checked afresh.
 */
async function plan(
  contentDir: string,
  request: IssueRequest,
  options: WorkflowOptions,
  checked?: CheckedContent,
): Promise<IssuePlan & PlanContext> {
  if (checked) requireSettings(checked.content);
  const { content, registry } = checked ?? (await loadForWorkflow(contentDir));
  const archive = checked ? undefined : await archiveFacts(content, registry);
  const diagnostics = checked
    ? checked.diagnostics
    : sortDiagnostics([...content.diagnostics, ...validate(content, registry, archive), ...archive!.diagnostics]);
  const entryFiles = new Set(content.entries.map((entry) => entry.file));
  // Numbering and membership depend on every issue and setting being sound; an entry with a
  // problem is only left out (check keeps reporting it).
  const blocking = diagnostics.filter(
    (d) => d.severity === 'error' && !entryFiles.has(d.file) && !d.file.startsWith(`${ENTRIES_DIR}/`),
  );
  if (blocking.length) {
    throw new WorkflowError('内容有错误，不能编新一期', {
      diagnostics: blocking,
      hint: '先改正上面的错误（jianbao check 可查看全部问题）',
    });
  }
  const brokenEntries = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const series = chooseSeries(registry, request.series);
  // 12月5日 without a year is this year's (the command says so).
  const date = request.date?.trim() ? parseDateText(request.date, { year: options.today.slice(0, 4) }) : options.today;
  if (!date)
    throw new WorkflowError(dateProblem(request.date!), {
      usage: true,
      hint: '写作 2023-08-30、2023/8/30 或 2023年8月30日；今年的日期也可以只写 8月30日',
    });
  const supplement = request.supplement === true;
  if (supplement && request.total !== undefined)
    throw new WorkflowError('增刊不计总期号，不能与 --total 同用', { usage: true, hint: '去掉 --total' });
  const next = nextNumber(content, registry, series, date, supplement ? 'supplement' : 'regular');
  // A first supplement takes its folder and editors from the last regular issue.
  const lastRegular = supplement ? nextNumber(content, registry, series, date).previous : next.previous;
  const pending = pendingEntries(content, registry, series, date);
  // A supplement is on one subject: the clerk lists its entries, the pending ones stay for the next issue.
  const due = supplement ? [] : pending.due;
  const skipped = due.filter((entry) => brokenEntries.has(entry.file));
  const entries = due.filter((entry) => !brokenEntries.has(entry.file));
  const name = issueName(next.year, next.number, supplement);
  if (entries.length === 0 && !request.empty && !supplement) {
    const reasons = [
      pending.later.length ? `另有 ${pending.later.length} 篇待编稿件的日期晚于 ${chineseDate(date)}` : '',
      skipped.length ? `${skipped.length} 篇待编稿件有错误` : '',
    ].filter(Boolean);
    throw new WorkflowError(
      `刊物「${series.name}」没有可编入${name}的待编稿件${reasons.length ? `（${reasons.join('；')}）` : ''}`,
      {
        hint: '先用 jianbao new entry 写稿件；确需编一期空白期刊时加 --empty',
      },
    );
  }
  const total = supplement ? undefined : (request.total ?? next.total);
  const ref = issueKey(series, next.year, next.number, registry.series.length > 1, supplement);
  return {
    series,
    year: next.year,
    number: next.number,
    supplement,
    total,
    date,
    ref,
    entries,
    later: pending.later,
    skipped,
    content,
    registry,
    archive,
    previous: next.previous ?? lastRegular,
  };
}

/** The entries a request lists (`request.entries`), checked against the pending ones; all of `due` when it names none. */
function chosenEntries(due: EntryRecord[], later: EntryRecord[], wanted: readonly string[] | undefined): EntryRecord[] {
  if (wanted === undefined) return due;
  const byId = new Map(due.map((entry) => [entry.id, entry]));
  const laterIds = new Set(later.map((entry) => entry.id));
  const seen = new Set<string>();
  return wanted.map((id) => {
    const key = id.normalize('NFC');
    const entry = byId.get(key);
    if (!entry) {
      throw new WorkflowError(`稿件「${id}」不是本期可以编入的待编稿件`, {
        usage: true,
        hint: laterIds.has(key)
          ? '它的日期晚于印发日期，留待下一期'
          : '只能编入本刊物中已写好（状态 待编）、尚未编入任何一期、没有错误的稿件',
      });
    }
    if (seen.has(key)) throw new WorkflowError(`稿件「${id}」列出了两次`, { usage: true });
    seen.add(key);
    return entry;
  });
}

/** What `new issue` would write for this request now: numbers, date and the entries in order (nothing is written). */
export async function planIssue(
  contentDir: string,
  request: IssueRequest,
  options: WorkflowOptions,
): Promise<IssuePlan> {
  const {
    content: _content,
    registry: _registry,
    archive: _archive,
    previous: _previous,
    ...planned
  } = await plan(contentDir, { ...request, empty: true }, options);
  return planned;
}

/** The issue file a plan gives: the chosen entries filled into the template, where `new issue` writes it, with the 按语. */
interface ComposedIssue {
  entries: EntryRecord[];
  template: Awaited<ReturnType<typeof loadTemplate>>;
  rendered: ReturnType<typeof fillTemplate>;
  /** Relative to the content directory. */
  file: string;
  /** The file's text, as it would be written. */
  text: string;
}

async function composeIssue(
  contentDir: string,
  planned: IssuePlan & PlanContext,
  request: IssueRequest,
  options: WorkflowOptions,
): Promise<ComposedIssue> {
  const { registry, series, supplement, total, date } = planned;
  const entries = chosenEntries(planned.entries, planned.later, request.entries);
  if (entries.length === 0 && !request.empty && !supplement) {
    throw new WorkflowError(`刊物「${series.name}」的${issueName(planned.year, planned.number)}没有稿件`, {
      usage: true,
      hint: '至少编入一篇稿件；确需编一期空白期刊时选“空白一期”',
    });
  }
  const previous = planned.previous?.data;
  const template = await loadTemplate(contentDir, ['issue.md'], ISSUE_PLACEHOLDERS, options.builtinTemplates);
  const rendered = fillTemplate(template, {
    series: series.id,
    year: planned.year,
    number: supplement ? `增刊${planned.number}` : planned.number,
    total,
    date,
    entries: entries.map((entry) => entry.id),
    distribution: series.distribution,
    contact: series.contact,
    copies: series.copies,
    editor: previous?.editor,
    reviewer: previous?.reviewer,
    signer: previous?.signer,
  });
  const file = issuePath(registry, series, planned.previous, planned.year, planned.number, supplement);
  const filled = rendered.text.endsWith('\n') ? rendered.text : `${rendered.text}\n`;
  const text = request.note?.trim()
    ? editFrontMatter(filled, issueSchema, {}, `\n${request.note.replace(/\r\n?/g, '\n').trim()}\n`)
    : filled;
  return { entries, template, rendered, file, text };
}

/** A file's text parsed as the loader parses an issue file. */
function parseIssueText(file: string, text: string) {
  return parseMarkdownFile(
    { path: file, encoding: 'utf-8' as const, bom: false, crlf: false, text, fullWidthColons: [] },
    issueSchema,
    '期刊',
  );
}

/** What `new issue` would write for this request now, parsed as `check` would read it (the print preview; nothing is written). */
export interface IssueDraft extends IssuePlan {
  file: string;
  text: string;
  /** The file as loaded; undefined when the template does not give a valid issue (`problems` says why). */
  record: IssueRecord | undefined;
  problems: Diagnostic[];
}

export async function draftIssue(
  contentDir: string,
  request: IssueRequest,
  options: WorkflowOptions,
  checked: CheckedContent,
): Promise<IssueDraft> {
  const drafting = { ...request, empty: true };
  const planned = await plan(contentDir, drafting, options, checked);
  const composed = await composeIssue(contentDir, planned, drafting, options);
  const parsed = parseIssueText(composed.file, composed.text);
  const problems = parsed.diagnostics.filter((d) => d.severity === 'error');
  const record =
    parsed.data && !problems.length
      ? {
          file: composed.file,
          data: parsed.data,
          note: parsed.body.trim(),
          noteLine: parsed.bodyLine,
          positions: parsed.positions,
        }
      : undefined;
  const { content: _content, registry: _registry, archive: _archive, previous: _previous, ...plan_ } = planned;
  return { ...plan_, entries: composed.entries, file: composed.file, text: composed.text, record, problems };
}

/** Create the next issue of a series; returns what was written. */
export async function createIssue(
  contentDir: string,
  request: IssueRequest,
  options: WorkflowOptions,
): Promise<NewIssueResult> {
  const planned = await plan(contentDir, request.entries ? { ...request, empty: true } : request, options);
  const { content, registry, series, supplement, total, date } = planned;
  const archive = planned.archive!;
  const next = { year: planned.year, number: planned.number };
  const { entries, template, rendered, file, text } = await composeIssue(contentDir, planned, request, options);

  // Check the new issue together with everything else, exactly as `check` will.
  const parsed = parseIssueText(file, rendered.text);
  const parseErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.data || parseErrors.length) throw brokenTemplate(template, onTemplate(rendered, parseErrors));
  const record: IssueRecord = {
    file,
    data: parsed.data,
    note: parsed.body.trim(),
    noteLine: parsed.bodyLine,
    positions: parsed.positions,
  };
  const mismatches: string[] = [];
  const expectedIds = entries.map((entry) => entry.id);
  if (record.data.year !== next.year) mismatches.push(`年度（应为 ${next.year}，模板里要有 年度: {{年度}}）`);
  if (record.data.number !== next.number || (record.data.kind === 'supplement') !== supplement) {
    mismatches.push(`期号（应为 ${supplement ? `增刊${next.number}` : next.number}，模板里要有 期号: {{期号}}）`);
  }
  if (record.data.date !== date) mismatches.push(`印发日期（应为 ${date}，模板里要有 印发日期: {{印发日期}}）`);
  if (record.data.entries.join('\n') !== expectedIds.join('\n')) mismatches.push('稿件（模板里要有 稿件: {{稿件}}）');
  if (record.data.series !== undefined && record.data.series !== series.id)
    mismatches.push(`刊物（应为 ${series.id}）`);
  if (record.data.status === 'published') mismatches.push('状态（新一期应为草稿，由 jianbao publish 发布）');
  const after = { ...content, issues: [...content.issues, record] };
  const found = validate(after, registry, archive).filter((d) => d.file === file);
  const errors = found.filter((d) => d.severity === 'error');
  const problems: Diagnostic[] = [
    ...onTemplate(rendered, errors),
    ...mismatches.map((what) =>
      diagnostic('template/invalid', template.file, { line: 2, column: 1 }, `按模板生成的期刊缺少或写错了${what}`, {
        hint: '模板的前置信息要用占位符填写年度、期号、印发日期和稿件，不要写死',
      }),
    ),
  ];
  if (problems.length) throw brokenTemplate(template, problems);

  const path = await writeNewFile(join(contentDir, file), text);
  const written = relative(contentDir, path).replace(/\\/g, '/');
  return {
    path,
    file: written,
    ref: planned.ref,
    series,
    year: next.year,
    number: next.number,
    supplement,
    total,
    date,
    entries,
    later: planned.later,
    skipped: planned.skipped,
    warnings: found.filter((d) => d.severity === 'warning').map((d) => ({ ...d, file: written })),
    template: template.file,
  };
}

/** The entries of a new issue grouped by section, for the summary the CLI prints. */
export function entriesBySection(
  result: Pick<NewIssueResult, 'entries' | 'series'>,
): { section: string; entries: EntryRecord[] }[] {
  return result.series.sections
    .map((id) => ({ section: sectionName(id), entries: result.entries.filter((entry) => entry.data.section === id) }))
    .filter((group) => group.entries.length > 0);
}
