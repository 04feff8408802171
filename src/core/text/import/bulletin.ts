/**
 * A whole bulletin imported (a past issue kept as a Word file, or the
 * district's bulletin): its masthead (classification mark, series name,
 * 期号, the issuing unit and date) and its 版记 (报/送/发, 编辑/审核/签发,
 * 联系人, 共印N份) are chrome, the 编者按 is not entry text. The line rules
 * are chrome.ts's; this module finds the blocks: the masthead from the top,
 * the 版记 from the end. It also reads 栏目 headings for `--split`.
 */
import type { RootContent } from 'mdast';
import { SECTIONS, type SectionId } from '../../schema/sections.ts';
import { CHROME_KINDS, chromeKind, editionDate, isColophonLine, isEditorNote, mastheadKind } from './chrome.ts';
import type { Removed } from './html.ts';
import { plainText } from './markdown.ts';
import { shorten } from './text-page.ts';

export interface Bulletin {
  /** The nodes left: the entries, with their 栏目 headings. */
  nodes: RootContent[];
  /** The issue date the masthead states, ISO. */
  issueDate?: string;
  removed: Removed[];
}

function lineOf(node: RootContent): string | undefined {
  return node.type === 'paragraph' || node.type === 'heading' ? plainText(node) : undefined;
}

/** The text of page chrome, for the import report: a list's items, a table's rows, a paragraph. */
function chromeRows(node: RootContent): string[] {
  if (node.type === 'list') return node.children.map((item) => plainText(item)).filter(Boolean);
  return rowsOf(node).filter((row) => row.trim());
}

/** Lines of a node's text, one per table row or line break. */
function rowsOf(node: RootContent): string[] {
  if (node.type === 'table')
    return node.children.map((row) => row.children.map((cell) => plainText(cell as never)).join(' '));
  const line = lineOf(node);
  return line === undefined ? [] : [line];
}

/** Prose ends a sentence; page chrome and masthead lines never do. */
const PROSE = /[。！？；]/;

/** A node that can stand before the masthead: page chrome (a navigation bar, a site name, a search box), never prose. */
function chromeBefore(node: RootContent): boolean {
  if (node.type === 'thematicBreak') return true;
  const text = rowsOf(node).join(' ') || (node.type === 'list' ? plainText(node) : '');
  if (node.type !== 'list' && node.type !== 'table' && lineOf(node) === undefined) return false;
  return text.length <= 200 && !PROSE.test(text);
}

/** How many leading nodes page chrome may take before the masthead (a portal's header, navigation and search). */
const CHROME_BEFORE_MASTHEAD = 30;

/**
 * Where the masthead starts and ends (exclusive), the issue date, or
 * undefined when there is no 期号 line. The masthead is at the top, or —
 * a bulletin copied from a portal page — after lines of page chrome, none
 * of them prose; then the 期号 must have the series name or the
 * classification mark right above it, so an article's stray “第3期” line
 * is no masthead.
 */
function masthead(nodes: RootContent[]): { start: number; end: number; date?: string } | undefined {
  let issueAt = -1;
  let topRun = true;
  for (let i = 0; i < Math.min(nodes.length, CHROME_BEFORE_MASTHEAD + 8); i++) {
    const line = lineOf(nodes[i]!);
    const kind = line === undefined ? undefined : mastheadKind(line);
    if (kind === 'issue') {
      issueAt = i;
      break;
    }
    if (topRun && kind && kind !== 'edition') continue;
    topRun = false;
    if (i >= CHROME_BEFORE_MASTHEAD || !chromeBefore(nodes[i]!)) return undefined;
  }
  if (issueAt === -1) return undefined;
  // The masthead proper: the lines right above the 期号 that are masthead lines.
  let start = issueAt;
  while (start > 0) {
    const line = lineOf(nodes[start - 1]!);
    const kind = line === undefined ? undefined : mastheadKind(line);
    if (!kind || kind === 'edition' || kind === 'issue') break;
    start--;
  }
  if (!topRun) {
    const named = nodes.slice(start, issueAt).some((node) => {
      const kind = mastheadKind(lineOf(node) ?? '');
      return kind === 'series' || kind === 'classification';
    });
    if (!named) return undefined;
  } else start = 0;
  let i = issueAt + 1;
  // After the 期号: the issuing unit and the date, on one line or two.
  for (let taken = 0; taken < 2 && i < nodes.length; taken++, i++) {
    const line = lineOf(nodes[i]!);
    const kind = line === undefined ? undefined : mastheadKind(line);
    if (kind === 'edition') return { start, end: i + 1, ...(editionDate(line!) ? { date: editionDate(line!)! } : {}) };
    const next = nodes[i + 1] === undefined ? undefined : lineOf(nodes[i + 1]!);
    if (kind !== 'unit' || next === undefined || mastheadKind(next) !== 'edition') break;
  }
  return { start, end: i };
}

