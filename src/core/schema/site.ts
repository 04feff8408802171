/** `jianbao.yaml`: the site settings and the series (刊物) it publishes. */
import { z } from 'zod';
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
  z.object(
    { year: z.number().int(), number: z.number().int().min(1) },
    { error: '期号起点应写作 年-期号，如 2023-6' },
  ),
);

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
  sections: field(z.array(sectionSchema).min(1, { error: '至少需要一个栏目' }).default([...SECTION_IDS]), '栏目', '栏目'),
  /** Optional marking top left, e.g. 内部资料　注意保存. */
  marking: field(textSchema.optional(), '标识', '标识'),
  contact: field(contactSchema.optional(), '联系人', '联系人'),
  distribution: field(distributionSchema.optional(), '发送', '发送'),
  copies: field(z.number({ error: '印数应为整数' }).int().positive().optional(), '印数', '印数'),
  since: field(sinceSchema.optional(), '期号起点', '期号起点'),
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
            .regex(/^\/([^\s?#]*\/)?$/, { error: '站点路径应以 / 开头和结尾，如 /bulletin/' })
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
