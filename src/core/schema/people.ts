/** `people.yaml`: leaders (领导) with their titles over time. */
import { z } from 'zod';
import { dateSchema, field, textSchema } from './fields.ts';

export const titleSpanSchema = z
  .object({
    title: field(textSchema, '职务', '职务'),
    from: field(dateSchema.optional(), '起', '起', '起始'),
    to: field(dateSchema.optional(), '止', '止', '截止'),
  })
  .refine((span) => !span.from || !span.to || span.from <= span.to, {
    error: '职务的起始日期晚于截止日期',
    path: ['to'],
  });

export const personSchema = z.object({
  name: field(textSchema, '姓名', '姓名'),
  /** Position in name lists: smaller first. */
  rank: field(z.number({ error: '排序应为整数' }).int(), '排序', '排序'),
  titles: field(z.array(titleSpanSchema).default([]), '职务', '职务'),
});
export type Person = z.infer<typeof personSchema>;

export const peopleSchema = z.array(personSchema, { error: 'people.yaml 应为领导列表（每项以 - 开头）' });
