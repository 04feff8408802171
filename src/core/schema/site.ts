/** `jianbao.yaml`: the site settings and the series (刊物) it publishes. */
import { z } from 'zod';
import { DRAFT_MARK } from '../format.ts';
import { aliasedEnum, field, listOf, textSchema } from './fields.ts';
import { sectionSchema, SECTION_IDS } from './sections.ts';

export const LAYOUTS = [
  { id: 'sections', name: '分栏' },
  { id: 'articles', name: '文章' },
] as const;

/** Contact line printed in the 版记: 联系人、电话、邮箱. */
export const contactSchema = z.object({
  name: field(textSchema.optional(), '姓名', '姓名'),
  phone: field(z.coerce.string().trim().optional(), '电话', '电话', '联系电话'),
  email: field(textSchema.optional(), '邮箱', '邮箱', '电子邮箱'),
});
export type Contact = z.infer<typeof contactSchema>;

const recipientList = listOf(z.coerce.string().trim().min(1, { error: '发送对象不能为空' }));

/** 报 / 送 / 发 lists; each item is a recipient, a unit or a recipients.yaml group. */
export const distributionSchema = z.object({
  report: field(recipientList.optional(), '报', '报'),
  send: field(recipientList.optional(), '送', '送'),
  distribute: field(recipientList.optional(), '发', '发'),
});
export type Distribution = z.infer<typeof distributionSchema>;

/** `2023-6`: numbering continues an earlier system, the first issue here is 2023年第6期. */
export const sinceSchema = z.preprocess(
  (input) => {
    if (typeof input !== 'string') return input;
    const match = /^(\d{4})\s*[-年]\s*第?(\d+)期?$/.exec(input.trim());
    return match ? { year: Number(match[1]), number: Number(match[2]) } : input;
  },
  z.object({ year: z.number().int(), number: z.number().int().min(1) }, { error: '期号起点应写作 年-期号，如 2023-6' }),
);

/** Chinese type sizes (字号) a clerk may name, in points. */
export const TYPE_SIZES: Readonly<Record<string, number>> = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
};

/** The red rule under the masthead: one line, or thick over thin. */
export const RULE_STYLES = [
  { id: 'single', name: '单线' },
  { id: 'double', name: '双线', aliases: ['粗细双线'] },
] as const;

// z.custom rather than z.number()/z.boolean(): the message names the key and the accepted forms.
const typeSizeSchema = z.preprocess(
  (input) =>
    typeof input === 'string'
      ? (TYPE_SIZES[input.trim()] ?? (/^\d+(\.\d+)?$/.test(input.trim()) ? Number(input) : input))
      : input,
  z.custom<number>((input) => typeof input === 'number' && input >= 16 && input <= 72, {
    error: `报头字号应为 16–72 的磅数（如 42）或字号名（${Object.keys(TYPE_SIZES).join('、')}）`,
  }),
);

/** A yes/no setting: true/false, or 是/否 (有/无); the message names the setting. */
function yesNoSchema(label: string) {
  return z.preprocess(
    (input) => (input === '是' || input === '有' ? true : input === '否' || input === '无' ? false : input),
    z.custom<boolean>((input) => typeof input === 'boolean', { error: `${label}应为 true 或 false（也可写 是 / 否）` }),
  );
}

/** The words of the draft mark: a short line such as 草稿 or 征求意见稿. */
const draftMarkSchema = z
  .string({ error: '草稿标记应为文本，如 草稿 或 征求意见稿' })
  .trim()
  .min(1, { error: '不能为空' })
  .max(8, { error: '最多 8 个字，如 草稿 或 征求意见稿' });

const RED_PATTERN = /^#[0-9a-fA-F]{6}$/;
const redSchema = z.preprocess(
  (input) => (typeof input === 'string' ? input.trim() : input),
  z.custom<string>((input) => typeof input === 'string' && RED_PATTERN.test(input), {
    error: '红色应写作 #RRGGBB，如 #E8380D 或 #FF0000（加引号）',
  }),
);

