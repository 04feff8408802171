/**
 * `new entry`: resolve what the clerk gave (flags or prompts) against the
 * settings, fill the entry template, check the result as `check` would, and
 * write it under a name that is not taken yet.
 */
import { join, relative } from 'node:path';
import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.ts';
import { chineseMonthDay } from '../format.ts';
import { loadContent, parseMarkdownFile, type EntryRecord, type LoadedContent } from '../load/content.ts';
import { entryIdFromPath, ENTRIES_DIR } from '../paths.ts';
import {
  buildRegistry,
  findPerson,
  resolveUnit,
  titleOn,
  unitExistsOn,
  unitNameOn,
  unitOrder,
  type Registry,
} from '../registry.ts';
import { ENTRY_STATUSES, entrySchema, type EntryStatus } from '../schema/entry.ts';
import { editFrontMatter, type EditContext } from './front-matter-edit.ts';
import { dateProblem, enumLookup, parseDateText } from '../schema/fields.ts';
import { LEADER_SECTIONS, SECTIONS, sectionName, TITLED_SECTIONS, type SectionId } from '../schema/sections.ts';
import type { Series } from '../schema/site.ts';
import type { Unit } from '../schema/units.ts';
import { unitProblem, validateEntry } from '../validate/entries.ts';
import { WorkflowError } from './errors.ts';
import { entryPath } from './slug.ts';
import {
  brokenTemplate,
  fillTemplate,
  loadTemplate,
  onTemplate,
  type Placeholder,
  type Rendered,
} from './templates.ts';
import { EntryIndex } from './duplicates.ts';
import { writeNewFile } from './write.ts';

/** The placeholders of entry templates. */
const ENTRY_PLACEHOLDERS: readonly Placeholder[] = [
  { id: 'section', name: '栏目', description: '栏目名称，如 工作动态' },
  { id: 'title', name: '标题', description: '标题；没有标题时整行省略' },
  { id: 'date', name: '日期', description: '日期，如 2023-08-22' },
  { id: 'monthDay', name: '月日', description: '正文开头用的日期，如 8月22日' },
  { id: 'unit', name: '单位', description: '报送单位全称，如 区应急管理局' },
  { id: 'people', name: '领导', description: '领导姓名（列表）；没有时整行省略', flow: true },
  { id: 'series', name: '刊物', description: '刊物 id；只有一个刊物时整行省略' },
];

/** What the clerk asked for, as typed (flags or prompt answers). */
export interface EntryRequest {
  series?: string | undefined;
  section?: string | undefined;
  unit?: string | undefined;
  /** `2023-08-22` or `2023年8月22日`; default: `today`. */
  date?: string | undefined;
  title?: string | undefined;
  people?: readonly string[] | undefined;
  /** 待编 (default), 草稿 or 撤稿, any spelling; the studio's form sets it, the CLI never does. */
  status?: string | undefined;
  /** The body to write instead of the template's (the studio's editor); the CLI never sets it. */
  body?: string | undefined;
  /** Write it even when an entry with the same title, date and unit (or body) exists. */
  force?: boolean;
}

/** A request resolved against the settings. */
export interface ResolvedEntry {
  series: Series;
  section: SectionId;
  /** The reporting unit. */
  unit: Unit;
  /** A joint submission (单位 typed 应急局、消防大队): every unit, the reporting unit first; absent for one. */
  jointUnits?: Unit[];
  date: string;
  title: string | undefined;
  /** Names as written in people.yaml. */
  people: string[];
}

const SECTION_LOOKUP = enumLookup(SECTIONS);
const STATUS_LOOKUP = enumLookup(ENTRY_STATUSES);

/** Does an entry of this section need a title in this series? */
export function titleRequired(series: Series, section: SectionId): boolean {
  return TITLED_SECTIONS.includes(section) || series.layout === 'articles';
}

/** Does an entry of this section name leaders? */
export function peopleRequired(section: SectionId): boolean {
  return LEADER_SECTIONS.includes(section);
}

/** A section id from any of its spellings (id, 中文名, alias), or undefined. */
export function sectionFromText(text: string): SectionId | undefined {
  return SECTION_LOOKUP.get(text.trim()) as SectionId | undefined;
}