/** Where the 版记 starts (the end of the nodes when there is none), and whether it names 报/送/发 or 共印. */
function colophon(nodes: RootContent[]): { start: number; end: number; lines: number; distribution: boolean } {
  // A bulletin copied from a portal page: the page's tail (share buttons, print, the site footer) follows the 版记.
  let end = nodes.length;
  while (end > 0 && pageTail(nodes[end - 1]!)) end--;
  let start = end;
  let lines = 0;
  let distribution = false;
  for (let i = end - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const rows = rowsOf(node);
    const matching = rows.filter(isColophonLine);
    const text = rows.join('');
    const empty = node.type === 'thematicBreak' || (rows.length === 1 && text.trim() === '');
    // The leader list under 报： (周正宇、黄志远…同志) is part of it.
    const nameList =
      lines > 0 && node.type === 'paragraph' && text.length <= 300 && !/[。！？；]/.test(text) && /、|同志$/.test(text);
    if (node.type === 'table' ? matching.length >= 2 : matching.length === 1 || nameList || (empty && lines > 0)) {
      start = i;
      lines += matching.length;
      if (matching.some((line) => /^[报送发抄印分]|共印/.test(line.replace(/\s/g, '')))) distribution = true;
      continue;
    }
    if (empty) continue;
    break;
  }
  // Without a 版记 there is no bulletin tail: the page's tail stays for the page rules.
  return lines > 0
    ? { start, end, lines, distribution }
    : { start: nodes.length, end: nodes.length, lines, distribution };
}

/** A line of a portal page's tail: share and print buttons, 相关链接, the footer (主办单位, 网站标识码, 版权所有). */
function pageTail(node: RootContent): boolean {
  const rows = rowsOf(node);
  if (node.type === 'list') return plainText(node).length <= 200 && !PROSE.test(plainText(node));
  return rows.length > 0 && rows.every((row) => !row.trim() || chromeKind(row) !== undefined);
}

/**
 * The bulletin in a converted document, or undefined when it is not one (no
 * 期号 line at the top, and no 版记 with 报/送/发 at the end).
 */
export function findBulletin(nodes: RootContent[]): Bulletin | undefined {
  const head = masthead(nodes);
  const tail = colophon(nodes);
  if (!head && !(tail.lines >= 2 && tail.distribution)) return undefined;
  const removed: Removed[] = [];
  const end = head?.end ?? 0;
  for (const node of nodes.slice(0, head?.start ?? 0))
    for (const row of chromeRows(node))
      removed.push({ kind: chromeKind(row) ?? CHROME_KINDS.navigation, text: shorten(row) });
  for (const node of nodes.slice(head?.start ?? 0, end))
    removed.push({ kind: CHROME_KINDS.masthead, text: shorten(lineOf(node) ?? '') });
  const kept: RootContent[] = [];
  for (const node of nodes.slice(end, Math.max(end, tail.start))) {
    // A rule under the masthead or above the 版记 is layout, not text of an entry.
    if (node.type === 'thematicBreak') continue;
    const line = lineOf(node);
    if (line !== undefined && isEditorNote(line)) {
      removed.push({ kind: CHROME_KINDS.editorNote, text: shorten(line) });
      continue;
    }
    kept.push(node);
  }
  for (const node of nodes.slice(Math.max(end, tail.start), tail.end))
    for (const row of rowsOf(node)) if (row.trim()) removed.push({ kind: CHROME_KINDS.colophon, text: shorten(row) });
  for (const node of nodes.slice(Math.max(end, tail.end)))
    for (const row of chromeRows(node))
      removed.push({ kind: chromeKind(row) ?? CHROME_KINDS.tail, text: shorten(row) });
  return { nodes: kept, ...(head?.date ? { issueDate: head.date } : {}), removed };
}

/** 【工作动态】, [调研指导], 经验推介 alone on a line: the 栏目 that the entries under it belong to. */
export function sectionHeading(line: string): SectionId | undefined {
  const name = line
    .replace(/[\s\u3000]/g, '')
    .replace(/^[【[〔]/, '')
    .replace(/[】\]〕]$/, '');
  return SECTIONS.find((section) => section.name === name || (section.aliases as readonly string[]).includes(name))?.id;
}
