/**
 * Cut a converted file into entries. One entry by default: a leading title
 * line becomes its title. With `split`, every title line (a heading, or a
 * short line without sentence punctuation) starts a new entry.
 */
import type { Root, RootContent } from 'mdast';
import { officialLevel } from '../../compile/markdown.ts';
import { looksLikeTitle, plainText } from './markdown.ts';

export interface Item {
  title: string | undefined;
  nodes: RootContent[];
}

function isTitleNode(node: RootContent): boolean {
  const text = plainText(node);
  if (node.type === 'heading') return text !== '' && !officialLevel(text);
  if (node.type !== 'paragraph') return false;
  const bold = node.children.length === 1 && node.children[0]!.type === 'strong';
  return (bold || node.children.every((child) => child.type === 'text')) && looksLikeTitle(text);
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
