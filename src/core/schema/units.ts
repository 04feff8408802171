/** `units.yaml`: the reporting units (报送单位). */
import { z } from 'zod';
import { aliasedEnum, field, listOf, textSchema } from './fields.ts';

export const UNIT_KINDS = [
  { id: 'committee', name: '议事机构' },
  { id: 'department', name: '部门' },
  { id: 'township', name: '乡镇街道', aliases: ['乡镇', '街道', '镇街'] },
  { id: 'other', name: '其他' },
] as const;

export const unitSchema = z.object({
  id: field(
    z.string({ error: '单位 id 应为文本' }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
      error: '单位 id 只能由字母、数字、连字符组成，如 yjj',
    }),
    '单位编号',
  ),
  name: field(textSchema, '名称', '名称'),
  aliases: field(listOf(textSchema).default([]), '别名', '别名'),
  kind: field(aliasedEnum(UNIT_KINDS, '类别').default('other'), '类别', '类别'),
  order: field(z.number({ error: '排序应为整数' }).int().optional(), '排序', '排序'),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitsSchema = z.array(unitSchema, { error: 'units.yaml 应为单位列表（每项以 - 开头）' });
