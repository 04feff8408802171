/**
 * YAML with positions: parse a settings file or a front matter block, report
 * syntax problems precisely, resolve Chinese key aliases against the zod
 * schema, validate, and map every zod issue back to a line and column.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import jsyaml from 'js-yaml';
import type { z } from 'zod';
import {
  diagnostic,
  didYouMean,
  quotedValue,
  zodIssueMessage,
  type Diagnostic,
  type Position,
} from '../diagnostics.ts';
import type { RuleId } from '../rules.ts';
import { fieldMeta, schemaKind, baseSchema } from '../schema/fields.ts';
import { yamlStructureProblem } from './structure.ts';
import { flatMapping } from './flat-yaml.ts';

/** Where each value of a parsed document sits in its file. */
export class PositionIndex {
  // Made on first write: most indexes (lazy ones, kept ones never asked) stay empty.
  #values: Map<string, Position> | undefined;
  #keys: Map<string, Position> | undefined;
  #written: Map<string, string> | undefined;
  #load: (() => PositionIndex) | undefined;
  constructor(readonly start: Position) {}

  /** An index filled on first use by `load` (the precise parse runs only when a position is needed). */
  static lazy(start: Position, load: () => PositionIndex): PositionIndex {
    const index = new PositionIndex(start);
    index.#load = load;
    return index;
  }
  #ensure(): void {
    if (!this.#load) return;
    const loaded = this.#load();
    this.#load = undefined;
    this.#values = loaded.#values;
    this.#keys = loaded.#keys;
    this.#written = loaded.#written;
  }

