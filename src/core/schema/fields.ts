/**
 * Building blocks shared by every schema: aliased fields, aliased enums and
 * the two date forms clerks write.
 *
 * Aliases live in zod metadata (`.meta({ alias })`) so that the schema stays
 * the single source of truth: the YAML normaliser reads them from there, and
 * so does the documentation.
 */
import { z } from 'zod';
import { describeInput, didYouMean, quotedValue } from '../diagnostics.ts';

/** Metadata jianbao attaches to a field schema. */
export interface FieldMeta {
  /** Chinese (or other) names accepted for this key besides the canonical one. */
  alias?: readonly string[];
  /** What the field means, in Chinese, for messages and docs. */
  label?: string;
  [key: string]: unknown;
}

/** Attach aliases and a Chinese label to a field schema. */
export function field<T extends z.ZodType>(schema: T, label: string, ...alias: string[]): T {
  return schema.meta({ alias, label });
}

/** Read jianbao metadata from a schema, looking through optional/default/pipe wrappers. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  let current: z.ZodType | undefined = schema;
  while (current) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- zod types the registry as GlobalMeta
    const meta = z.globalRegistry.get(current) as FieldMeta | undefined;
    if (meta?.alias || meta?.label) return meta;
    current = innerSchema(current);
  }
  return undefined;
}

/** One level of wrapper removed, or undefined when the schema wraps nothing. */
export function innerSchema(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType as z.ZodType;
    case 'pipe':
      // z.preprocess(fn, schema) is pipe(transform, schema): the shape is the output's.
      return (
        (def.in as { _zod: { def: { type: string } } })._zod.def.type === 'transform' ? def.out : def.in
      ) as z.ZodType;
    default:
      return undefined;
  }
}

/** The zod def type name ('object', 'array', 'string'…) after unwrapping. */
export function baseSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let inner = innerSchema(current); inner; inner = innerSchema(current)) current = inner;
  return current;
}

export function schemaKind(schema: z.ZodType): string {
  return (baseSchema(schema) as unknown as { _zod: { def: { type: string } } })._zod.def.type;
}

/** A value set with canonical English ids and accepted Chinese names. */
export interface EnumValue {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** Map every accepted spelling of an enum value to its id. */
export function enumLookup(values: readonly EnumValue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    map.set(value.id, value.id);
    map.set(value.name, value.id);
    for (const alias of value.aliases ?? []) map.set(alias, value.id);
  }
  return map;
}

/**
 * An enum accepting the id, the Chinese name or an alias; parses to the id.
 * The error lists the Chinese names, which is what clerks write.
 */
export function aliasedEnum<const V extends readonly EnumValue[]>(values: V, label: string) {
  const lookup = enumLookup(values);
  const ids = values.map((value) => value.id) as unknown as [V[number]['id'], ...V[number]['id'][]];
  const choices = values.map((value) => `${value.name}（${value.id}）`).join('、');
  return z.preprocess(
    (input) => (typeof input === 'string' ? (lookup.get(input.trim()) ?? input) : input),
    z.enum(ids, {
      error: (issue) => {
        const guess = typeof issue.input === 'string' ? didYouMean(issue.input, lookup.keys()) : undefined;
        const written = quotedValue(issue.input);
        if (written === undefined) return `缺少${label}，应为：${choices}`;
        return `${label}「${written}」无效，应为：${choices}${guess ? `。是不是「${guess}」？` : ''}`;
      },
    }),
  );
}

