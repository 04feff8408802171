/**
 * Keys in the clerk's language: when jianbao writes YAML into a file that
 * uses Chinese keys, it writes Chinese keys too, taken from the schema's
 * aliases (the one place they are declared).
 */
import type { z } from 'zod';
import { baseSchema, fieldMeta } from '../schema/fields.ts';

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  if (!schema) return {};
  return (
    (baseSchema(schema) as unknown as { _zod: { def: { shape?: Record<string, z.ZodType> } } })._zod.def.shape ?? {}
  );
}

/** The Chinese name of an object schema's key (its first alias), or the key itself. */
export function chineseKey(schema: z.ZodType | undefined, key: string): string {
  const field = shapeOf(schema)[key];
  return (field ? fieldMeta(field)?.alias?.[0] : undefined) ?? key;
}

/** Every spelling of a key of an object schema: the canonical one and its aliases. */
export function keySpellingsOf(schema: z.ZodType, key: string): string[] {
  const field = shapeOf(schema)[key];
  return [key, ...(field ? (fieldMeta(field)?.alias ?? []) : [])];
}

/**
 * A group value with its keys renamed to Chinese (when `chinese`), recursively
 * through the schema; undefined and empty-list members are dropped.
 */
export function localiseKeys(
  value: Record<string, unknown>,
  schema: z.ZodType | undefined,
  chinese: boolean,
): Record<string, unknown> {
  const shape = shapeOf(schema);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || (Array.isArray(item) && item.length === 0)) continue;
    const name = chinese ? chineseKey(schema, key) : key;
    out[name] =
      item && typeof item === 'object' && !Array.isArray(item)
        ? localiseKeys(item as Record<string, unknown>, shape[key], chinese)
        : item;
  }
  return out;
}
