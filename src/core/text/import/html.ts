/**
 * Web pages and Word's HTML, cleaned on the HTML tree (hast): keep the
 * article, drop navigation and site chrome (blocks named so, and short
 * blocks the shared rules of chrome.ts recognise: 当前位置, 来源, 责任编辑,
 * 字号 大中小, 打印本页, image file names), related-link lists, empty
 * bookmark anchors. Every removal is recorded for the import report.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { CHROME_KINDS, chromeKind, IMAGE_FILE, isColumnName, publicationDateIn } from './chrome.ts';
import { splitSignOff } from './text-page.ts';

type HastNode = Root | RootContent;

export interface Removed {
  /** What kind of thing, in Chinese (网页导航, 书签…). */
  kind: string;
  /** The text removed, shortened. */
  text: string;
}

const JUNK_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'button',
  'select',
  'input',
  'textarea',
  'svg',
  'template',
  'object',
  'embed',
  'head',
  'link',
  'meta',
]);
const CHROME_NAMES =
  /(^|[\s_-])(nav|navbar|menu|breadcrumb|crumbs?|footer|header|sidebar|side|share|bdshare|related|position|location|toolbar|tools|print|copyright|banner|search|login|topbar|friend-?links?|links)([\s_-]|$)/i;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'td',
  'th',
  'span',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'dd',
  'dt',
  'font',
  'center',
  'table',
  'tr',
  'ul',
  'ol',
]);

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as HastNode)).join('');
  return '';
}

function shorten(text: string, length = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}

function hanCount(text: string): number {
  let count = 0;
  for (const char of text) if (char >= '\u4e00' && char <= '\u9fff') count++;
  return count;
}

function classAndId(element: Element): string {
  const className = element.properties?.className;
  const classes = Array.isArray(className) ? className.join(' ') : typeof className === 'string' ? className : '';
  return `${classes} ${typeof element.properties?.id === 'string' ? element.properties.id : ''}`;
}

/** Remove children for which `drop` returns a reason; recurse into the rest. */
function prune(
  node: HastNode,
  drop: (child: ElementContent) => Removed | undefined | 'unwrap',
  removed: Removed[],
): void {
  if (!('children' in node)) return;
  const kept: ElementContent[] = [];
  for (const child of node.children as ElementContent[]) {
    const verdict = drop(child);
    if (verdict === 'unwrap' && child.type === 'element') {
      prune(child, drop, removed);
      kept.push(...child.children);
      continue;
    }
    if (verdict && verdict !== 'unwrap') {
      if (verdict.text || verdict.kind) removed.push(verdict);
      continue;
    }
    prune(child, drop, removed);
    kept.push(child);
  }
  (node as Element).children = kept;
}

/** Word (mammoth) HTML: bookmarks are empty anchors; anchors without a link are unwrapped. */
export function cleanWordHtml(tree: Root): Removed[] {
  const removed: Removed[] = [];
  prune(
    tree,
    (child) => {
      if (child.type !== 'element' || child.tagName !== 'a' || child.properties?.href) return undefined;
      if (textOf(child).trim() === '')
        return { kind: '书签', text: String(child.properties?.id ?? child.properties?.name ?? '') };
      return 'unwrap';
    },
    removed,
  );
  return removed;
}

/**
 * Word paragraphs that are a sign-off aligned with tabs or spaces
 * (白沙镇党委政府→2025年12月8日) become two paragraphs, unit and date, so
 * the gap is not lost. Returns how many were split.
 */
export function splitSignOffParagraphs(tree: Root): number {
  let split = 0;
  const walk = (node: HastNode) => {
    if (!('children' in node)) return;
    const children: ElementContent[] = [];
    for (const child of node.children as ElementContent[]) {
      if (child.type === 'element' && child.tagName === 'p' && child.children.every((inner) => inner.type === 'text')) {
        const parts = splitSignOff(textOf(child).trim());
        if (parts.length === 2) {
          split++;
          for (const part of parts) children.push({ ...child, children: [{ type: 'text', value: part }] });
          continue;
        }
      }
      walk(child);
      children.push(child);
    }
    (node as Element).children = children;
  };
  walk(tree);
  return split;
}

export interface CleanedPage {
  /** The article, as a hast root. */
  tree: Root;
  /** The page's title (h1, else <title> without the site name). */
  title: string | undefined;
  /** A publication date found in the page chrome, ISO. */
  pageDate: string | undefined;
  removed: Removed[];
  /** Images dropped (web images stay on the web). */
  images: number;
}

function findAll(node: HastNode, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  if (node.type === 'element' && test(node)) found.push(node);
  if ('children' in node) for (const child of node.children) findAll(child, test, found);
  return found;
}

/** Pick the element holding the article: the one whose paragraphs carry the most Chinese text. */
function articleRoot(tree: Root): Element | Root {
  const scores = new Map<Element | Root, number>();
  const parents = new Map<HastNode, Element | Root>();
  const walk = (node: HastNode) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      parents.set(child, node);
      walk(child);
    }
  };
  walk(tree);
  for (const paragraph of findAll(
    tree,
    (element) =>
      element.tagName === 'p' ||
      (element.tagName === 'div' &&
        element.children.some((child) => child.type === 'text' && hanCount(child.value) > 10)),
  )) {
    const score = hanCount(textOf(paragraph));
    if (score < 8) continue;
    const parent = parents.get(paragraph);
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grandparent = parent && parents.get(parent);
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + score / 2);
  }
  let best: Element | Root = tree;
  let bestScore = 0;
  for (const [node, score] of scores) {
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}

