/** An issue (期): the front matter of `issues/**.md`; its body is the 按语. */
import { z } from 'zod';
import { aliasedEnum, dateSchema, field, listOf, textSchema } from './fields.ts';
import { contactSchema, distributionSchema } from './site.ts';

export const ISSUE_STATUSES = [
  { id: 'draft', name: '草稿' },
  { id: 'published', name: '已发布' },
] as const;

export const erratumSchema = z.object({
  date: field(dateSchema, '日期', '日期'),
  note: field(textSchema, '说明', '说明', '内容'),
});
export type Erratum = z.infer<typeof erratumSchema>;

const hash = z.string().regex(/^[0-9a-f]{16}$/, { error: '摘要格式无效：请勿手工修改，由 jianbao publish 生成' });

/** What `publish` records: a short SHA-256 of the issue and of every entry, and the errata count. */
export const digestSchema = z.object({
  issue: field(hash, '期刊', '期刊'),
  entries: field(z.record(z.string(), hash).default({}), '稿件', '稿件'),
  errata: field(z.number().int().min(0).default(0), '勘误数', '勘误数'),
});
export type IssueDigest = z.infer<typeof digestSchema>;

/** A regular issue (正刊) or a supplement (增刊), which has a numbering of its own. */
export const ISSUE_KINDS = [
  { id: 'regular', name: '正刊' },
  { id: 'supplement', name: '增刊' },
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number]['id'];

/** `增刊1`, `增刊第1期`: the number of a supplement. */
export const SUPPLEMENT_NUMBER = /^增刊\s*第?\s*(\d+)\s*期?$/;

const issueObject = z.object({
  series: field(textSchema.optional(), '刊物', '刊物'),
  year: field(z.number({ error: '年度应为四位数字，如 2023' }).int().min(1949).max(2999), '年度', '年度'),
  number: field(
    z.number({ error: '期号应为正整数；增刊写作 增刊1' }).int().min(1, { error: '期号应从 1 开始' }),
    '期号',
    '期号',
  ),
  /** `supplement` (增刊): numbered 增刊第1期, 增刊第2期… each year, apart from the regular issues and their total. */
  kind: field(aliasedEnum(ISSUE_KINDS, '类型').default('regular'), '类型', '类型'),
  total: field(
    z.number({ error: '总期号应为正整数' }).int().min(1, { error: '总期号应从 1 开始' }).optional(),
    '总期号',
    '总期号',
  ),
  date: field(dateSchema, '印发日期', '印发日期', '日期'),
  entries: field(listOf(z.coerce.string().trim().min(1)).default([]), '稿件', '稿件'),
  distribution: field(distributionSchema.optional(), '发送', '发送'),
  contact: field(contactSchema.optional(), '联系人', '联系人'),
  copies: field(
    z.number({ error: '印数应为整数' }).int().positive({ error: '印数应大于 0' }).optional(),
    '印数',
    '印数',
  ),
  editor: field(textSchema.optional(), '编辑', '编辑'),
  reviewer: field(textSchema.optional(), '审核', '审核'),
  signer: field(textSchema.optional(), '签发', '签发'),
  status: field(aliasedEnum(ISSUE_STATUSES, '状态').default('draft'), '状态', '状态'),
  /** Recorded by `jianbao publish`: digests of the frozen issue and of each entry. */
  digest: field(digestSchema.optional(), '摘要', '摘要'),
  errata: field(z.array(erratumSchema).default([]), '勘误', '勘误'),
});

/** `期号: 增刊1` is a supplement numbered 1 (the same as `期号: 1` with `类型: 增刊`). */
export const issueSchema = z.preprocess((input) => {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  const match = typeof record.number === 'string' ? SUPPLEMENT_NUMBER.exec(record.number.trim()) : null;
  return match ? { ...record, number: Number(match[1]), kind: 'supplement' } : input;
}, issueObject);
export type IssueData = z.infer<typeof issueSchema>;