const FULL_DATE = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)$/;
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DIGITS_ONLY = /^(\d{4})(\d{2})(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `year` (of the proleptic Gregorian calendar, as Date has it) is a leap year. */
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The date as `YYYY-MM-DD`, or undefined when there is no such day (years before 100 neither: Date takes them as 19xx). */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parse a date as clerks write it — `2023-08-22`, `2023/8/22`, `2023.8.22`,
 * `2023年8月22日` — into ISO `YYYY-MM-DD`, or undefined. `8月22日` without a
 * year only when `year` is given (the caller says which year it took).
 */
export function parseDateText(text: string, options: { year?: number | string } = {}): string | undefined {
  const trimmed = text.trim();
  const full = FULL_DATE.exec(trimmed);
  if (full) return isoDate(Number(full[1]), Number(full[2] ?? full[4]), Number(full[3] ?? full[5]));
  const monthDay = MONTH_DAY.exec(trimmed);
  if (monthDay && options.year !== undefined)
    return isoDate(Number(options.year), Number(monthDay[1]), Number(monthDay[2]));
  return undefined;
}

/** Whether `text` is a month and day without a year (`12月3日`). */
export function isMonthDay(text: string): boolean {
  return MONTH_DAY.test(text.trim());
}

/**
 * Why `text` is not a date, in Chinese, with what to write instead:
 * `2025年2月没有30日`, `没有13月`, `20251203 → 是不是 2025-12-03`.
 */
export function dateProblem(text: string): string {
  const trimmed = text.trim();
  const usual = '应写作 2023-08-22 或 2023年8月22日';
  const parts = FULL_DATE.exec(trimmed);
  if (parts) {
    const [year, month, day] = [Number(parts[1]), Number(parts[2] ?? parts[4]), Number(parts[3] ?? parts[5])];
    if (month < 1 || month > 12) return `日期「${trimmed}」无效：没有${month}月`;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `日期「${trimmed}」无效：${year}年${month}月没有${day}日（这个月只有${last}天）`;
  }
  if (MONTH_DAY.test(trimmed))
    return `日期「${trimmed}」没有写年份：写上是哪一年，如 ${new Date().getFullYear()}年${trimmed.replace(/\s+/g, '')}`;
  const digits = DIGITS_ONLY.exec(trimmed);
  if (digits) {
    const iso = isoDate(Number(digits[1]), Number(digits[2]), Number(digits[3]));
    if (iso) return `日期「${trimmed}」要用连字符分开，是不是 ${iso}？`;
  }
  return `日期「${trimmed}」无效，${usual}`;
}

/** A calendar date written `2023-08-22`, `2023/8/22`, `2023.8.22` or `2023年8月22日`; parses to `YYYY-MM-DD`. */
export const dateSchema = z.preprocess(
  (input) => {
    if (input instanceof Date && !Number.isNaN(input.getTime())) return input.toISOString().slice(0, 10);
    if (typeof input === 'number' && Number.isInteger(input)) return String(input);
    if (typeof input !== 'string') return input;
    return parseDateText(input) ?? input;
  },
  z.string({ error: '日期应为文本，如 2023-08-22 或 2023年8月22日' }).refine((text) => parseDateText(text) === text, {
    error: (issue) => dateProblem(quotedValue(issue.input) ?? ''),
  }),
);

/** C0 and C1 control characters (tab and line ends aside), DEL, and the bidirectional controls that reorder what a terminal shows. */
export const CONTROL_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A trimmed, non-empty line of text. */
export const textSchema = z
  .string({
    error: (issue) => (issue.input === undefined ? '缺少必填项' : `应为文本，实际是${describeInput(issue.input)}`),
  })
  .trim()
  .min(1, { error: '不能为空' })
  .refine((text) => !CONTROL_CHAR.test(text), {
    // XML (feed.xml) cannot carry them and a terminal obeys them: never let one into a title or a name.
    error: (issue) => controlCharProblem(String(issue.input))!,
  });

/** `含有不可见的控制字符 U+001B（第 2 个字符），请删除`, or undefined when the text has none. */
export function controlCharProblem(text: string): string | undefined {
  const at = [...text].findIndex((char) => CONTROL_CHAR.test(char));
  if (at === -1) return undefined;
  const code = text.codePointAt([...text].slice(0, at).join('').length) ?? 0;
  return `含有不可见的控制字符 U+${code.toString(16).toUpperCase().padStart(4, '0')}（第 ${at + 1} 个字符），请删除`;
}

/** A list that also accepts a single value written without brackets. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (input) => (input === undefined || input === null || Array.isArray(input) ? input : [input]),
    z.array(item),
  );
}
