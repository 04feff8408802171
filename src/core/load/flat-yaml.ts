/**
 * The front matter nearly every entry has — one `key: value` per line, each
 * value a plain string or a one-line list of them (`people: [周正宇]`) — read without a YAML parser: over ten years of
 * entries js-yaml took a quarter of a second for what is, line by line, a
 * split at the first colon. Anything else is left to the parsers
 * (undefined): a line that is not `key: value` at the margin, a value that
 * YAML's core schema reads as something other than a string (null, a
 * boolean, a number), a value starting with an indicator or holding a
 * bracket, a colon, a comment or a tab, a doubled key, a full-width colon,
 * a control character. Only spaces are trimmed around a value, as YAML
 * does: a full-width space (U+3000) is part of it.
 * What it gives is exactly what js-yaml gives with the core schema; a test
 * compares the two over many generated documents.
 */

/** A key: a letter or CJK character, then letters, digits, CJK, `_` or `-` (the schema's keys and aliases). */
const KEY = /^[A-Za-z\u3400-\u9fff][\w\u3400-\u9fff-]*$/;
/**
 * A value taken as a string: it starts with a character that opens nothing
 * in YAML, holds no character that may end, nest or comment a plain
 * scalar, and does not end with a colon.
 */
const PLAIN_STRING = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:[\]{}#\t]*$/;
/** Plain scalars YAML's core schema resolves to another type, and more (a superset: these go to the parser). */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?0[bBoOxX][0-9a-fA-F_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Characters that make the text not plainly YAML: controls (tab and CR
 * included), DEL and C1 (which YAML refuses in a stream or reads as a line
 * break), the byte order mark and noncharacters, lone surrogates.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_PLAIN_TEXT = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|\p{Cs}/u;

/**
 * White space as YAML has it around a value: spaces (tabs never get here).
 * Not String.prototype.trim, which also takes U+3000, U+00A0 and more that
 * YAML keeps as part of the value.
 */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A one-line list: brackets around items separated by commas (each item then taken as a value is). */
const FLOW_LIST = /^\[([^[\]]*)\]$/;

/** A value as a string or a list of strings, or undefined when it is not plainly one. */
function plainValue(value: string): string | string[] | undefined {
  const list = FLOW_LIST.exec(value);
  if (!list) return PLAIN_STRING.test(value) && !NOT_A_STRING.test(value) ? value : undefined;
  if (trimSpaces(list[1]!) === '') return [];
  const items: string[] = [];
  for (const part of list[1]!.split(',')) {
    const item = trimSpaces(part);
    if (!PLAIN_STRING.test(item) || NOT_A_STRING.test(item)) return undefined;
    items.push(item);
  }
  return items;
}

/** The mapping of a flat front matter, or undefined when it is not plainly one. */
export function flatMapping(text: string): Record<string, string | string[]> | undefined {
  // A full-width colon anywhere is diagnosed by the precise parser (fixable).
  if (text.includes('：') || NOT_PLAIN_TEXT.test(text)) return undefined;
  const data: Record<string, string | string[]> = {};
  let keys = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    const colon = line.indexOf(': ');
    if (colon <= 0) return undefined;
    const key = line.slice(0, colon);
    const value = trimSpaces(line.slice(colon + 2));
    if (!KEY.test(key) || key === '__proto__' || Object.hasOwn(data, key)) return undefined;
    const plain = plainValue(value);
    if (plain === undefined) return undefined;
    data[key] = plain;
    keys++;
  }
  return keys > 0 ? data : undefined;
}