/** Units in units.yaml order (the order of the prompt and of the statistics). */
export function unitsInOrder(registry: Registry): Unit[] {
  return [...registry.units].sort((a, b) => unitOrder(registry, a) - unitOrder(registry, b));
}

/** Leaders in rank order who held a title on `date`, with that title. */
export function leadersOn(registry: Registry, date: string): { name: string; title: string }[] {
  return [...registry.people]
    .sort((a, b) => a.rank - b.rank)
    .flatMap((person) => {
      const title = titleOn(person, date);
      return title ? [{ name: person.name, title }] : [];
    });
}

/** The series a new entry goes to when none is named: the only one, or the only one printing the section. */
export function defaultSeries(registry: Registry, section?: SectionId): Series | undefined {
  if (registry.series.length === 1) return registry.series[0];
  if (!section) return undefined;
  const printing = registry.series.filter((series) => series.sections.includes(section));
  return printing.length === 1 ? printing[0] : undefined;
}

/** A field of the entry form (the CLI's flags) and what is wrong with it. */
export type EntryField = 'series' | 'section' | 'unit' | 'date' | 'title' | 'people' | 'status';

export interface FieldProblem {
  field: EntryField;
  message: string;
  /** How to fix it, wherever the request came from. */
  hint?: string;
  /** How to fix it on the command line (names the flag). */
  flagHint?: string;
}

/**
 * Units whose id, name or alias — or a name or alias it had before a rename —
 * contains `term` (any case), in units.yaml order: the matcher of the CLI
 * prompt and the studio, which offer the units' current names. With `today`,
 * only the units that exist that day (not abolished, already established).
 */
export function matchUnits(registry: Registry, term: string, today?: string): Unit[] {
  const needle = term.trim().toLowerCase();
  return unitsInOrder(registry).filter(
    (unit) =>
      (today === undefined || unitExistsOn(unit, today)) &&
      (!needle ||
        [
          unit.id,
          unit.name,
          ...unit.aliases,
          ...unit.formerNames.flatMap((former) => [former.name, ...former.aliases]),
        ].some((name) => name.toLowerCase().includes(needle))),
  );
}

/** Names of the required fields still missing from a request (for prompts or a usage message). */
export function missingFields(
  registry: Registry,
  request: EntryRequest,
): ('series' | 'section' | 'unit' | 'title' | 'people')[] {
  const missing: ('series' | 'section' | 'unit' | 'title' | 'people')[] = [];
  const section = request.section ? sectionFromText(request.section) : undefined;
  const series = request.series ? registry.seriesById.get(request.series) : defaultSeries(registry, section);
  if (!request.series && !series) missing.push('series');
  if (!request.section) missing.push('section');
  if (!request.unit) missing.push('unit');
  if (series && section && titleRequired(series, section) && !request.title?.trim()) missing.push('title');
  if (section && peopleRequired(section) && !(request.people ?? []).some((name) => name.trim())) missing.push('people');
  return missing;
}

/**
 * Resolve a request against the settings: the resolved entry, or every
 * problem found, field by field, in the order the CLI reports them.
 */
