/**
 * Phrase-first ordering of full-text search results, run in the reader's
 * browser by the search page (components/search/client.ts); no DOM here.
 *
 * Pagefind segments Chinese into words when it indexes and again when it
 * searches, and ranks pages by how often and how heavily those words occur:
 * a page that says 隐患排查 once ranks below pages that say 隐患 and 排查
 * often, apart. Its own exact search ("…" in quotes) matches word positions,
 * so it misses a phrase wherever the index cut the text differently (of 159
 * random 2–8 character pieces of the sample content, 88 found nothing quoted;
 * unquoted, every page holding each piece was among the results). So the search
 * page asks Pagefind without quotes, then orders the first RERANK_WINDOW
 * results by what their text actually holds:
 *
 *   0. the whole query, contiguous (spaces, quote marks and case ignored);
 *   1. every part of it (split at spaces and quote marks), each contiguous;
 *   2. the rest.
 *
 * Within a tier Pagefind's order stands; results after the window follow in
 * Pagefind's order.
 */

/** How many of Pagefind's first results are read and reordered. */
export const RERANK_WINDOW = 30;

/** Quote marks a reader may put around a phrase: ASCII, Chinese curly and corner quotes. */
const QUOTES = /["'“”‘’「」『』]/g;
/** What separates words in a query and in Pagefind's text: white space and Pagefind's zero-width spaces. */
const SPACE = /[\s\u200b]+/g;

/** Text as compared: lower case, without white space, zero-width spaces or quote marks. */
export function compact(text: string): string {
  return text.replace(QUOTES, '').replace(SPACE, '').toLowerCase();
}

export interface SearchQuery {
  /** What Pagefind is asked: the query without quote marks. */
  term: string;
  /** The whole query, compacted. */
  phrase: string;
  /** Its parts (quoted phrases, or runs between spaces), compacted, longest first. */
  parts: string[];
}

export function parseQuery(query: string): SearchQuery {
  const parts: string[] = [];
  const rest = query.replace(/["“「『]([^"”」』]*)["”」』]/g, (_, quoted: string) => {
    parts.push(compact(quoted));
    return ' ';
  });
  for (const word of rest.split(SPACE)) parts.push(compact(word));
  const unique = [...new Set(parts.filter((part) => part.length > 0))].sort((a, b) => b.length - a.length);
  return { term: query.replace(QUOTES, ' ').replace(SPACE, ' ').trim(), phrase: compact(query), parts: unique };
}

/** 0: the whole phrase occurs; 1: every part occurs; 2: neither (see the module comment). */
export function phraseTier(text: string, query: SearchQuery): 0 | 1 | 2 {
  const content = compact(text);
  if (query.phrase.length > 0 && content.includes(query.phrase)) return 0;
  if (query.parts.length > 1 && query.parts.every((part) => content.includes(part))) return 1;
  return 2;
}

/** Results in phrase order: tiers first, Pagefind's order within a tier (a stable sort). */
export function byPhrase<T>(results: readonly T[], text: (result: T) => string, query: SearchQuery): T[] {
  return results
    .map((result, index) => ({ result, index, tier: phraseTier(text(result), query) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map((item) => item.result);
}

/** A run of an excerpt: plain text, marked (a query part) or not. */
export interface ExcerptRun {
  text: string;
  mark: boolean;
}

/**
 * An excerpt around the first occurrence of the phrase (or of its longest
 * part that occurs) in a page's text, from the start of its clause when that is near,
 * the query's parts marked; undefined when neither occurs. `before` and
 * `after` count characters of the text shown.
 */
export function phraseExcerpt(text: string, query: SearchQuery, before = 24, after = 72): ExcerptRun[] | undefined {
  const shown = text.replace(/\u200b/g, '').replace(/\s+/g, ' ');
  // Every character kept in the compacted text, and where it is in `shown`.
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < shown.length; i++) {
    const char = compact(shown[i]!);
    if (!char) continue;
    folded += char;
    for (let k = 0; k < char.length; k++) at.push(i);
  }
  // The phrase; else the longest part that occurs, the earliest of equally long ones.
  const found = [query.phrase, ...query.parts]
    .map((part) => ({ part, from: part ? folded.indexOf(part) : -1 }))
    .filter((candidate) => candidate.from !== -1);
  const target =
    found.find((candidate) => candidate.part === query.phrase) ??
    found.sort((a, b) => b.part.length - a.part.length || a.from - b.from)[0];
  if (!target) return undefined;
  const hit = at[target.from]!;
  // From the text's start when it is in reach, else after the last punctuation mark in reach: a clause, not half a word.
  const reach = shown.slice(Math.max(0, hit - before), hit);
  const clause = Math.max(...[...'。！？；，、：） '].map((mark) => reach.lastIndexOf(mark)));
  const start = hit <= before ? 0 : clause === -1 ? hit - before : hit - reach.length + clause + 1;
  const end = Math.min(shown.length, hit + after);
  // Every occurrence of the phrase or a part that reaches into the window is marked.
  const marked = new Array<boolean>(end - start).fill(false);
  for (const part of new Set([query.phrase, ...query.parts])) {
    if (!part) continue;
    for (let from = folded.indexOf(part); from !== -1; from = folded.indexOf(part, from + part.length)) {
      const first = at[from]!;
      const last = at[from + part.length - 1]!;
      if (first >= end) break;
      for (let i = Math.max(first, start); i <= Math.min(last, end - 1); i++) marked[i - start] = true;
    }
  }
  const runs: ExcerptRun[] = [];
  const add = (text: string, mark: boolean) => {
    const last = runs[runs.length - 1];
    if (last && last.mark === mark) last.text += text;
    else runs.push({ text, mark });
  };
  if (start > 0) add('…', false);
  for (let i = start; i < end; i++) add(shown[i]!, marked[i - start]!);
  if (end < shown.length) add('…', false);
  return runs;
}