  static key(path: readonly PropertyKey[]): string {
    return path.map(String).join('\u0001');
  }
  setValue(path: readonly PropertyKey[], position: Position): void {
    (this.#values ??= new Map()).set(PositionIndex.key(path), position);
  }
  setKey(path: readonly PropertyKey[], position: Position, written: string): void {
    (this.#keys ??= new Map()).set(PositionIndex.key(path), position);
    (this.#written ??= new Map()).set(PositionIndex.key(path), written);
  }
  /** The value at `path`, else its key, else the nearest ancestor, else the start. */
  at(path: readonly PropertyKey[]): Position {
    this.#ensure();
    for (let length = path.length; length >= 0; length--) {
      const key = PositionIndex.key(path.slice(0, length));
      const found = this.#values?.get(key) ?? this.#keys?.get(key);
      if (found) return found;
    }
    return this.start;
  }
  /** The key at `path` as the clerk wrote it (e.g. 标题 for title). */
  writtenKey(path: readonly PropertyKey[]): string | undefined {
    this.#ensure();
    return this.#written?.get(PositionIndex.key(path));
  }
  /** The key's own position, when the path ends at a key. */
  keyAt(path: readonly PropertyKey[]): Position | undefined {
    this.#ensure();
    return this.#keys?.get(PositionIndex.key(path));
  }
}

export interface YamlSource {
  /** The YAML text (front matter without its --- lines, or a whole file). */
  text: string;
  /** Path relative to the content directory, for diagnostics. */
  file: string;
  /** Line of the file on which `text` starts (1-based). */
  firstLine: number;
}

export interface ParsedYaml<T> {
  /** Validated data; undefined when the YAML or the schema failed. */
  data: T | undefined;
  diagnostics: Diagnostic[];
  positions: PositionIndex;
  /** Fixes that `--fix` may apply to the YAML text (line-relative to the file). */
  fullWidthColons: Position[];
}

type AnySchema = z.ZodType;

function defOf(schema: AnySchema): Record<string, unknown> {
  return (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
}

const spellingCache = new WeakMap<AnySchema, Map<string, string>>();
const allSpellingCache = new WeakMap<AnySchema, Set<string>>();

/** All spellings of the keys of an object schema: spelling → canonical key. */
export function keySpellings(schema: AnySchema): Map<string, string> {
  const cached = spellingCache.get(schema);
  if (cached) return cached;
  const spellings = new Map<string, string>();
  spellingCache.set(schema, spellings);
  const shape = defOf(baseSchema(schema)).shape as Record<string, AnySchema> | undefined;
  for (const [key, fieldSchema] of Object.entries(shape ?? {})) {
    spellings.set(key, key);
    for (const alias of fieldMeta(fieldSchema)?.alias ?? []) spellings.set(alias, key);
  }
  return spellings;
}

/** Every key spelling anywhere in a schema tree (for the full-width colon scan). */
export function allKeySpellings(schema: AnySchema): Set<string> {
  let cached = allSpellingCache.get(schema);
  if (!cached) {
    cached = collectSpellings(schema, new Set(), new Set());
    allSpellingCache.set(schema, cached);
  }
  return cached;
}

function collectSpellings(schema: AnySchema, into: Set<string>, seen: Set<unknown>): Set<string> {
  const base = baseSchema(schema);
  if (seen.has(base)) return into;
  seen.add(base);
  const def = defOf(base);
  if (def.type === 'object') {
    for (const [spelling] of keySpellings(base)) into.add(spelling);
    for (const child of Object.values(def.shape as Record<string, AnySchema>)) collectSpellings(child, into, seen);
  } else if (def.type === 'array') collectSpellings(def.element as AnySchema, into, seen);
  else if (def.type === 'record') collectSpellings(def.valueType as AnySchema, into, seen);
  return into;
}

const YAML_ERRORS: Record<string, string> = {
  BAD_INDENT: '缩进不一致：同一层的键要对齐，子项比上一层多缩进两个空格',
  BAD_SCALAR_START: '值的开头有特殊字符：请把整个值用英文引号括起来',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不对：每个键后面要有英文冒号和空格',
  MULTILINE_IMPLICIT_KEY: '键不能跨行：检查上一行是否少了冒号或引号',
  MISSING_CHAR: '缺少字符：检查引号、方括号或花括号是否成对',
  MULTIPLE_ANCHORS: '一个值上有多个锚点',
  MULTIPLE_DOCS: '一个文件里只能有一份 YAML 文档（不要再写 ---）',
  UNEXPECTED_TOKEN: '此处有无法识别的内容：检查冒号、引号和缩进',
  BAD_DQ_ESCAPE: '双引号中的转义写法不对',
  KEY_OVER_1024_CHARS: '键太长',
  DUPLICATE_KEY: '重复的键',
  TAB_AS_INDENT: '用制表符（Tab）缩进了：YAML 只能用空格缩进',
  IMPOSSIBLE: 'YAML 语法错误',
};

const FULL_WIDTH_KEY = /^(\s*(?:-\s+)?)([^\s:：#'"[\]{}]+?)\s*：/;

/**
 * Parse YAML `text` and validate it with `schema`.
 * Positions in diagnostics are file positions (`firstLine` applied).
 *
 * Speed: most files are clean, so a fast parser (js-yaml) tries first and
 * positions are computed only when something asks for one. Anything the fast
 * path does not accept outright — a parse error, an unknown key, a schema
 * failure, a tab or a full-width colon — goes through the precise path
 * (the `yaml` library with source positions), which alone decides every
 * diagnostic. Tests check that both paths agree on the data.
 */
export function parseYaml<S extends AnySchema>(source: YamlSource, schema: S): ParsedYaml<z.output<S>> {
  // Lines of `key: value` (flat-yaml.ts), most front matter, need no parser at all.
  const flat = flatMapping(source.text);
  // Both parsers recurse once per level: a document nested past the bounds is reported, not parsed.
  const problem = flat ? undefined : yamlStructureProblem(source.text);
  if (problem)
    return tooDeep(
      source,
      { line: source.firstLine + problem.line, column: problem.column },
      problem.message,
      problem.hint,
    );
  try {
    return fastPath(source, schema, flat) ?? parseYamlPrecisely(source, schema);
  } catch (error) {
    // Nesting the scan does not see (the parser's stack ran out): the same report, at the document's start.
    if (!(error instanceof RangeError)) throw error;
    return tooDeep(
      source,
      { line: source.firstLine, column: 1 },
      'YAML 嵌套过深，无法解析',
      '前置信息和设置文件一般只有两三层：删去多余的 [ { - 或缩进',
    );
  }
}

function tooDeep<T>(source: YamlSource, at: Position, message: string, hint: string): ParsedYaml<T> {
  return {
    data: undefined,
    diagnostics: [diagnostic('yaml/too-deep', source.file, at, message, { hint })],
    positions: new PositionIndex(at),
    fullWidthColons: [],
  };
}

/** The fast path: data when the document is plainly valid, else undefined. */
export function parseYamlFast<S extends AnySchema>(source: YamlSource, schema: S): ParsedYaml<z.output<S>> | undefined {
  return fastPath(source, schema, flatMapping(source.text));
}

/** The fast path, given the document's flat mapping (flat-yaml.ts), or undefined when it is not one. */
function fastPath<S extends AnySchema>(
  source: YamlSource,
  schema: S,
  flat: Record<string, unknown> | undefined,
): ParsedYaml<z.output<S>> | undefined {
  let raw: unknown = flat;
  if (raw === undefined) {
    if (!fastPathEligible(source.text)) return undefined;
    try {
      raw = jsyaml.load(source.text, { schema: jsyaml.CORE_SCHEMA });
    } catch {
      return undefined;
    }
  }
  const normalised = normalisePlain(raw, schema);
  if (normalised === FAILED) return undefined;
  const result = schema.safeParse(normalised);
  if (!result.success) return undefined;
  const start = { line: source.firstLine, column: 1 };
  return {
    data: result.data,
    diagnostics: [],
    positions: PositionIndex.lazy(start, () => parseYamlPrecisely(source, schema).positions),
    fullWidthColons: [],
  };
}

/**
 * Text the fast parser may take: js-yaml is more lenient than the `yaml`
 * library about comments glued to values, flow collections across lines and
 * anchors/tags/block scalars, so those (rare in front matter) go to the precise path; so do tabs and
 * full-width colons, which it must diagnose.
 */
function fastPathEligible(text: string): boolean {
  if (text.includes('\t') || text.includes('：') || text.includes('#')) return false;
  // Anchors, aliases, tags, block scalars, directives, explicit keys: rare here, leave them to the precise parser.
  if (/(?:^|[:\-[{,?]\s*)[&*!|>%@`?]/m.test(text)) return false;
  for (const line of text.split('\n')) {
    let depth = 0;
    for (const char of line) {
      if (char === '[' || char === '{') depth++;
      else if (char === ']' || char === '}') depth--;
    }
    if (depth !== 0) return false;
  }
  return true;
}

const FAILED = Symbol('failed');

/** Rename aliased keys on plain data; FAILED on an unknown or doubled key. */
function normalisePlain(value: unknown, schema: AnySchema | undefined): unknown {
  if (Array.isArray(value)) {
    const base = schema ? baseSchema(schema) : undefined;
    const element = base && schemaKind(base) === 'array' ? (defOf(base).element as AnySchema) : undefined;
    const out: unknown[] = [];
    for (const item of value) {
      const normalised = normalisePlain(item, element);
      if (normalised === FAILED) return FAILED;
      out.push(normalised);
    }
    return out;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const kind = schema ? schemaKind(schema) : 'unknown';
  const base = schema ? baseSchema(schema) : undefined;
  const out: Record<string, unknown> = {};
  if (kind === 'object' && base) {
    const spellings = keySpellings(base);
    const shape = defOf(base).shape as Record<string, AnySchema>;
    for (const [written, child] of Object.entries(value as Record<string, unknown>)) {
      const key = spellings.get(written);
      if (!key || key in out) return FAILED;
      const normalised = normalisePlain(child, shape[key]);
      if (normalised === FAILED) return FAILED;
      out[key] = normalised;
    }
    return out;
  }
  const valueSchema = kind === 'record' && base ? (defOf(base).valueType as AnySchema) : undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const normalised = normalisePlain(child, valueSchema);
    if (normalised === FAILED) return FAILED;
    out[key] = normalised;
  }
  return out;
}

/** The precise path: the `yaml` library with positions; the source of every YAML diagnostic. */
export function parseYamlPrecisely<S extends AnySchema>(source: YamlSource, schema: S): ParsedYaml<z.output<S>> {
  const diagnostics: Diagnostic[] = [];
  const fullWidthColons: Position[] = [];
  const { file, firstLine } = source;
  const toFile = (line: number, column: number): Position => ({ line: line + firstLine - 1, column });
  const positions = new PositionIndex(toFile(1, 1));

  // Pre-scan: full-width colons after a known key, and tab indentation.
  const known = allKeySpellings(schema);
  const tabLines = new Set<number>();
  const lines = source.text.split('\n');
  lines.forEach((line, index) => {
    const leading = /^[ \t]*/.exec(line)![0];
    if (leading.includes('\t')) {
      tabLines.add(index + 1);
      diagnostics.push(
        diagnostic('yaml/tab', file, toFile(index + 1, leading.indexOf('\t') + 1), 'YAML 中用制表符（Tab）缩进了', {
          hint: '把行首的制表符换成空格（每层两个空格）',
        }),
      );
    }
    const match = FULL_WIDTH_KEY.exec(line);
    if (match && known.has(match[2]!) && !line.slice(0, match[0].length).includes(':')) {
      const column = match[0].length; // the colon is the last matched character
      const position = toFile(index + 1, column);
      fullWidthColons.push(position);
      diagnostics.push(
        diagnostic('yaml/fullwidth-colon', file, position, `键「${match[2]}」后面用了全角冒号「：」`, {
          hint: '改为英文冒号加空格「: 」，或运行 jianbao check --fix',
          fixable: true,
        }),
      );
      const rest = line.slice(column);
      lines[index] = `${line.slice(0, column - 1)}:${rest.startsWith(' ') ? '' : ' '}${rest}`;
    }
  });
  const text = lines.join('\n');

  const lineCounter = new LineCounter();
  // uniqueKeys is checked here in linear time: the library compares every pair of keys (100,000 keys: minutes).
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const posOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return toFile(line, col);
  };
  // One mistake can derail the parser for the rest of the document: the first few errors are the ones to fix.
  for (const error of [...document.errors, ...duplicateKeys(document)].slice(0, MAX_SYNTAX_ERRORS)) {
    const { line } = lineCounter.linePos(error.pos[0]);
    if (error.code === 'TAB_AS_INDENT' && tabLines.has(line)) continue;
    const rule: RuleId =
      error.code === 'DUPLICATE_KEY'
        ? 'yaml/duplicate-key'
        : error.code === 'TAB_AS_INDENT'
          ? 'yaml/tab'
          : 'yaml/syntax';
    const onLine = text.split('\n')[line - 1] ?? '';
    let offset = error.pos[0];
    let message = YAML_ERRORS[error.code] ?? 'YAML 语法错误';
    const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
    if (quote) {
      // Point at the opening quote, not where the parser gave up.
      const opening = openingQuote(text, error.pos[0], quote);
      if (opening !== undefined) offset = opening;
      message = `引号 ${quote} 没有闭合`;
    }
    if (rule === 'yaml/duplicate-key') {
      const key = /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(onLine)?.[1];
      if (key) message = `重复的键「${key}」`;
    }
    diagnostics.push(
      diagnostic(rule, file, posOf(offset), message, {
        hint:
          rule === 'yaml/duplicate-key'
            ? '删除或合并重复的那一行'
            : onLine.includes('：')
              ? '此行有全角冒号「：」：键后面要用英文冒号加空格「: 」'
              : '对照示例检查此处的缩进、冒号和引号',
      }),
    );
  }
  if (diagnostics.some((d) => d.severity === 'error' && d.rule !== 'yaml/fullwidth-colon')) {
    return { data: undefined, diagnostics, positions, fullWidthColons };
  }

  const contents = document.contents as YamlNode | null;
  if (contents?.range) positions.setValue([], posOf(contents.range[0]));
  const misspelt = new Set<string>();
  const raw = normalise(contents, schema, [], { file, text, positions, posOf, diagnostics, misspelt });
  const result = schema.safeParse(raw, { reportInput: true, error: (issue) => zodIssueMessage(issue) });
  if (result.success) return { data: result.data, diagnostics, positions, fullWidthColons };
  for (const issue of result.error.issues) {
    // A key missing because it was misspelt (栏木: for 栏目:) has one cause, already reported as 未知的键 → 是不是「栏目」.
    const absent = !('input' in issue) || issue.input === undefined;
    if (absent && misspelt.has(pathKey(issue.path))) continue;
    diagnostics.push(issueDiagnostic(issue, file, positions, schema));
  }
  return { data: undefined, diagnostics, positions, fullWidthColons };
}

/** YAML errors reported per document. */
const MAX_SYNTAX_ERRORS = 20;

/** A key written twice in one mapping, found with one set per mapping (what the library's uniqueKeys reports, in linear time). */
function duplicateKeys(document: Document): { code: 'DUPLICATE_KEY'; pos: [number, number]; message: string }[] {
  const found: { code: 'DUPLICATE_KEY'; pos: [number, number]; message: string }[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as YamlNode | null;
        const identity = isScalar(key) ? key.value : key;
        if (seen.has(identity) && key?.range)
          found.push({ code: 'DUPLICATE_KEY', pos: [key.range[0], key.range[1]], message: 'Map keys must be unique' });
        seen.add(identity);
      }
    },
  });
  return found;
}

/** Offset of the quote that opened the unterminated scalar ending at `end`. */
function openingQuote(text: string, end: number, quote: string): number | undefined {
  const before = text.slice(0, end);
  const pattern = quote === '"' ? /(?:^|[:\-[{,]\s*)(")/gm : /(?:^|[:\-[{,]\s*)(')/gm;
  let found: number | undefined;
  for (const match of before.matchAll(pattern)) {
    const at = match.index + match[0].length - 1;
    const rest = before.slice(at + 1);
    if (!rest.includes(quote)) {
      found = at;
      break;
    }
  }
  return found;
}

interface WalkContext {
  file: string;
  /** The document's text (after the full-width colon repair), for quoting what was written. */
  text: string;
  positions: PositionIndex;
  posOf: (offset: number) => Position;
  diagnostics: Diagnostic[];
  /** Paths (pathKey) of keys an unknown key was taken for: `栏木` → `section`. */
  misspelt?: Set<string>;
}

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('\0');
}

/** Walk the YAML tree alongside the schema: rename aliased keys, record positions, flag unknown keys. */
function normalise(
  node: YamlNode | null | undefined,
  schema: AnySchema | undefined,
  path: PropertyKey[],
  context: WalkContext,
): unknown {
  if (node === null || node === undefined) return undefined;
  if (node.range) context.positions.setValue(path, context.posOf(node.range[0]));
  const kind = schema ? schemaKind(schema) : 'unknown';
  const base = schema ? baseSchema(schema) : undefined;
  if (isMap(node)) {
    const spellings = kind === 'object' && base ? keySpellings(base) : undefined;
    const shape = kind === 'object' && base ? (defOf(base).shape as Record<string, AnySchema>) : undefined;
    const valueSchema = kind === 'record' && base ? (defOf(base).valueType as AnySchema) : undefined;
    const out: Record<string, unknown> = {};
    const seen = new Map<string, string>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      // A key may be any YAML value (a list, a mapping, nothing): quoted as the clerk wrote it (converting it would cost quadratic time).
      const written =
        (isScalar(keyNode)
          ? quotedValue(keyNode.value)
          : keyNode?.range
            ? quotedValue(context.text.slice(keyNode.range[0], keyNode.range[1]).trim())
            : undefined) || '（空）';
      const keyPosition = keyNode?.range ? context.posOf(keyNode.range[0]) : context.positions.at(path);
      let key = written;
      let childSchema: AnySchema | undefined = valueSchema;
      if (spellings && shape) {
        const canonical = spellings.get(written) ?? spellings.get(written.trim());
        if (!canonical) {
          const suggestion = didYouMean(written, spellings.keys());
          const meant = suggestion === undefined ? undefined : spellings.get(suggestion);
          if (
            meant !== undefined &&
            !node.items.some(
              (other) =>
                other !== pair && spellings.get(String(isScalar(other.key) ? other.key.value : other.key)) === meant,
            )
          ) {
            context.misspelt?.add(pathKey([...path, meant]));
          }
          context.diagnostics.push(
            diagnostic('schema/unknown-key', context.file, keyPosition, `未知的键「${written}」`, {
              hint: suggestion
                ? `是不是「${suggestion}」？`
                : `可用的键：${[...new Set(spellings.values())].join('、')}`,
              ...(suggestion ? { suggestion } : {}),
            }),
          );
          continue;
        }
        const earlier = seen.get(canonical);
        if (earlier !== undefined) {
          context.diagnostics.push(
            diagnostic(
              'schema/duplicate-key',
              context.file,
              keyPosition,
              `「${written}」与前面的「${earlier}」是同一个键`,
              {
                hint: '只保留一个（中文键和英文键不能同时写）',
              },
            ),
          );
          continue;
        }
        seen.set(canonical, written);
        key = canonical;
        childSchema = shape[canonical];
      }
      context.positions.setKey([...path, key], keyPosition, written);
      out[key] = normalise(pair.value as YamlNode | null, childSchema, [...path, key], context);
      if (pair.value === null || pair.value === undefined) context.positions.setValue([...path, key], keyPosition);
    }
    return out;
  }
  if (isSeq(node)) {
    let element: AnySchema | undefined;
    if (kind === 'array' && base) element = defOf(base).element as AnySchema;
    return node.items.map((item, index) => normalise(item as YamlNode, element, [...path, index], context));
  }
  if (isScalar(node)) return node.value;
  return (node as { toJSON?: () => unknown }).toJSON?.();
}

/** Convert one zod issue to a diagnostic at the right place. */
function issueDiagnostic(
  issue: z.core.$ZodIssue,
  file: string,
  positions: PositionIndex,
  schema: AnySchema,
): Diagnostic {
  const path = issue.path;
  const params = (issue as { params?: { rule?: RuleId } }).params;
  // With reportInput, a key that is absent has no `input` at all.
  // An absent key whose schema is an enum or a custom check reports no invalid_type: it is still missing, not 「undefined」.
  const absent = !('input' in issue) || issue.input === undefined;
  const missing = absent && (issue.code === 'invalid_type' || positions.writtenKey(path) === undefined);
  const rule: RuleId = params?.rule ?? (missing ? 'schema/required' : 'schema/invalid');
  const lastKey = [...path].reverse().find((part): part is string => typeof part === 'string');
  const written = positions.writtenKey(path) ?? lastKey;
  const where = written && !missing && issue.code !== 'custom' && !issue.message.includes('「') ? `「${written}」` : '';
  let message = issue.message;
  let hint: string | undefined;
  if (missing && path.length === 0) {
    // Nothing at all (an empty front matter `---` `---`, or a file of only comments): name what has to be written.
    const required = requiredKeys(schema);
    message = required.length ? `内容是空的，缺少必填项：${required.join('、')}` : '内容是空的';
    if (required.length) hint = `写上 ${required.map((key) => `${key.split('（')[0]}: …`).join('、')}`;
  } else if (missing && lastKey) {
    const alias = fieldAt(schema, path)?.alias?.[0];
    const name = alias ? `${alias}（${lastKey}）` : lastKey;
    message = `缺少必填项「${name}」`;
    hint = `加一行 ${alias ?? lastKey}: …`;
  } else {
    const numeric = numberProblem(issue);
    if (numeric) {
      hint = numeric.hint;
      // The schemas word the number's kind (印数应为整数); beyond the safe range that wording would be wrong.
      if (numeric.message) message = `${fieldAt(schema, path)?.label ?? ''}${numeric.message}`;
    }
    if (where) message = `${where}${message}`;
  }
  return diagnostic(rule, file, positions.at(path), message, hint ? { hint } : {});
}

/**
 * What to write instead, for a number field given something else: a word,
 * a fraction, a number out of range, or one too long to be a count.
 */
function numberProblem(issue: z.core.$ZodIssue): { hint: string; message?: string } | undefined {
  const written = 'input' in issue ? quotedValue(issue.input) : undefined;
  const was = written === undefined ? '' : `（现在写的是「${written}」）`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { hint: `写整数，不带小数${was}` };
      if (issue.expected === 'number') return { hint: `写阿拉伯数字，不加引号和单位${was}` };
      return undefined;
    case 'too_small':
      if (issue.origin !== 'number' && issue.origin !== 'int') return undefined;
      return { hint: `写${issue.inclusive ? '不小于' : '大于'} ${String(issue.minimum)} 的数${was}` };
    case 'too_big':
      if (issue.origin !== 'number' && issue.origin !== 'int') return undefined;
      if (issue.maximum === Number.MAX_SAFE_INTEGER) return { message: '的数字位数太多', hint: '核对是否多打了数字' };
      return { hint: `写${issue.inclusive ? '不大于' : '小于'} ${String(issue.maximum)} 的数${was}` };
    default:
      return undefined;
  }
}

/** The keys an object schema cannot do without, as 栏目（section）. */
function requiredKeys(schema: AnySchema): string[] {
  const def = defOf(baseSchema(schema));
  if (def.type !== 'object') return [];
  return Object.entries(def.shape as Record<string, AnySchema>)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key, field]) => {
      const alias = fieldMeta(field)?.alias?.[0];
      return alias ? `${alias}（${key}）` : key;
    });
}

/** The metadata of the field a path points to, if any. */
function fieldAt(schema: AnySchema, path: readonly PropertyKey[]) {
  let current: AnySchema | undefined = schema;
  let meta;
  for (const part of path) {
    if (!current) return undefined;
    const def = defOf(baseSchema(current));
    if (typeof part === 'number') current = def.type === 'array' ? (def.element as AnySchema) : undefined;
    else if (def.type === 'object') current = (def.shape as Record<string, AnySchema>)[String(part)];
    else if (def.type === 'record') current = def.valueType as AnySchema;
    else current = undefined;
    meta = current ? fieldMeta(current) : undefined;
  }
  return meta;
}
