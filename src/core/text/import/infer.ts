/**
 * Front matter for an imported draft, from the flags and from what the text
 * says: a leading date (8月22日 + the year of --date), the first unit named,
 * the leaders named (for 调研指导). Every guess is reported.
 */
import { chineseDate } from '../../format.ts';
import type { Registry } from '../../registry.ts';
import { parseDateText } from '../../schema/fields.ts';
import { LEADER_SECTIONS, sectionName, type SectionId, TITLED_SECTIONS } from '../../schema/sections.ts';
import type { Unit } from '../../schema/units.ts';

export interface InferOptions {
  section: SectionId;
  /** Unit as given by --unit (id, name or alias). */
  unit?: string;
  /** ISO date from --date. */
  date?: string;
  series?: string;
  /** Today, ISO (passed in: the core does not read the clock). */
  today: string;
}

export interface InferredEntry {
  /** Front matter in the Chinese keys clerks read. */
  data: Record<string, unknown>;
  /** ISO date of the entry (for the folder). */
  date: string;
  notes: string[];
}

const LEADING_DATE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;

function firstUnit(text: string, registry: Registry | undefined): Unit | undefined {
  if (!registry) return undefined;
  let best: { unit: Unit; at: number; length: number } | undefined;
  for (const [spelling, unit] of registry.unitBySpelling) {
    if (spelling.length < 2 || /^[A-Za-z0-9_-]+$/.test(spelling)) continue;
    const at = text.indexOf(spelling);
    if (at === -1) continue;
    if (!best || at < best.at || (at === best.at && spelling.length > best.length)) best = { unit, at, length: spelling.length };
  }
  return best?.unit;
}

export function inferFrontMatter(title: string | undefined, body: string, options: InferOptions, registry: Registry | undefined, pageDate?: string): InferredEntry {
  const notes: string[] = [];
  // Date: the text's own leading date wins; its year comes from --date, the page, or today.
  let date: string | undefined;
  const lead = LEADING_DATE.exec(body.trim());
  if (lead) {
    const year = lead[1] ?? (options.date ?? pageDate ?? options.today).slice(0, 4);
    date = parseDateText(`${year}-${lead[2]}-${lead[3]}`);
    if (date && !lead[1]) notes.push(`日期取自正文开头“${lead[0]}”，年份取自${options.date ? ' --date' : pageDate ? '网页发布时间' : '今年'}：${chineseDate(date)}`);
  }
  if (!date && options.date) date = options.date;
  if (!date && pageDate) {
    date = pageDate;
    notes.push(`正文开头没有日期，取网页发布时间 ${chineseDate(date)}，请核对`);
  }
  if (!date) {
    date = options.today;
    notes.push(`正文开头没有日期，暂用今天 ${chineseDate(date)}，请改为事件发生的日期`);
  }

  let unit = options.unit;
  if (!unit) {
    const found = firstUnit(body, registry);
    if (found) {
      unit = found.name;
      notes.push(`单位根据正文推断为“${found.name}”，请核对`);
    } else {
      unit = '待定';
      notes.push('正文中没有找到 units.yaml 里的单位，单位暂写“待定”，请用 --unit 指定或手工修改');
    }
  }

  const data: Record<string, unknown> = { 栏目: sectionName(options.section) };
  if (title) data.标题 = title;
  else if (TITLED_SECTIONS.includes(options.section)) {
    data.标题 = '待定标题';
    notes.push(`“${sectionName(options.section)}”稿件需要标题，原文中没有找到，暂写“待定标题”`);
  }
  data.日期 = date;
  data.单位 = unit;
  if (LEADER_SECTIONS.includes(options.section)) {
    const named = (registry?.people ?? []).filter((person) => body.includes(person.name.replace(/[\s\u3000]/g, ''))).sort((a, b) => a.rank - b.rank);
    if (named.length) {
      data.领导 = named.map((person) => person.name);
      notes.push(`领导根据正文推断为 ${named.map((person) => person.name).join('、')}`);
    } else notes.push('正文中没有找到 people.yaml 里的领导，请补写 领导');
  }
  if (options.series) data.刊物 = options.series;
  else if (registry && registry.series.length > 1) notes.push(`有 ${registry.series.length} 个刊物，编入前请补写 刊物（或导入时用 --series）`);
  data.状态 = '草稿';
  return { data, date, notes };
}
