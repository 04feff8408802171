/**
 * Entry bodies as the lint rules see them: the Markdown syntax tree (remark
 * with GFM and CJK-friendly emphasis, as the site renders it), cut into
 * blocks of running text. Each block's text joins its text nodes (link text
 * included); inline code, images and raw HTML stand in as one placeholder character
 * that no fix may touch. Offsets map back to the body.
 */
import type { Nodes, Parent, Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { PLACEHOLDER } from './chars.ts';
import { protectedSpans, type ProtectedSpan } from './protect.ts';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).freeze();

/** Parse a Markdown body into mdast with positions. */
export function parseBody(body: string): Root {
  return parser.parse(body);
}

/** One stretch of a block's text and where it comes from. */
export interface Piece {
  /** Range in the block text. */
  from: number;
  to: number;
  /** Range in the body. */
  start: number;
  end: number;
  /** Text whose source is exactly its value: fixes may edit it. */
  editable: boolean;
}

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

/** A paragraph, heading or table cell: running text with its pieces. */
export interface Block {
  kind: BlockKind;
  /** Index among the body's blocks, in document order. */
  index: number;
  text: string;
  pieces: Piece[];
  /** Spans no rule may edit (URLs, decimals, Latin runs…). */
  protected: ProtectedSpan[];
}

const BLOCK_KINDS = new Set<string>(['paragraph', 'heading', 'tableCell']);
// Link text is prose and is linted; the destination is not a text node, so no fix can reach it.
const OPAQUE = new Set<string>(['inlineCode', 'html', 'image', 'imageReference', 'footnoteReference', 'inlineMath']);

interface Collecting {
  text: string;
  pieces: Piece[];
  /** Autolinked URLs found by GFM (block-text ranges of their URL part). */
  links: ProtectedSpan[];
  /** Body offset just after the last node placed. */
  cursor: number;
}

/**
 * Where a node sits in the body. GFM's autolink-literal transform splits
 * text nodes without giving the parts positions: those are found again
 * right after the previous node (past emphasis markers at most).
 */
function locate(node: Nodes, body: string, block: Collecting): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) return { start, end };
  if (node.type !== 'text') return undefined;
  const found = body.indexOf(node.value, block.cursor);
  if (found === -1 || !/^[*_~]{0,3}$/.test(body.slice(block.cursor, found))) return undefined;
  return { start: found, end: found + node.value.length };
}

function collect(node: Nodes, body: string, block: Collecting): void {
  // A GFM autolink literal is text in the source (and may have swallowed Chinese text after a URL).
  if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text') {
    const label = node.children[0];
    const at = node.position
      ? { start: node.position.start.offset!, end: node.position.end.offset! }
      : locate(label, body, block);
    if (at && body.slice(at.start, at.end) === label.value) {
      const url = /^[\x21-\x7e]*/.exec(label.value)![0].length;
      const kind = node.url.startsWith('mailto:') ? 'email' : 'url';
      block.links.push({ start: block.text.length, end: block.text.length + url, kind });
      // Text GFM swallowed after the URL ends the link further on: its last character is guarded as the URL's is
      // (lint.ts guards the characters either side), so no edit there moves where the link ends.
      if (label.value.length > url)
        block.links.push({
          start: block.text.length + label.value.length - 1,
          end: block.text.length + label.value.length,
          kind,
        });
      collect(
        {
          ...label,
          position: { start: { line: 0, column: 0, offset: at.start }, end: { line: 0, column: 0, offset: at.end } },
        },
        body,
        block,
      );
      return;
    }
  }
  const located = locate(node, body, block);
  const from = block.text.length;
  if (node.type === 'text') {
    block.text += node.value;
    const source = located ? body.slice(located.start, located.end) : undefined;
    const editable = source === node.value;
    // The parser drops spaces at line ends (and the indent of continued lines): map line by line.
    const lines =
      !editable && located && source !== undefined ? linePieces(node.value, source, from, located.start) : undefined;
    if (lines) block.pieces.push(...lines);
    else
      block.pieces.push({ from, to: block.text.length, start: located?.start ?? 0, end: located?.end ?? 0, editable });
  } else if (node.type === 'break' || OPAQUE.has(node.type)) {
    block.text += node.type === 'break' ? '\n' : PLACEHOLDER;
    block.pieces.push({ from, to: from + 1, start: located?.start ?? 0, end: located?.end ?? 0, editable: false });
  } else if ('children' in node) {
    if (located) block.cursor = located.start;
    for (const child of (node as Parent).children) collect(child, body, block);
  }
  if (located) block.cursor = located.end;
}

/**
 * Pieces of a text node whose value is its source less the spaces the parser
 * dropped around line breaks (`检查. \n共` → `检查.\n共`): one editable piece per
 * line and per line break, so positions and fixes stay exact. Undefined when
 * the value differs otherwise (escapes, entities).
 */
