/** An entry (稿件): the front matter of `entries/**.md`. */
import { z } from 'zod';
import { aliasedEnum, dateSchema, field, listOf, textSchema } from './fields.ts';
import { LEADER_SECTIONS, sectionName, sectionSchema, TITLED_SECTIONS } from './sections.ts';

export const ENTRY_STATUSES = [
  { id: 'ready', name: '待编' },
  { id: 'draft', name: '草稿' },
  { id: 'withdrawn', name: '撤稿' },
] as const;

export const entrySchema = z
  .object({
    section: field(sectionSchema, '栏目', '栏目'),
    title: field(textSchema.optional(), '标题', '标题'),
    /** The day the event happened. */
    date: field(dateSchema, '日期', '日期'),
    /**
     * Unit ids, names or aliases from units.yaml: one, or a list for a joint
     * submission (联合报送), the reporting unit first. Always a list here.
     */
    unit: field(
      listOf(z.coerce.string().trim().min(1, { error: '单位不能为空' })).pipe(
        z.array(z.string()).min(1, { error: '单位不能为空' }),
      ),
      '单位',
      '单位',
    ),
    /** Leaders' names from people.yaml. */
    people: field(listOf(textSchema).default([]), '领导', '领导'),
    series: field(textSchema.optional(), '刊物', '刊物'),
    status: field(aliasedEnum(ENTRY_STATUSES, '状态').default('ready'), '状态', '状态'),
    order: field(z.number({ error: '排序应为整数' }).int().optional(), '排序', '排序'),
  })
  .superRefine((entry, ctx) => {
    if (TITLED_SECTIONS.includes(entry.section) && !entry.title) {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: `「${sectionName(entry.section)}」栏目的稿件需要标题：在前置信息中加一行 标题: …`,
        params: { rule: 'entry/title-required' },
      });
    }
    if (LEADER_SECTIONS.includes(entry.section) && entry.people.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['people'],
        message: `「${sectionName(entry.section)}」栏目的稿件至少要列出一位领导：加一行 领导: [姓名]`,
        params: { rule: 'entry/people-required' },
      });
    }
  });
export type EntryData = z.infer<typeof entrySchema>;
export type EntryStatus = EntryData['status'];