const CELL_TAGS = new Set(['td', 'th']);

/** The rows of a table (in thead, tbody, tfoot or straight in it), as their cells. */
function tableRows(table: Element): Element[][] {
  const rows = findAll(table, (element) => element.tagName === 'tr' && element !== table);
  return rows.map((row) =>
    row.children.filter((cell): cell is Element => cell.type === 'element' && CELL_TAGS.has(cell.tagName)),
  );
}

/**
 * Older portals lay pages out with tables: the navigation in one, the
 * article in a cell of another, nested. Such a table is no data table: one
 * column, a table inside a cell, or a cell holding article prose (150 and more
 * Chinese characters with a full stop). It becomes its cells, each a block,
 * so that the article is found and no Markdown table holds the whole page.
 * Returns how many tables were unwrapped.
 */
function unwrapLayoutTables(tree: Root): number {
  let unwrapped = 0;
  const walk = (node: HastNode) => {
    if (!('children' in node)) return;
    node.children = (node.children as ElementContent[]).map((child) => {
      if (child.type !== 'element') return child;
      const layout =
        child.tagName === 'table' &&
        (() => {
          const rows = tableRows(child);
          const cells = rows.flat();
          return (
            Math.max(0, ...rows.map((row) => row.length)) <= 1 ||
            cells.some((cell) => findAll(cell, (element) => element.tagName === 'table').length > 0) ||
            cells.some((cell) => {
              const text = textOf(cell);
              return hanCount(text) >= 150 && /[。！？]/.test(text);
            })
          );
        })();
      walk(child);
      if (!layout) return child;
      unwrapped++;
      const blocks = tableRows(child)
        .flat()
        .map((cell): Element => ({ type: 'element', tagName: 'div', properties: {}, children: cell.children }));
      return { type: 'element', tagName: 'div', properties: {}, children: blocks };
    }) as never;
  };
  walk(tree);
  return unwrapped;
}

/** Clean a whole web page down to its article. */
export function cleanWebPage(tree: Root): CleanedPage {
  const removed: Removed[] = [];
  const pageText = textOf(tree);
  const pageDate = publicationDateIn(pageText);
  const titleElement = findAll(tree, (element) => element.tagName === 'title')[0];
  // A heading that is a column name (工作动态) or chrome is not the article's title.
  const titleLike = (text: string) => hanCount(text) >= 4 && !isColumnName(text) && !chromeKind(text);
  const h1 = findAll(tree, (element) => /^h[123]$/.test(element.tagName) && titleLike(textOf(element).trim()))[0];
  let title = h1
    ? textOf(h1).trim()
    : titleElement
      ? textOf(titleElement)
          .split(/\s*[_|｜–—-]\s*/)
          .find((part) => titleLike(part.trim()))
          ?.trim()
      : undefined;
  if (title === '') title = undefined;

  // Navigation, scripts and blocks named as chrome go first, so they cannot win the article vote.
  prune(
    tree,
    (child) => {
      if (child.type === 'comment') return { kind: '', text: '' };
      if (child.type !== 'element') return undefined;
      if (child.tagName === 'head' || child.tagName === 'script' || child.tagName === 'style')
        return { kind: '', text: '' };
      if (JUNK_TAGS.has(child.tagName)) return { kind: CHROME_KINDS.navigation, text: shorten(textOf(child)) };
      if (child.tagName !== 'body' && CHROME_NAMES.test(classAndId(child)))
        return { kind: CHROME_KINDS.tools, text: shorten(textOf(child)) };
      return undefined;
    },
    removed,
  );
  unwrapLayoutTables(tree);
  const root = articleRoot(tree);
  const article: Root = { type: 'root', children: root.type === 'root' ? root.children : [root] };
  let images = 0;
  prune(
    article,
    (child) => {
      if (child.type === 'comment') return { kind: '', text: '' };
      if (child.type === 'text')
        return IMAGE_FILE.test(child.value) ? { kind: CHROME_KINDS.imageFile, text: child.value.trim() } : undefined;
      if (child.type !== 'element') return undefined;
      if (child.tagName === 'img') {
        images++;
        return { kind: '', text: '' };
      }
      const text = textOf(child);
      if (child.tagName === 'a' && !child.properties?.href && text.trim() === '') return { kind: '空锚点', text: '' };
      if (BLOCK_TAGS.has(child.tagName) || child.tagName === 'a') {
        const line = text.trim();
        const kind = chromeKind(line);
        // The tail's first line stays for the line rules, which drop it and everything after it.
        if (kind && kind !== CHROME_KINDS.tail) return { kind, text: shorten(line) };
        if (title && /^h[1-6]$/.test(child.tagName) && line === title) return { kind: '', text: '' };
      }
      // A list of nothing but links is a related-links box.
      if (
        (child.tagName === 'ul' || child.tagName === 'ol') &&
        child.children.some((item) => item.type === 'element')
      ) {
        const items = child.children.filter((item): item is Element => item.type === 'element');
        if (
          items.every(
            (item) =>
              findAll(item, (element) => element.tagName === 'a').length > 0 &&
              textOf(item).trim() ===
                findAll(item, (element) => element.tagName === 'a')
                  .map(textOf)
                  .join('')
                  .trim(),
          )
        ) {
          return { kind: '相关链接列表', text: shorten(text) };
        }
      }
      return undefined;
    },
    removed,
  );
  return { tree: article, title, pageDate, removed: removed.filter((item) => item.kind), images };
}
