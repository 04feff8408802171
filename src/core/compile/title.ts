/**
 * Where a title may break. A title is set centred on one or more lines; the
 * browser balances the lines (CSS `text-wrap: balance`) but may break only
 * where this module allows (`<wbr>` between words, `word-break: keep-all`),
 * so a line never ends inside a word (…走进东 / 城街道).
 *
 * The clerk forces a break as a Word user would: a line break in the title
 * (YAML `|`) or a `｜`. Inside a line, words come from the ICU word breaker
 * (Intl.Segmenter), made safer for Chinese: never next to a single character
 * (it splits 东城 into 东|城), never inside a name the content knows (units,
 * their aliases, leaders) or a short quotation, never before closing or
 * after opening punctuation.
 */

/** Characters a clerk uses to force a line break in a title. */
const FORCED_BREAK = /\r?\n|｜/;
const OPENING = /[“‘（《〈【〔「『([·]$/u;
const CLOSING = /^[”’）》〉】〕」』)\]，。、；：！？,.;:!?…—·]/u;
const HAN = /^\p{Script=Han}$/u;
const SHORT_QUOTE = /“[^”]{1,8}”|‘[^’]{1,8}’|《[^》]{1,12}》/gu;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The title as one line of text, without forced breaks (for lists, feeds, search). */
export function plainTitle(title: string): string {
  return title
    .split(FORCED_BREAK)
    .map((line) => line.trim())
    .join('');
}

/**
 * The lines of a title (split where the clerk forced a break), each as the
 * words between which it may break. `keep`: names never to break inside.
 */
export function titleLines(title: string, keep: Iterable<string> = []): string[][] {
  const names = [...new Set(keep)].filter((name) => [...name].length > 1);
  return title
    .split(FORCED_BREAK)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => lineWords(line, names));
}

function lineWords(line: string, names: string[]): string[] {
  const segments = [...segmenter.segment(line)].map((part) => part.segment);
  // Offsets (in UTF-16 units) inside a known name: no break there.
  const protectedAt = new Set<number>();
  // A short quoted phrase (“隐患随手拍”, 《安全生产法》) stays on one line too.
  for (const quoted of line.matchAll(SHORT_QUOTE)) {
    for (let inside = quoted.index + 1; inside < quoted.index + quoted[0].length; inside++) protectedAt.add(inside);
  }
  for (const name of names) {
    for (let at = line.indexOf(name); at !== -1; at = line.indexOf(name, at + 1)) {
      for (let inside = at + 1; inside < at + name.length; inside++) protectedAt.add(inside);
    }
  }
  const words: string[] = [];
  let offset = 0;
  segments.forEach((segment, index) => {
    const previous = segments[index - 1];
    const breakable =
      previous !== undefined &&
      !single(previous) &&
      !single(segment) &&
      !OPENING.test(previous) &&
      !CLOSING.test(segment) &&
      !protectedAt.has(offset);
    if (breakable || words.length === 0) words.push(segment);
    else words[words.length - 1] += segment;
    offset += segment.length;
  });
  return words;
}

/** A lone Han character: ICU often cuts words into these (东|城), so no break beside one. */
function single(segment: string): boolean {
  return HAN.test(segment);
}
