/**
 * Where the text of an issue's document ends, estimated on the grid: page
 * and grid lines used on it, and the grid lines the 版记 takes. Printed
 * two-sided, the 版记 must be on an even page (the last side of a sheet); the
 * document can say so to Word for good only with an even-page section break
 * (document.ts), which costs a sheet when the 版记 would have fitted under
 * text that ends on an even page. This estimate decides that one case.
 *
 * It reads the document part the docx package wrote: every line of every
 * style is on the grid (styles.ts: exact multiples of the line pitch), so a
 * paragraph takes as many grid lines as its text needs at its style's
 * characters a line (full-width characters 1, half-width ½; the first-line
 * indent of 正文), a figure as many as its height needs, a table its rows at
 * the table line height. Pages break as Word and LibreOffice break them:
 * widow and orphan control (2 lines), headings kept with the next
 * paragraph, figures and headings never split.
 */
import { ARTICLE_TITLE_CHARS, CHARS_PER_LINE, COLOPHON, LINE_PITCH, LINES_PER_PAGE, mm, pt, TYPE_AREA } from './measure.ts';
import { COLOPHON_LINE } from './styles.ts';

export interface TextEnd {
  /** 1-based page the text ends on. */
  page: number;
  /** Grid lines used on that page. */
  lines: number;
  /** Grid lines used on every page. */
  perPage: number[];
}

interface Item {
  lines: number;
  /** Kept on the page of the next item's first lines (headings, figures). */
  keepNext: boolean;
  /** Never split across pages. */
  keepLines: boolean;
}

/** Characters a line and first-line indent (characters) by style; styles not named: 正文's. */
const MEASURE: Record<string, { chars: number; indent: number; linesPerLine?: number }> = {
  Normal: { chars: CHARS_PER_LINE, indent: 2 },
  Note: { chars: CHARS_PER_LINE, indent: 2 },
  Quote: { chars: CHARS_PER_LINE, indent: 2 },
  Heading1: { chars: CHARS_PER_LINE, indent: 2 },
  Heading2: { chars: CHARS_PER_LINE, indent: 2 },
  Heading3: { chars: CHARS_PER_LINE, indent: 2 },
  Heading4: { chars: CHARS_PER_LINE, indent: 2 },
  ListItem: { chars: CHARS_PER_LINE - 2, indent: 0 },
  Masthead: { chars: 1000, indent: 0, linesPerLine: 2 },
  ArticleTitle: { chars: ARTICLE_TITLE_CHARS, indent: 0 },
  Caption: { chars: 32, indent: 0 },
  Footnote: { chars: 32, indent: 0 },
};
const KEEP_NEXT = new Set(['Masthead', 'IssueNumber', 'Publisher', 'Section', 'EntryTitle', 'ArticleTitle', 'Heading1', 'Heading2', 'Heading3', 'Figure']);
const KEEP_LINES = new Set(['Section', 'EntryTitle', 'ArticleTitle', 'Heading1', 'Heading2', 'Heading3', 'Figure']);

const attribute = (xml: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The paragraph's text, one string per line it was broken into by hand. */
function paragraphLines(xml: string): string[] {
  const lines = [''];
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
    if (match[0] === '<w:br/>') lines.push('');
    else if (match[0] === '<w:tab/>') lines[lines.length - 1] += '  ';
    else lines[lines.length - 1] += unescape(match[1]!);
  }
  return lines;
}

/**
 * Width in characters of 三号: full-width 1 (in a Chinese face every non-ASCII character is, quotes and
 * dashes included); ASCII more than ½, as a Latin face sets it when the office font is missing.
 */
export function width(text: string): number {
  let sum = 0;
  for (let index = 0; index < text.length; index++) sum += text.charCodeAt(index) < 0x7f ? HALF_WIDTH : 1;
  return sum;
}
const HALF_WIDTH = 0.6;

/** Never at the start of a line (GB/T 15834 and Word's 避头尾): closing punctuation, squeezed onto the line before. */
const NO_START = /^[，。、；：？！）》」』”’〉】…—·%]/;
/** Never at the end of a line: opening punctuation. */
const NO_END = /[（《「『“‘〈【]$/;

