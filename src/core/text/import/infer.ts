/**
 * Front matter for an imported draft, from the flags and from what the text
 * says: the body's first date (see inferDate), the first unit named,
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
  /** Leaders the source names outright (a bulletin's bold lead), instead of those found in the body. */
  leaders?: string[];
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

/** The body's first date: 2018年2月5日, 2月5日, or a bare 17日 opening the text. */
const BODY_DATE = /(?:((?:19|20)\d{2})年)?(?<![\d.])(\d{1,2})月(\d{1,2})日/;
const LEADING_DAY = /^(\d{1,2})日/;

function validIso(year: number, month: number, day: number): string | undefined {
  return parseDateText(`${year}-${month}-${day}`);
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/**
 * The entry's date. The body's first date wins; a date without a year takes
 * it from the page's publication date, else from --date, else from today
 * (said in the report), and a month-day more than half a year after that
 * reference belongs to the year before (12月29日 published on 1 January).
 * A bare 17日 takes its month the same way. Without a date in the body:
 * the page's publication date, else --date, else today (said so).
 */
export function inferDate(
  body: string,
  options: Pick<InferOptions, 'date' | 'today'>,
  pageDate?: string,
): { date: string; note?: string } {
  const text = body.trim();
  const reference = pageDate ?? options.date ?? options.today;
  const from = pageDate ? '原文的发布时间' : options.date ? ' --date' : '今天的日期';
  const match = BODY_DATE.exec(text);
  const day = match ? undefined : LEADING_DAY.exec(text);
  if (match) {
    const [whole, stated, month, dayOfMonth] = match;
    if (stated) {
      const date = validIso(Number(stated), Number(month), Number(dayOfMonth));
      if (date) return { date };
    } else {
      const year = Number(reference.slice(0, 4));
      let date = validIso(year, Number(month), Number(dayOfMonth));
      if (date && daysBetween(date, reference) > 183) date = validIso(year - 1, Number(month), Number(dayOfMonth));
      if (date)
        return {
          date,
          note: `日期取自正文“${whole}”，年份取自${from}：${chineseDate(date)}${pageDate || options.date ? '' : '，请核对'}`,
        };
    }
  } else if (day) {
    let year = Number(reference.slice(0, 4));
    let month = Number(reference.slice(5, 7));
    if (Number(day[1]) > Number(reference.slice(8, 10))) {
      month--;
      if (month === 0) {
        month = 12;
        year--;
      }
    }
    const date = validIso(year, month, Number(day[1]));
    if (date) return { date, note: `正文开头只写了“${day[0]}”，年月取自${from}：${chineseDate(date)}，请核对` };
  }
  if (pageDate) return { date: pageDate, note: `正文中没有日期，取原文的发布时间 ${chineseDate(pageDate)}，请核对` };
  if (options.date) return { date: options.date };
  return { date: options.today, note: `正文中没有日期，暂用今天 ${chineseDate(options.today)}，请改为事件发生的日期` };
}

function firstUnit(text: string, registry: Registry | undefined): Unit | undefined {
  if (!registry) return undefined;
  let best: { unit: Unit; at: number; length: number } | undefined;
  for (const [spelling, unit] of registry.unitBySpelling) {
    if (spelling.length < 2 || /^[A-Za-z0-9_-]+$/.test(spelling)) continue;
    const at = text.indexOf(spelling);
    if (at === -1) continue;
    if (!best || at < best.at || (at === best.at && spelling.length > best.length))
      best = { unit, at, length: spelling.length };
  }
  return best?.unit;
}

export function inferFrontMatter(
  title: string | undefined,
  body: string,
  options: InferOptions,
  registry: Registry | undefined,
  pageDate?: string,
): InferredEntry {
  const notes: string[] = [];
  const { date, note } = inferDate(body, options, pageDate);
  if (note) notes.push(note);

  let unit = options.unit;
  if (!unit) {
    const found = firstUnit(`${title ?? ''}\n${body}`, registry);
    if (found) {
      unit = found.name;
      notes.push(`单位根据标题和正文推断为“${found.name}”，请核对`);
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
  if (LEADER_SECTIONS.includes(options.section) && options.leaders?.length) {
    data.领导 = options.leaders;
    notes.push(`领导取自段首加粗的“职务＋姓名”：${options.leaders.join('、')}`);
  } else if (LEADER_SECTIONS.includes(options.section)) {
    const named = (registry?.people ?? [])
      .filter((person) => body.includes(person.name.replace(/[\s\u3000]/g, '')))
      .sort((a, b) => a.rank - b.rank);
    if (named.length) {
      data.领导 = named.map((person) => person.name);
      notes.push(`领导根据正文推断为 ${named.map((person) => person.name).join('、')}`);
    } else notes.push('正文中没有找到 people.yaml 里的领导，请补写 领导');
  }
  if (options.series) data.刊物 = options.series;
  else if (registry && registry.series.length > 1)
    notes.push(`有 ${registry.series.length} 个刊物，编入前请补写 刊物（或导入时用 --series）`);
  data.状态 = '草稿';
  return { data, date, notes };
}