/** How the print page and PDF look where GB/T 9704 leaves the choice (a series' 打印 settings; README, 打印与 PDF). */
export const printSchema = z.object({
  /** Red of the masthead and its rule, `#RRGGBB`. Default #E8380D (CMYK 0/80/80/0); many offices use #FF0000. */
  red: field(redSchema.default('#E8380D'), '红色', '红色'),
  /** Masthead type size in points, or a 字号 name. Default 初号 (42 pt); a name too wide for the type area is condensed to fit. */
  mastheadSize: field(typeSizeSchema.default(42), '报头字号', '报头字号'),
  /** The masthead split into one or two lines as it should print. Default: the series name on one line. */
  masthead: field(
    z
      .preprocess(
        (input) => (typeof input === 'string' ? [input] : input),
        z.array(textSchema).min(1, { error: '报头至少一行' }).max(2, { error: '报头最多两行' }),
      )
      .optional(),
    '报头',
    '报头',
  ),
  /** The red rule under 编印单位 and date: `single` 单线 (1.5 pt) or `double` 双线 (thick over thin). Default single. */
  rule: field(aliasedEnum(RULE_STYLES, '红线').default('single'), '红线', '红线'),
  /** Whether page 1 carries its page number. Default true. */
  firstPageNumber: field(yesNoSchema('首页页码').default(true), '首页页码', '首页页码'),
  /**
   * Printed on both sides of the sheet. Default true: the 版记 goes on the last
   * side, an even page (GB/T 9704 7.5.1); when the text ends on an odd page the
   * 版记 goes to the bottom of the next, even, page. False: the 版记 is at the
   * bottom of the page the text ends on (or the next when it does not fit).
   */
  duplex: field(yesNoSchema('双面').default(true), '双面', '双面'),
  /**
   * Whether a blank page put before the 版记 page, and the 版记 page after it,
   * carry page numbers (GB/T 9704 allows leaving both unnumbered). Default true.
   */
  blankPageNumber: field(yesNoSchema('空白页页码').default(true), '空白页页码', '空白页页码'),
  /** The mark every page of a draft issue's print page and PDF carries. Default 草稿; e.g. 征求意见稿. */
  draftMark: field(draftMarkSchema.default(DRAFT_MARK), '草稿标记', '草稿标记'),
});
export type PrintSettings = z.infer<typeof printSchema>;

export const seriesSchema = z.object({
  /** Stable id used in paths: `<series>/<year>/<number>/`. */
  id: field(
    z.string({ error: '刊物 id 应为文本' }).regex(/^[a-z0-9][a-z0-9-]*$/, {
      error: '刊物 id 只能由小写字母、数字和连字符组成，如 zhuanbao',
    }),
    '刊物编号',
  ),
  /** The red masthead, e.g. 示例区安全生产工作专报. */
  name: field(textSchema, '名称', '名称'),
  /** 编印单位, printed left under the masthead. */
  publisher: field(textSchema, '编印单位', '编印单位'),
  /** `sections`: 【栏目】 headings; `articles`: titled items. */
  layout: field(aliasedEnum(LAYOUTS, '版式').default('sections'), '版式', '版式'),
  /** The sections this series prints, in order. */
  sections: field(
    z
      .array(sectionSchema)
      .min(1, { error: '至少需要一个栏目' })
      .default([...SECTION_IDS]),
    '栏目',
    '栏目',
  ),
  /** Optional marking top left, e.g. 内部资料　注意保存. */
  marking: field(textSchema.optional(), '标识', '标识'),
  contact: field(contactSchema.optional(), '联系人', '联系人'),
  distribution: field(distributionSchema.optional(), '发送', '发送'),
  copies: field(
    z.number({ error: '印数应为整数' }).int().positive({ error: '印数应大于 0' }).optional(),
    '印数',
    '印数',
  ),
  since: field(sinceSchema.optional(), '期号起点', '期号起点'),
  /** Print page and PDF settings. */
  print: field(printSchema.prefault({}), '打印', '打印'),
});
export type Series = z.infer<typeof seriesSchema>;

export const siteSchema = z.object({
  site: field(
    z
      .object({
        title: field(textSchema.default('安全生产信息网'), '标题', '标题'),
        /** Sub-path on the intranet server, e.g. /bulletin/. */
        base: field(
          z
            .string()
            .trim()
            // One `/` first: `//host/` or `/\host/` would load every page's CSS and scripts from another server.
            .regex(/^\/(?:[^\s?#\\/]+\/)*$/, {
              error: '站点路径应以一个 / 开头、以 / 结尾，中间不能有 //、\\、空格、? 或 #，如 /bulletin/',
            })
            .refine((base) => !base.split('/').some((part) => part === '.' || part === '..'), {
              error: '站点路径中不能有 . 或 .. 这样的一级，如 /bulletin/',
            })
            .default('/'),
          '路径',
          '路径',
        ),
      })
      .default({ title: '安全生产信息网', base: '/' }),
    '站点',
    '站点',
  ),
  series: field(z.array(seriesSchema).min(1, { error: '至少需要定义一个刊物' }), '刊物', '刊物'),
});
export type SiteSettings = z.infer<typeof siteSchema>;
