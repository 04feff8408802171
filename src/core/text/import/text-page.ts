/**
 * Plain text as clerks paste it from a web page or a WeChat post: one
 * paragraph a line, with the page's chrome around the article. The header
 * (breadcrumbs, a lone column name, the title, metadata) is read from the
 * top: the title is the first title-like line after the chrome. Chrome and
 * metadata lines go wherever they are (the shared rules of chrome.ts), the
 * page's tail (相关链接, 阅读下一篇…) goes from its first line on, photo
 * file names go with the caption under them. Every removal is recorded.
 */
import type { Removed } from './html.ts';
import { CAPTION, CHROME_KINDS, chromeKind, isColumnName, metadataDate, stripBylines } from './chrome.ts';
import { MARKER } from '../rules/conversion-debris.ts';
import { looksLikeTitle } from './markdown.ts';

export interface CleanedText {
  /** The article's paragraphs, one per line. */
  lines: string[];
  title: string | undefined;
  /** The publication date the page's metadata states, ISO. */
  pageDate: string | undefined;
  removed: Removed[];
}

const EDGE_SPACE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;
/** A gap made with tabs or several spaces, as in a sign-off 白沙镇党委政府    2025年12月8日. */
const GAP = /\t+|[ \u3000\u00a0]{2,}/;
const SIGN_OFF_DATE =
  /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/;

/** A removed line as the report quotes it: spaces collapsed, at most `length` characters. */
export function shorten(text: string, length = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}

/** A sign-off line keeps its unit and its date apart: two lines. */
export function splitSignOff(line: string): string[] {
  const parts = line.split(GAP);
  if (parts.length === 2 && parts[0] && SIGN_OFF_DATE.test(parts[1]!) && !/[。，；！？]/.test(parts[0])) return parts;
  return [line];
}

/** Converter markers ([bookmark: _Hlk…]) go before the text becomes Markdown (which would escape their brackets). */
export function removeMarkers(text: string, removed: Removed[]): string {
  return text.replace(new RegExp(MARKER.source, 'gi'), (marker) => {
    removed.push({ kind: '书签', text: marker });
    return '';
  });
}

export function cleanTextPage(text: string): CleanedText {
  const removed: Removed[] = [];
  const unmarked = removeMarkers(text, removed);
  const lines = unmarked
    .split('\n')
    .flatMap((line) => splitSignOff(line.replace(EDGE_SPACE, '')))
    .map((line) => line.replace(EDGE_SPACE, ''))
    .filter(Boolean);
  const page = cleanPageItems(
    lines,
    (line) => line,
    (line, found) => stripBylines(line, found) || undefined,
  );
  return { lines: page.kept, title: page.title, pageDate: page.pageDate, removed: [...removed, ...page.removed] };
}

/**
 * The header, chrome and tail rules over any sequence of items (text lines,
 * or a Word file's paragraphs): `textOf` gives an item's text, undefined for
 * what is not text (a photo, a table: article content); `strip` removes
 * bylines glued to an item's text and returns what is left (undefined when
 * nothing is).
 */
export function cleanPageItems<T>(
  items: T[],
  textOf: (item: T) => string | undefined,
  strip: (item: T, removed: Removed[]) => T | undefined,
  /** A title known from elsewhere (a web page's h1): no line is taken as the title, repeats of it go. */
  knownTitle?: string,
): { kept: T[]; title: string | undefined; pageDate: string | undefined; removed: Removed[] } {
  const removed: Removed[] = [];
  const kept: T[] = [];
  let title: string | undefined = knownTitle;
  let pageDate: string | undefined;
  let inBody = false;
  const drop = (kind: string, line: string) => removed.push({ kind, text: shorten(line) });
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const line = textOf(item);
    // A date alone on a line under the article is its sign-off, not page metadata.
    const kind = line === undefined || (inBody && SIGN_OFF_DATE.test(line)) ? undefined : chromeKind(line);
    if (kind === CHROME_KINDS.tail && (inBody || kept.length > 0)) {
      // The rest of the page is its tail: related links, next article, footer.
      for (const rest of items.slice(i)) drop(CHROME_KINDS.tail, textOf(rest) ?? '');
      break;
    }
    if (kind && line !== undefined) {
      if (kind === CHROME_KINDS.metadata) pageDate ??= metadataDate(line);
      drop(kind, line);
      const next = items[i + 1] === undefined ? undefined : textOf(items[i + 1]!);
      if (kind === CHROME_KINDS.imageFile && next && CAPTION.test(next)) {
        drop(CHROME_KINDS.caption, next);
        i++;
      }
      continue;
    }
    if (!inBody && line !== undefined) {
      if (title === undefined && isColumnName(line)) {
        drop(CHROME_KINDS.column, line);
        continue;
      }
      if (title !== undefined && line === title) {
        drop(CHROME_KINDS.title, line);
        continue;
      }
      if (title === undefined && looksLikeTitle(line)) {
        title = line;
        continue;
      }
    }
    inBody = true;
    const left = strip(item, removed);
    if (left !== undefined) kept.push(left);
  }
  return { kept, title: knownTitle === undefined ? title : undefined, pageDate, removed };
}
