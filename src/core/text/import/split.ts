/**
 * Cut a converted file into entries. One entry by default: a leading title
 * line becomes its title. With `split`, every title line (a heading, or a
 * short line without sentence punctuation) starts a new entry; in a
 * bulletin, 栏目 headings set the entries' section, and in untitled runs
 * (工作动态, 调研指导) a paragraph opening with a date or a bold leader's
 * name starts an entry of its own.
 */
import type { Root, RootContent } from 'mdast';
import { officialLevel } from '../../compile/markdown.ts';
import { LEADER_SECTIONS, type SectionId } from '../../schema/sections.ts';
import { sectionHeading } from './bulletin.ts';
import { looksLikeTitle, plainText } from './markdown.ts';

export interface Item {
  title: string | undefined;
  nodes: RootContent[];
  /** The 栏目 heading the entry stands under in a bulletin. */
  section?: SectionId;
  /** The bold text opening a 调研指导 entry (区委书记周正宇): its leader. */
  lead?: string;
}

/** An entry opening with its date: 9月19日，… or 2024年9月19日，…. */
const OPENS_WITH_DATE = /^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日/;

/** The bold text opening a paragraph when it is short and reads as a name with its title. */
function leadingBold(node: RootContent): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const first = node.children[0];
  if (first?.type !== 'strong' || node.children.length < 2) return undefined;
  const text = plainText(first);
  return text.length >= 2 && text.length <= 40 && !/[。！？；]/.test(text) ? text : undefined;
}

/** 区委书记曾梦龙8月18日…, 区委副书记、区长李健 8月4日，…: a leader's title and name before the date, not bold (text copies). */
const PLAIN_LEAD =
  /^([\u4e00-\u9fff、，]{2,40}?(?:书记|区长|县长|市长|镇长|乡长|主任|主席|局长|部长|常委|委员|组长|政委|秘书长|市长)[\u4e00-\u9fff]{1,4}?)\s*(?=\d{1,2}月\d{1,2}日)/;

function plainLead(node: RootContent): string | undefined {
  if (node.type !== 'paragraph' || node.children[0]?.type !== 'text') return undefined;
  return PLAIN_LEAD.exec(node.children[0].value)?.[1];
}

function headingOf(node: RootContent): SectionId | undefined {
  return node.type === 'paragraph' || node.type === 'heading' ? sectionHeading(plainText(node)) : undefined;
}

/** A bulletin's entries, split by its 栏目 headings, title lines, and dated or leader-led paragraphs. */
export function splitBulletin(nodes: RootContent[]): Item[] {
  const items: Item[] = [];
  let section: SectionId | undefined;
  let current: Item | undefined;
  const start = (title: string | undefined): Item => {
    current = { title, nodes: [], ...(section ? { section } : {}) };
    items.push(current);
    return current;
  };
  for (const node of nodes) {
    const heading = headingOf(node);
    if (heading) {
      section = heading;
      current = undefined;
      continue;
    }
    if (isTitleNode(node)) {
      // A title broken over two lines (two paragraphs, as text copied from Word comes) is one title.
      if (current?.title !== undefined && current.nodes.length === 0) current.title += plainText(node);
      else start(plainText(node));
      continue;
    }
    const lead = section && LEADER_SECTIONS.includes(section) ? (leadingBold(node) ?? plainLead(node)) : undefined;
    const untitledNext = current !== undefined && current.title === undefined && current.nodes.length > 0;
    if (lead || !current || (untitledNext && OPENS_WITH_DATE.test(plainText(node)))) {
      const item = start(undefined);
      if (lead) item.lead = lead;
    }
    current!.nodes.push(node);
  }
  return items;
}

/** A whole bulletin as one entry: a leading 栏目 heading gives its section, a title line after it its title. */
export function bulletinAsOne(nodes: RootContent[]): Item {
  const section = nodes[0] ? headingOf(nodes[0]) : undefined;
  const rest = section ? nodes.slice(1) : nodes;
  const first = rest[0];
  const titled = first !== undefined && isTitleNode(first);
  return {
    title: titled ? plainText(first) : undefined,
    nodes: titled ? rest.slice(1) : rest,
    ...(section ? { section } : {}),
  };
}

function isTitleNode(node: RootContent): boolean {
  const text = plainText(node);
  if (node.type === 'heading') return text !== '' && !officialLevel(text);
  if (node.type !== 'paragraph') return false;
  const bold = node.children.length === 1 && node.children[0]!.type === 'strong';
  // A long title is often broken over two lines (a line break inside the paragraph).
  return (
    (bold || node.children.every((child) => child.type === 'text' || child.type === 'break')) && looksLikeTitle(text)
  );
}

export function splitItems(tree: Root, split: boolean, knownTitle?: string): Item[] {
  const nodes = tree.children;
  if (!split) {
    const first = nodes[0];
    if (!knownTitle && first && isTitleNode(first)) return [{ title: plainText(first), nodes: nodes.slice(1) }];
    return [{ title: knownTitle, nodes }];
  }
  const items: Item[] = [];
  let current: Item | undefined;
  for (const node of nodes) {
    if (isTitleNode(node)) {
      current = { title: plainText(node), nodes: [] };
      items.push(current);
      continue;
    }
    if (!current) {
      current = { title: knownTitle, nodes: [] };
      items.push(current);
    }
    current.nodes.push(node);
  }
  return items;
}