export function resolveEntryFields(
  registry: Registry,
  request: EntryRequest,
  today: string,
): { entry?: ResolvedEntry; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: EntryField, message: string, hint?: string, flagHint?: string) =>
    problems.push({ field, message, ...(hint ? { hint } : {}), ...(flagHint ? { flagHint } : {}) });
  const sectionText = request.section?.trim();
  let section: SectionId | undefined;
  if (!sectionText) problem('section', '缺少栏目', undefined, '用 --section 指定，如 --section 工作动态');
  else {
    section = sectionFromText(sectionText);
    if (!section) {
      const suggestion = didYouMean(sectionText, SECTION_LOOKUP.keys());
      problem(
        'section',
        `没有名为「${sectionText}」的栏目`,
        suggestion ? `是不是「${suggestion}」？` : `可用的栏目：${SECTIONS.map((item) => item.name).join('、')}`,
      );
    }
  }
  let series: Series | undefined;
  if (request.series) {
    series = registry.seriesById.get(request.series);
    if (!series) {
      const suggestion = didYouMean(request.series, registry.seriesById.keys());
      problem(
        'series',
        `刊物「${request.series}」未在 jianbao.yaml 中定义`,
        suggestion ? `是不是「${suggestion}」？` : `可用的刊物：${[...registry.seriesById.keys()].join('、')}`,
      );
    }
  } else if (section) {
    series = defaultSeries(registry, section);
    if (!series)
      problem(
        'series',
        '有多个刊物，需要指定稿件属于哪个刊物',
        `可选：${registry.series.map((item) => `${item.id}（${item.name}）`).join('、')}`,
        `用 --series 指定：${registry.series.map((item) => `${item.id}（${item.name}）`).join('、')}`,
      );
  }
  if (series && section && !series.sections.includes(section)) {
    problem(
      'section',
      `刊物「${series.name}」没有「${sectionName(section)}」栏目`,
      `该刊物的栏目：${series.sections.map(sectionName).join('、')}`,
    );
  }
  // 应急局、消防大队 (or 应急局,消防大队): a joint submission, the first the reporting unit.
  const unitTexts = (request.unit ?? '')
    .split(/[、，,；;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const units: Unit[] = [];
  if (unitTexts.length === 0)
    problem(
      'unit',
      '缺少报送单位',
      undefined,
      '用 --unit 指定，如 --unit 应急局；几个单位联合报送时用顿号或逗号隔开，如 --unit 应急局,消防大队',
    );
  for (const unitText of unitTexts) {
    const found = registry.unitBySpelling.get(unitText);
    if (found && !units.includes(found)) units.push(found);
    if (!found) {
      const suggestion = didYouMean(unitText, registry.unitBySpelling.keys());
      problem(
        'unit',
        `报送单位「${unitText}」不在 units.yaml 中`,
        suggestion ? `是不是「${suggestion}」？` : '先在 units.yaml 中添加此单位，或用已有单位的名称、简称',
      );
    }
  }
  const unit: Unit | undefined = units[0];
  // 12月3日 without a year is this year's (the command says so).
  const date = request.date?.trim() ? parseDateText(request.date, { year: today.slice(0, 4) }) : today;
  if (!date)
    problem(
      'date',
      dateProblem(request.date!),
      '写作 2023-08-22、2023/8/22 或 2023年8月22日；今年的日期也可以只写 8月22日',
    );
  // A unit renamed, abolished or not yet established on the entry's date: as check would say.
  for (const unitText of date ? unitTexts : []) {
    const resolved = resolveUnit(registry, unitText, date!);
    const onDate = resolved ? unitProblem(resolved, unitText, date!) : undefined;
    if (onDate) problem('unit', onDate.message, onDate.hint);
  }
  const title = request.title?.replace(/\s+/g, ' ').trim() || undefined;
  if (!title && series && section && titleRequired(series, section)) {
    problem(
      'title',
      `「${sectionName(section)}」稿件需要标题${series.layout === 'articles' ? `（刊物「${series.name}」是文章版式）` : ''}`,
      undefined,
      '用 --title 指定标题',
    );
  }
  const people: string[] = [];
  for (const written of request.people ?? []) {
    if (!written.trim()) continue;
    const person = findPerson(registry, written);
    if (!person) {
      const suggestion = didYouMean(written, registry.personByName.keys());
      problem(
        'people',
        `领导「${written}」不在 people.yaml 中`,
        suggestion ? `是不是「${suggestion}」？` : '先在 people.yaml 中添加此人及其职务',
      );
    } else if (!people.includes(person.name)) people.push(person.name);
  }
  if (people.length === 0 && section && peopleRequired(section) && !problems.some((item) => item.field === 'people')) {
    problem(
      'people',
      `「${sectionName(section)}」稿件至少要有一位领导`,
      undefined,
      '用 --people 指定，多人用逗号分隔，如 --people 周正宇,黄志远',
    );
  }
  if (request.status !== undefined && !STATUS_LOOKUP.has(request.status.trim())) {
    problem('status', `状态「${request.status}」无效`, `可选：${ENTRY_STATUSES.map((item) => item.name).join('、')}`);
  }
  if (problems.length || !section || !series || !unit || !date) return { problems };
  return {
    entry: { series, section, unit, ...(units.length > 1 ? { jointUnits: units } : {}), date, title, people },
    problems,
  };
}

/** Resolve a complete request; throws a usage WorkflowError naming the flag (and the field) at fault. */
function resolveEntry(registry: Registry, request: EntryRequest, today: string): ResolvedEntry {
  const { entry, problems } = resolveEntryFields(registry, request, today);
  const first = problems[0];
  if (first || !entry) {
    const hint = first?.flagHint ?? first?.hint;
    throw new WorkflowError(first?.message ?? '稿件信息不完整', {
      usage: true,
      ...(hint ? { hint } : {}),
      ...(first ? { field: first.field } : {}),
    });
  }
  return entry;
}

/** Where and what `new entry` wrote. */
export interface NewEntryResult {
  /** Absolute path of the new file. */
  path: string;
  /** Path relative to the content directory. */
  file: string;
  id: string;
  /** The template used, relative to the content directory. */
  template: string;
  entry: ResolvedEntry;
}

export interface WorkflowOptions {
  /** Today's date (ISO), in the clerk's local time. */
  today: string;
  /** jianbao's own templates folder (tests point elsewhere). */
  builtinTemplates?: string;
}

/** Load the content directory for an authoring command; refuse when jianbao.yaml itself is broken. */
export async function loadForWorkflow(contentDir: string): Promise<{ content: LoadedContent; registry: Registry }> {
  const content = await loadContent(contentDir);
  requireSettings(content);
  return { content, registry: buildRegistry(content) };
}

/** Refuse to start an authoring step when jianbao.yaml itself is broken. */
export function requireSettings(content: LoadedContent): void {
  if (!content.site) {
    throw new WorkflowError('jianbao.yaml 有错误，无法继续', {
      diagnostics: content.diagnostics.filter((d) => d.severity === 'error' && !d.file.includes('/')),
      hint: '先改正 jianbao.yaml（运行 jianbao check 查看全部问题）',
    });
  }
}

/** Does the filled entry say what was asked? A template that drops a placeholder would not. */
function entryMismatches(record: EntryRecord, entry: ResolvedEntry, registry: Registry, several: boolean): string[] {
  const { data } = record;
  const out: string[] = [];
  if (data.section !== entry.section) out.push(`栏目（应为 ${sectionName(entry.section)}，模板里要有 栏目: {{栏目}}）`);
  if (data.date !== entry.date) out.push(`日期（应为 ${entry.date}，模板里要有 日期: {{日期}}）`);
  if (data.unit.length !== (entry.jointUnits?.length ?? 1) || registry.unitBySpelling.get(data.unit[0]!) !== entry.unit)
    out.push(`单位（应为 ${entry.unit.name}，模板里要有 单位: {{单位}}）`);
  if (entry.title && data.title !== entry.title) out.push(`标题（模板里要有 标题: {{标题}}）`);
  if (entry.people.join() !== data.people.map((name) => findPerson(registry, name)?.name ?? name).join())
    out.push('领导（模板里要有 领导: {{领导}}）');
  if (several && data.series !== entry.series.id)
    out.push(`刊物（应为 ${entry.series.id}，模板里要有 刊物: {{刊物}}）`);
  return out;
}

/** Check a filled entry template as `check` would; throws (nothing written) when it fails. */
function checkFilledEntry(rendered: Rendered, file: string, entry: ResolvedEntry, registry: Registry): EntryRecord {
  const source = {
    path: file,
    encoding: 'utf-8' as const,
    bom: false,
    crlf: false,
    text: rendered.text,
    fullWidthColons: [],
  };
  const parsed = parseMarkdownFile(source, entrySchema, '稿件');
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.data || errors.length) throw brokenTemplate(rendered.template, onTemplate(rendered, errors));
  const record: EntryRecord = {
    id: entryIdFromPath(file.slice(ENTRIES_DIR.length + 1)),
    file,
    data: parsed.data,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    positions: parsed.positions,
  };
  const crossErrors = validateEntry(record, registry).filter((d) => d.severity === 'error');
  const mismatches = entryMismatches(record, entry, registry, registry.series.length > 1);
  const problems: Diagnostic[] = [
    ...onTemplate(rendered, crossErrors),
    ...mismatches.map((what) =>
      diagnostic(
        'template/invalid',
        rendered.template.file,
        { line: 2, column: 1 },
        `按模板生成的稿件缺少或写错了${what}`,
        { hint: '模板的前置信息要用占位符填写栏目、日期、单位等，不要写死' },
      ),
    ),
  ];
  if (problems.length) throw brokenTemplate(rendered.template, problems);
  return record;
}