/** The pieces a line may break between: a run of Latin letters and digits stays whole, other characters one by one. */
function pieces(text: string): string[] {
  return text.match(/[A-Za-z0-9.@_\-:/%+]+|[\s\S]/gu) ?? [];
}

/** Lines one hand-broken line of text takes at `chars` a line, its first line indented by `indent`. */
function lineCount(text: string, chars: number, indent: number): number {
  const parts = pieces(text);
  let lines = 1;
  let used = indent;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const size = width(part);
    // A closing mark that does not fit is squeezed onto the line's end (as LibreOffice and Word compress it).
    if (used + size <= chars + 1e-9 || (NO_START.test(part) && used + size <= chars + 1)) {
      used += size;
      continue;
    }
    // Break before `part`; an opening mark cannot end the line, so it moves down with it.
    let carried = size;
    if (index > 0 && NO_END.test(parts[index - 1]!)) carried += width(parts[index - 1]!);
    lines++;
    used = Math.min(carried, chars);
  }
  return lines;
}

/** Lines the paragraph's text takes at `chars` a line, its first line indented by `indent` characters. */
function wrapped(texts: string[], chars: number, indent: number): number {
  return texts.reduce((sum, text, index) => sum + lineCount(text, chars, index === 0 ? indent : 0), 0);
}

function paragraph(xml: string): Item {
  const style = attribute(/<w:pStyle [^>]*>/.exec(xml)?.[0] ?? '', 'w:val') ?? 'Normal';
  const keepNext = KEEP_NEXT.has(style);
  const keepLines = KEEP_LINES.has(style);
  const extents = [...xml.matchAll(/<wp:extent [^>]*>/g)].map((match) => Number(attribute(match[0], 'cy') ?? 0));
  if (extents.length) {
    const points = extents.reduce((sum, cy) => sum + cy / 12700, 0);
    return { lines: Math.ceil(points / (LINE_PITCH / 20)), keepNext: true, keepLines: true };
  }
  if (style === 'Colophon' && !/<w:t[ >]/.test(xml)) return { lines: 0, keepNext: false, keepLines: false };
  if (style === 'IssueNumber') return { lines: 2, keepNext, keepLines: true };
  if (style === 'Marking' || style === 'Publisher' || style === 'RedRule') return { lines: 1, keepNext, keepLines: true };
  const measure = MEASURE[style] ?? { chars: CHARS_PER_LINE, indent: 0 };
  return { lines: wrapped(paragraphLines(xml), measure.chars, measure.indent) * (measure.linesPerLine ?? 1), keepNext, keepLines };
}

/** Characters of 四号 a table line holds in a cell `twips` wide (less its default side margins). */
const cellChars = (twips: number) => Math.max(1, Math.floor((twips - 216) / pt(COLOPHON.sizePt - 0.25)));

/** A body table's rows, each as the grid lines it takes (rows never split). */
function table(xml: string): Item[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => {
    const cells = [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => {
      const twips = Number(attribute(/<w:tcW [^>]*>/.exec(cell[0])?.[0] ?? '', 'w:w') ?? TYPE_AREA.width);
      const paragraphs = [...cell[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)];
      return paragraphs.reduce((sum, p) => sum + wrapped(paragraphLines(p[0]), cellChars(twips), 0), 0);
    });
    const points = Math.max(1, ...cells) * (COLOPHON_LINE / 20) + 1;
    return { lines: points / (LINE_PITCH / 20), keepNext: false, keepLines: true };
  });
}

