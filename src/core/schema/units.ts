/**
 * `units.yaml`: the reporting units (报送单位). A unit keeps its id across
 * the renames of 机构改革: `名称` is the name it has now, `曾用名` the names
 * it had before, each with the last day it was used (`止`, inclusive, as the
 * 止 of a leader's title). `成立` is the first day it existed, `撤销` the day
 * it was abolished (from that day on no entry may name it), `并入` the unit
 * it was merged into on that day.
 */
import { z } from 'zod';
import { aliasedEnum, dateSchema, field, listOf, textSchema } from './fields.ts';

export const UNIT_KINDS = [
  { id: 'committee', name: '议事机构' },
  { id: 'department', name: '部门' },
  { id: 'township', name: '乡镇街道', aliases: ['乡镇', '街道', '镇街'] },
  { id: 'other', name: '其他' },
] as const;

/** A name the unit had before: used up to and including `to`. */
export const formerNameSchema = z.object({
  name: field(textSchema, '名称', '名称'),
  aliases: field(listOf(textSchema).default([]), '别名', '别名'),
  to: field(dateSchema, '止', '止', '截止'),
});
export type FormerName = z.infer<typeof formerNameSchema>;

export const unitSchema = z
  .object({
    id: field(
      z.string({ error: '单位 id 应为文本' }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
        error: '单位 id 只能由字母、数字、连字符组成，如 yjj',
      }),
      '单位编号',
    ),
    /** The name it has now (since the day after the last former name's 止). */
    name: field(textSchema, '名称', '名称'),
    aliases: field(listOf(textSchema).default([]), '别名', '别名'),
    kind: field(aliasedEnum(UNIT_KINDS, '类别').default('other'), '类别', '类别'),
    order: field(z.number({ error: '排序应为整数' }).int().optional(), '排序', '排序'),
    /** Earlier names, in any order (sorted by 止 when read). */
    formerNames: field(z.array(formerNameSchema).default([]), '曾用名', '曾用名'),
    /** First day the unit existed. */
    established: field(dateSchema.optional(), '成立', '成立'),
    /** The day it was abolished: entries dated on or after it cannot name it. */
    abolished: field(dateSchema.optional(), '撤销', '撤销'),
    /** The unit it was merged into on the day it was abolished (its id, name or alias). */
    mergedInto: field(textSchema.optional(), '并入', '并入'),
  })
  .superRefine((unit, ctx) => {
    const sorted = [...unit.formerNames].sort((a, b) => a.to.localeCompare(b.to));
    const last = sorted.at(-1);
    if (unit.established && sorted[0] && sorted[0].to < unit.established) {
      ctx.addIssue({
        code: 'custom',
        path: ['formerNames', unit.formerNames.indexOf(sorted[0]), 'to'],
        message: `曾用名「${sorted[0].name}」的截止日期早于单位的成立日期 ${unit.established}`,
      });
    }
    if (unit.abolished && last && last.to >= unit.abolished) {
      ctx.addIssue({
        code: 'custom',
        path: ['formerNames', unit.formerNames.indexOf(last), 'to'],
        message: `曾用名「${last.name}」的截止日期不早于撤销日期 ${unit.abolished}：撤销前最后用的名称写在 名称 中`,
      });
    }
    if (unit.established && unit.abolished && unit.abolished <= unit.established) {
      ctx.addIssue({
        code: 'custom',
        path: ['abolished'],
        message: `撤销日期 ${unit.abolished} 不晚于成立日期 ${unit.established}`,
      });
    }
    if (unit.mergedInto !== undefined && !unit.abolished) {
      ctx.addIssue({
        code: 'custom',
        path: ['mergedInto'],
        message: '写了 并入，还要写 撤销（并入的日期），如 撤销: 2019-03-01',
      });
    }
  });
export type Unit = z.infer<typeof unitSchema>;

export const unitsSchema = z.array(unitSchema, { error: 'units.yaml 应为单位列表（每项以 - 开头）' });
