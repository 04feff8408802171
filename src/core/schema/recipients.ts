/** `recipients.yaml`: groups and names used in 报/送/发. */
import { z } from 'zod';
import { field, listOf, textSchema } from './fields.ts';

export const recipientGroupSchema = z.object({
  /** Leaders' names from people.yaml; printed in rank order, padded. */
  people: field(listOf(textSchema).default([]), '人员', '人员'),
  /** Appended after the last name, e.g. 同志. */
  suffix: field(z.string().trim().default('同志'), '后缀', '后缀'),
});

export const recipientsSchema = z.object({
  groups: field(z.record(z.string(), recipientGroupSchema).default({}), '分组', '分组'),
  names: field(listOf(textSchema).default([]), '名单', '名单'),
});
export type Recipients = z.infer<typeof recipientsSchema>;