function linePieces(value: string, source: string, from: number, start: number): Piece[] | undefined {
  const valueLines = value.split('\n');
  const sourceLines = source.split('\n');
  if (valueLines.length !== sourceLines.length || valueLines.length < 2) return undefined;
  const pieces: Piece[] = [];
  let at = from;
  let offset = start;
  for (const [index, line] of valueLines.entries()) {
    const written = sourceLines[index]!;
    const inner = written.indexOf(line);
    if (inner < 0 || /[^ \t]/.test(written.slice(0, inner)) || /[^ \t]/.test(written.slice(inner + line.length)))
      return undefined;
    if (line)
      pieces.push({
        from: at,
        to: at + line.length,
        start: offset + inner,
        end: offset + inner + line.length,
        editable: true,
      });
    at += line.length;
    offset += written.length;
    if (index < valueLines.length - 1) {
      pieces.push({ from: at, to: at + 1, start: offset, end: offset + 1, editable: true });
      at++;
      offset++;
    }
  }
  return pieces;
}

/**
 * Text that cannot hold Markdown syntax: Han characters, Chinese punctuation,
 * digits, Latin letters and line breaks, nothing else (no ASCII punctuation,
 * no spaces). Such a body is paragraphs separated by blank lines, so its
 * blocks are cut without the parser — the common case, and ten times faster.
 */
const PLAIN_BODY =
  /^[\n0-9A-Za-z%\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]*$/;

function plainBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const paragraph = /[^\n]+(?:\n[^\n]+)*/g;
  for (let match = paragraph.exec(body); match; match = paragraph.exec(body)) {
    const text = match[0];
    blocks.push({
      kind: 'paragraph',
      index: blocks.length,
      text,
      pieces: [{ from: 0, to: text.length, start: match.index, end: match.index + text.length, editable: true }],
      protected: protectedSpans(text),
    });
  }
  return blocks;
}

/** The blocks of a body: cut directly when it is plain text, else from its syntax tree. */
export function bodyBlocks(body: string): Block[] {
  return PLAIN_BODY.test(body) ? plainBlocks(body) : extractBlocks(parseBody(body), body);
}

/** Every block of running text in a parsed body, in document order. */
export function extractBlocks(tree: Root, body: string): Block[] {
  const blocks: Block[] = [];
  const walk = (node: Nodes) => {
    if (BLOCK_KINDS.has(node.type)) {
      const block: Collecting = { text: '', pieces: [], links: [], cursor: node.position?.start.offset ?? 0 };
      collect(node, body, block);
      const spans = [...protectedSpans(block.text), ...block.links].sort((a, b) => a.start - b.start);
      blocks.push({
        kind: node.type as BlockKind,
        index: blocks.length,
        text: block.text,
        pieces: block.pieces,
        protected: spans,
      });
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'definition' || node.type === 'yaml') return;
    if ('children' in node) for (const child of (node as Parent).children) walk(child);
  };
  walk(tree);
  return blocks;
}

/**
 * Map a range of block text to a body range. Returns undefined when the
 * range touches text that may not be edited; with `spanOpaque`, whole
 * placeholders inside the range may be removed with it.
 */
export function toBodyRange(
  block: Block,
  from: number,
  to: number,
  spanOpaque = false,
): { start: number; end: number } | undefined {
  const { pieces } = block;
  let first: Piece | undefined;
  let last: Piece | undefined;
  for (const piece of pieces) {
    const touches = from === to ? piece.from <= from && from <= piece.to : piece.from < to && from < piece.to;
    if (!touches) continue;
    if (from === to && piece.editable) {
      // Insertion: take the first editable piece that holds the point.
      first = last = piece;
      break;
    }
    if (!piece.editable) {
      if (from === to) continue;
      if (!spanOpaque || piece.from < from || piece.to > to) return undefined;
    }
    first ??= piece;
    last = piece;
  }
  if (!first || !last) return undefined;
  if (first !== last && !spanOpaque) return undefined;
  const start = first.editable ? first.start + (from - first.from) : first.start;
  const end = last.editable ? last.start + (to - last.from) : last.end;
  return { start, end };
}

/**
 * The shape of a syntax tree: node types and structure, without text. Two
 * bodies with the same shape have the same Markdown structure. Autolink
 * literals count as text (they are text in the source).
 */
export function treeShape(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') return;
    if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text') {
      const label = node.children[0].value;
      if (node.url === label || node.url === `http://${label}` || node.url === `mailto:${label}`) return;
    }
    parts.push(node.type);
    if (node.type === 'heading') parts.push(String(node.depth));
    if (node.type === 'list') parts.push(node.ordered ? 'o' : 'u');
    if ('children' in node) {
      parts.push('(');
      for (const child of (node as Parent).children) walk(child);
      parts.push(')');
    }
  };
  walk(tree);
  return parts.join(' ');
}
