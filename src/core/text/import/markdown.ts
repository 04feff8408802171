/**
 * HTML → Markdown for imported material, through unified: rehype-parse,
 * rehype-remark (hast → mdast), then tidy the tree the way clerks write
 * entries — 一、（一）1.（1） headings as plain lines, no bold around them,
 * no empty paragraphs — and remark-stringify with GFM tables.
 */
import type { Root as HastRoot } from 'hast';
import type { Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { officialLevel } from '../../compile/markdown.ts';
import { CAPTION } from './chrome.ts';

const htmlParser = unified().use(rehypeParse, { fragment: false }).freeze();
const toMdast = unified().use(rehypeRemark).freeze();
const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' })
  .freeze();

export function parseHtml(html: string): HastRoot {
  return htmlParser.parse(html);
}

export function hastToMdast(tree: HastRoot): Root {
  const root = toMdast.runSync(tree);
  tidyBreaks(root);
  return root;
}

/** Text that cannot end a paragraph: a clause goes on after a comma, an enumeration comma or an opening bracket. */
const MID_SENTENCE = /[，、,（(“‘《]\s*$/;

/**
 * Line breaks (<br>) as pages and Word use them: runs of them (<br><br><br>,
 * often with &nbsp; between) are paragraph breaks, or nothing when the text
 * before them cannot end a sentence (“大检查，<br><br>重点检查…”); breaks at
 * the start or end of a paragraph go. A single break inside a paragraph
 * stays (a sign-off, an address).
 */
function tidyBreaks(root: Root): void {
  const blank = (node: PhrasingContent | undefined) => node?.type === 'text' && !node.value.trim();
  const tidy = (children: PhrasingContent[]): PhrasingContent[][] => {
    const parts: PhrasingContent[][] = [[]];
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type !== 'break') {
        parts.at(-1)!.push(node);
        continue;
      }
      let run = 1;
      let j = i + 1;
      for (; j < children.length && (children[j]!.type === 'break' || blank(children[j])); j++)
        if (children[j]!.type === 'break') run++;
      const before = parts.at(-1)!;
      while (blank(before.at(-1))) before.pop();
      const text = before.map((child) => toString(child)).join('');
      const atEdge = text.trim() === '' || j >= children.length;
      if (atEdge || MID_SENTENCE.test(text)) {
        // Nothing: the clause goes on (or there is nothing before or after).
      } else if (run > 1) parts.push([]);
      else before.push(node, ...children.slice(i + 1, j).filter((child) => !blank(child)));
      i = j - 1;
    }
    return parts.filter((part) => part.some((child) => !blank(child)));
  };
  const visit = (parent: { children: RootContent[] }, root: boolean) => {
    parent.children = parent.children.flatMap((node): RootContent[] => {
      if (node.type === 'paragraph') {
        const parts = tidy(node.children);
        if (parts.length === 0) return [];
        // Inside a list item or a table cell a paragraph stays one: its parts are joined by one break.
        if (root || parts.length === 1) return parts.map((children) => ({ ...node, children }));
        return [{ ...node, children: parts.flatMap((part, index) => (index ? [{ type: 'break' }, ...part] : part)) }];
      }
      if ('children' in node && Array.isArray(node.children) && node.type !== 'heading' && node.type !== 'table')
        visit(node, false);
      return [node];
    });
  };
  visit(root, true);
}

/**
 * The stringifier writes a Han character beside bold that opens or closes
 * on punctuation (形成**“一企一策”**整改) as a character reference, for
 * CommonMark's flanking rules; the project's Markdown reads CJK emphasis
 * (remark-cjk-friendly), so the character goes back as itself.
 */
const HAN_REFERENCE = /&#x([0-9a-f]{4,5});/gi;

export function stringifyMarkdown(tree: Root): string {
  return stringifier
    .stringify(tree)
    .replace(HAN_REFERENCE, (reference, hex: string) => {
      const character = String.fromCodePoint(Number.parseInt(hex, 16));
      return /\p{Script=Han}/u.test(character) ? character : reference;
    })
    .trim();
}

/** A line that reads as a title: short, no sentence punctuation at the end, not a 序号 heading. */
export function looksLikeTitle(text: string): boolean {
  const line = text.trim();
  return (
    line.length >= 4 &&
    line.length <= 40 &&
    !line.includes('\n') &&
    !/[。！？；：，、…,.;:!?]$/.test(line) &&
    !officialLevel(line) &&
    !/^\d{1,2}月\d{1,2}日/.test(line)
  );
}

/** Text of a node, whitespace collapsed. */
export function plainText(node: RootContent | Root): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** Word tables have no header row; the converter then adds an empty one. The first real row takes its place. */
function dropEmptyHeader(table: Table): void {
  const [first, second] = table.children;
  if (first && second && first.children.every((cell) => plainText(cell as never) === '')) table.children.shift();
}

/**
 * Official headings recovered: a heading or an all-bold paragraph reading
 * 一、… （一）… 1.… （1）… becomes a plain paragraph (the site styles it by
 * its 序号); empty paragraphs go. Returns how many headings were recovered.
 */
export function recoverOfficialHeadings(tree: Root): number {
  let recovered = 0;
  const children: RootContent[] = [];
  for (const node of tree.children) {
    const text = plainText(node);
    if (
      (node.type === 'paragraph' || node.type === 'heading') &&
      text === '' &&
      node.children.every((child) => child.type === 'text' || child.type === 'break')
    )
      continue;
    if (node.type === 'table') dropEmptyHeader(node);
    const allBold =
      node.type === 'paragraph' &&
      node.children.length === 1 &&
      (node.children[0]!.type === 'strong' || node.children[0]!.type === 'emphasis');
    if ((node.type === 'heading' || allBold) && officialLevel(text)) {
      const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
      children.push(paragraph);
      recovered++;
      continue;
    }
    children.push(node);
  }
  tree.children = children;
  return recovered;
}

/**
 * A photo followed by its caption paragraph (图为检查现场。): the caption
 * becomes the image's description (shown under it on the site) instead of a
 * paragraph of its own. Returns how many captions were moved.
 */
export function captionsAsAltText(tree: Root): number {
  let moved = 0;
  const children: RootContent[] = [];
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i]!;
    children.push(node);
    const next = tree.children[i + 1];
    if (node.type !== 'paragraph' || !next || next.type !== 'paragraph') continue;
    const images = node.children.filter((child) => child.type === 'image');
    if (
      images.length !== 1 ||
      node.children.some((child) => child.type !== 'image' && !(child.type === 'text' && !child.value.trim()))
    )
      continue;
    const caption = plainText(next);
    if (!CAPTION.test(caption) || caption.length > 80 || images[0]!.alt) continue;
    images[0]!.alt = caption;
    moved++;
    i++;
  }
  tree.children = children;
  return moved;
}

/** Build paragraphs from plain text lines. */
export function paragraphsFromLines(lines: string[]): Root {
  return {
    type: 'root',
    children: lines.map((line): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: line }] })),
  };
}
