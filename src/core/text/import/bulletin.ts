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
import { CHROME_KINDS, editionDate, isColophonLine, isEditorNote, mastheadKind } from './chrome.ts';
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

/** Lines of a node's text, one per table row or line break. */
function rowsOf(node: RootContent): string[] {
  if (node.type === 'table')
    return node.children.map((row) => row.children.map((cell) => plainText(cell as never)).join(' '));
  const line = lineOf(node);
  return line === undefined ? [] : [line];
}

/** How far the masthead reaches from the top (exclusive), the issue date, or undefined when there is no 期号 line. */
function masthead(nodes: RootContent[]): { end: number; date?: string } | undefined {
  let issueAt = -1;
  let i = 0;
  for (; i < Math.min(nodes.length, 8); i++) {
    const line = lineOf(nodes[i]!);
    const kind = line === undefined ? undefined : mastheadKind(line);
    if (!kind || kind === 'edition') break;
    if (kind === 'issue') {
      issueAt = i;
      i++;
      break;
    }
  }
  if (issueAt === -1) return undefined;
  // After the 期号: the issuing unit and the date, on one line or two.
  for (let taken = 0; taken < 2 && i < nodes.length; taken++, i++) {
    const line = lineOf(nodes[i]!);
    const kind = line === undefined ? undefined : mastheadKind(line);
    if (kind === 'edition') return { end: i + 1, ...(editionDate(line!) ? { date: editionDate(line!)! } : {}) };
    const next = nodes[i + 1] === undefined ? undefined : lineOf(nodes[i + 1]!);
    if (kind !== 'unit' || next === undefined || mastheadKind(next) !== 'edition') break;
  }
  return { end: i };
}

/** Where the 版记 starts (the end of the nodes when there is none), and whether it names 报/送/发 or 共印. */
function colophon(nodes: RootContent[]): { start: number; lines: number; distribution: boolean } {
  let start = nodes.length;
  let lines = 0;
  let distribution = false;
  for (let i = nodes.length - 1; i >= 0; i--) {
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
  return { start, lines, distribution };
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
  for (const node of nodes.slice(0, end))
    removed.push({ kind: CHROME_KINDS.masthead, text: shorten(lineOf(node) ?? '') });
  const kept: RootContent[] = [];
  for (const node of nodes.slice(end, Math.max(end, tail.start))) {
    const line = lineOf(node);
    if (line !== undefined && isEditorNote(line)) {
      removed.push({ kind: CHROME_KINDS.editorNote, text: shorten(line) });
      continue;
    }
    kept.push(node);
  }
  for (const node of nodes.slice(Math.max(end, tail.start)))
    for (const row of rowsOf(node)) if (row.trim()) removed.push({ kind: CHROME_KINDS.colophon, text: shorten(row) });
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
