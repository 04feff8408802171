/**
 * Editing a content file's front matter the way a clerk would: through the
 * `yaml` Document API, so comments, key order and the file's choice of
 * Chinese or English keys survive; a key is changed where it is, a new key
 * is written in the file's language, a removed key goes with its line.
 * Used by publish (状态), the erratum form (勘误) and the editor (稿件).
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair } from 'yaml';
import type { z } from 'zod';
import { splitFrontMatter } from '../load/frontmatter.ts';
import { chineseKey, keySpellingsOf } from './keys.ts';

/** Does this front matter use Chinese keys (most of its top-level keys are not ASCII)? */
export function usesChineseKeys(document: Document): boolean {
  if (!isMap(document.contents)) return false;
  const keys = document.contents.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
  // eslint-disable-next-line no-control-regex -- \x00-\x7f is ASCII
  const chinese = keys.filter((key) => /[^\x00-\x7f]/.test(key)).length;
  return chinese > keys.length - chinese;
}

/** The pair of a top-level key written in any of its spellings. */
export function findPair(document: Document, spellings: string[]): Pair | undefined {
  if (!isMap(document.contents)) return undefined;
  return document.contents.items.find((pair) =>
    spellings.includes(String(isScalar(pair.key) ? pair.key.value : pair.key)),
  );
}

/** What a change may use to pick its value: the file writes Chinese keys (and so Chinese values). */
export interface EditContext {
  chinese: boolean;
  /** The value now in the file, as plain data (undefined when the key is absent). */
  current: unknown;
}

/** A key's new value: a value, `undefined` to remove the key, or a function of the EditContext giving one. */
export type FrontMatterChange = unknown;

/**
 * The file with its front matter changed: `changes` maps schema keys (English)
 * to their new values. `body`, when given, replaces the text after the front matter.
 */
export function editFrontMatter(
  text: string,
  schema: z.ZodType,
  changes: Record<string, FrontMatterChange>,
  body?: string,
): string {
  const split = splitFrontMatter(text);
  if (split.yaml === undefined || split.unclosed) throw new Error('editFrontMatter: the file has no front matter');
  const lines = text.split('\n');
  const rest = body === undefined ? lines.slice(split.bodyLine - 1).join('\n') : body;
  // Nothing to change in the YAML: it stays exactly as written.
  if (Object.keys(changes).length === 0) return `${lines.slice(0, split.bodyLine - 1).join('\n')}\n${rest}`;
  const document = parseDocument(split.yaml);
  const chinese = usesChineseKeys(document);
  for (const [key, change] of Object.entries(changes)) {
    const pair = findPair(document, keySpellingsOf(schema, key));
    const current: unknown =
      pair?.value && typeof pair.value === 'object' && 'toJSON' in pair.value
        ? (pair.value as { toJSON(): unknown }).toJSON()
        : isScalar(pair?.value)
          ? pair.value.value
          : undefined;
    const value: unknown =
      typeof change === 'function' ? (change as (context: EditContext) => unknown)({ chinese, current }) : change;
    if (value === undefined) {
      if (pair) document.delete(isScalar(pair.key) ? pair.key.value : pair.key);
      continue;
    }
    const node = document.createNode(value);
    // A list of names is written as clerks write it, 单位: [应急局, 消防大队], unless the file has it as a block list.
    const blockList = isSeq(pair?.value) && !pair.value.flow;
    if (isSeq(node) && !blockList && Array.isArray(value) && value.every((item) => typeof item === 'string'))
      node.flow = true;
    if (pair) pair.value = node;
    else document.set(chinese ? chineseKey(schema, key) : key, node);
  }
  const fence = lines[split.bodyLine - 2]!;
  const yaml = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `${lines[0]}\n${yaml}${fence}\n${rest}`;
}