/** The top-level paragraphs and tables of the body, in order; the floating 版记 table left out. */
function items(documentXml: string): Item[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? '';
  const out: Item[] = [];
  const start = /<w:(p|tbl)[ >]/g;
  for (let match = start.exec(body); match; match = start.exec(body)) {
    const isTable = match[1] === 'tbl';
    const end = closing(body, match.index, isTable ? 'w:tbl' : 'w:p');
    const xml = body.slice(match.index, end);
    start.lastIndex = end;
    if (!isTable) {
      out.push(paragraph(xml));
      continue;
    }
    if (xml.includes('<w:tblpPr')) continue;
    const rows = table(xml);
    // A table's rows are not on the grid: the text after it starts on the next grid line.
    const total = Math.ceil(rows.reduce((sum, row) => sum + row.lines, 0) - 1e-9);
    const whole = rows.map((row) => ({ ...row, lines: Math.floor(row.lines) || 1 }));
    const missing = total - whole.reduce((sum, row) => sum + row.lines, 0);
    if (whole.length && missing > 0) whole[whole.length - 1]!.lines += missing;
    out.push(...whole);
  }
  return out;
}

/** Index just after the element of `tag` opening at `start` (elements of the same tag may nest). */
function closing(xml: string, start: number, tag: string): number {
  const pattern = new RegExp(`<${tag}[ >/]|</${tag}>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    if (match[0] === `</${tag}>`) {
      depth--;
      if (depth === 0) return match.index + match[0].length;
    } else if (!match[0].endsWith('/')) depth++;
    else if (depth === 0) return match.index + match[0].length;
  }
  return xml.length;
}

/** Lines item `index` needs on its page before it can start there: itself when kept whole, and what it is kept with. */
function needed(list: readonly Item[], index: number): number {
  const item = list[index];
  if (!item) return 0;
  const first = item.keepLines || item.lines <= 3 ? item.lines : 2;
  return item.keepNext ? item.lines + needed(list, index + 1) : first;
}

/** Grid lines a page holds: the masthead (off the grid) leaves its page one line short (measured in LibreOffice). */
const capacity = (page: number) => (page === 1 ? LINES_PER_PAGE - FIRST_PAGE_SHORT : LINES_PER_PAGE);
const FIRST_PAGE_SHORT = 1;

/** Where the body's text ends. */
export function textEnd(documentXml: string): TextEnd {
  const list = items(documentXml);
  let page = 1;
  let used = 0;
  const perPage: number[] = [];
  const next = () => {
    perPage.push(used);
    page++;
    used = 0;
  };
  list.forEach((item, index) => {
    if (item.lines === 0) return;
    const room = capacity(page) - used;
    if (used > 0 && Math.min(needed(list, index), capacity(page)) > room) next();
    let left = item.lines;
    for (;;) {
      const space = capacity(page) - used;
      if (left <= space) {
        used += left;
        return;
      }
      // Split, leaving two lines on each side (widow and orphan control).
      let here = space;
      if (left - here < 2) here = left - 2;
      if (item.keepLines || here < 2) here = 0;
      left -= here;
      used += here;
      next();
    }
  });
  return { page, lines: used, perPage: [...perPage, used] };
}

/** Characters of 四号 a 版记 line holds: the type area less a character in from each side. */
export const COLOPHON_CHARS = Math.floor((TYPE_AREA.width - 2 * COLOPHON.side) / pt(COLOPHON.sizePt - 0.25));

/** Grid lines the floating 版记 table takes (its rows at the 版记's line height and cell margins); 0 without one. */
export function colophonLines(documentXml: string): number {
  const start = documentXml.search(/<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*?<w:tblpPr/);
  if (start < 0) return 0;
  const xml = documentXml.slice(start, closing(documentXml, start, 'w:tbl'));
  const points = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].reduce((sum, row) => {
    const lines = [...row[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].reduce((count, p) => {
      // 报/送/发 lines hang after the colon (two characters): wrapped lines are that much shorter.
      const hanging = p[0].includes('w:val="Distribution"') ? 2 : 0;
      return count + paragraphLines(p[0]).reduce((n, text) => n + lineCount(text, COLOPHON_CHARS - hanging, -hanging), 0);
    }, 0);
    return sum + lines * (COLOPHON_LINE / 20) + 2 * (mm(1) / 20);
  }, 1);
  return Math.ceil(points / (LINE_PITCH / 20));
}