/** The filled template with the form's status and body, when it gave them (a CLI request gives neither: the text is unchanged). */
function withFormParts(rendered: Rendered, request: EntryRequest): Rendered {
  const status =
    request.status === undefined ? undefined : (STATUS_LOOKUP.get(request.status.trim()) as EntryStatus | undefined);
  if ((status === undefined || status === 'ready') && request.body === undefined) return rendered;
  const name = ENTRY_STATUSES.find((item) => item.id === status)?.name;
  const changes =
    status && status !== 'ready' ? { status: ({ chinese }: EditContext) => (chinese ? name : status) } : {};
  const body =
    request.body === undefined
      ? undefined
      : `\n${request.body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').trimEnd()}\n`;
  return { ...rendered, text: editFrontMatter(rendered.text, entrySchema, changes, body) };
}

/** A joint submission: 单位 written as the list of the units' names on the entry's date (the template wrote the first). */
function withJointUnits(rendered: Rendered, entry: ResolvedEntry): Rendered {
  if (!entry.jointUnits) return rendered;
  return {
    ...rendered,
    text: editFrontMatter(rendered.text, entrySchema, {
      unit: entry.jointUnits.map((unit) => unitNameOn(unit, entry.date)),
    }),
  };
}

/** Create a new entry file from the template; returns where it went. */
export async function createEntry(
  contentDir: string,
  request: EntryRequest,
  options: WorkflowOptions,
): Promise<NewEntryResult> {
  const { content, registry } = await loadForWorkflow(contentDir);
  const entry = resolveEntry(registry, request, options.today);
  const duplicate = request.force
    ? undefined
    : EntryIndex.of(content.entries, registry).find({
        date: entry.date,
        unit: entry.jointUnits?.map((unit) => unit.id) ?? entry.unit.id,
        title: entry.title,
        section: entry.section,
        body: '',
      });
  if (duplicate) {
    throw new WorkflowError(`已有一篇${duplicate.same}都相同的稿件：${duplicate.file}，没有新建`, {
      hint: `打开 ${duplicate.file} 继续编辑；确实是另一篇稿件时，加 --force 再运行一次`,
    });
  }
  const template = await loadTemplate(
    contentDir,
    [`entry-${entry.section}.md`, 'entry.md'],
    ENTRY_PLACEHOLDERS,
    options.builtinTemplates,
  );
  const rendered = fillTemplate(template, {
    section: sectionName(entry.section),
    title: entry.title,
    date: entry.date,
    monthDay: chineseMonthDay(entry.date),
    unit: unitNameOn(entry.unit, entry.date),
    people: entry.people,
    series: registry.series.length > 1 ? entry.series.id : undefined,
  });
  const planned = entryPath(
    entry.date,
    entry.section,
    { name: unitNameOn(entry.unit, entry.date), aliases: entry.unit.aliases },
    entry.title,
  );
  const filled = withJointUnits(withFormParts(rendered, request), entry);
  checkFilledEntry(filled, planned, entry, registry);
  const text = filled.text.endsWith('\n') ? filled.text : `${filled.text}\n`;
  const path = await writeNewFile(join(contentDir, planned), text);
  const file = relative(contentDir, path).replace(/\\/g, '/');
  return { path, file, id: entryIdFromPath(file.slice(ENTRIES_DIR.length + 1)), template: template.file, entry };
}
