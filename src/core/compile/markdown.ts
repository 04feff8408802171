/**
 * Entry Markdown → safe HTML and plain text. CommonMark + GFM tables, CJK
 * friendly emphasis; raw HTML is shown as text, unsafe URLs never become
 * links; 一、（一）1.（1） headings get their official level; the entry's own
 * images (resolved by the caller) become figures, any other image a note.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastNode } from 'hast';
import type { Heading, Html, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { visitImages } from '../load/images.ts';
import { isChinese } from '../text/chars.ts';

export interface RenderOptions {
  /**
   * Leaders to mark in bold at the start of a leader-inspection item: each is
   * the full phrase (title + name) and the bare name. When the body already
   * mentions a name, that mention is bolded; otherwise the phrase is put in
   * front of the first paragraph.
   */
  leaders?: { phrase: string; name: string }[];
  /** Heading depth of the surrounding page: entry `#` (or 一、) becomes h(depth+1). */
  headingOffset?: number;
  /**
   * Prefix for the ids the Markdown itself creates (footnotes), so that
   * several entries on one page never share an id. Usually the entry anchor.
   */
  idPrefix?: string;
  /**
   * The entry's images that can be shown: destination as written in the
   * Markdown → path under the site base (`media/<hash>.png`, see
   * compile/images.ts). Every other image is shown as ［图：说明］.
   */
  images?: ReadonlyMap<string, string>;
  /** The site base the image paths hang under (`/` or `/bulletin/`); default `/`. */
  base?: string;
}

export interface RenderedMarkdown {
  html: string;
  text: string;
}

/** `renderMarkdown` or a stand-in giving the same result (the build's cache of rendered entries). */
export type MarkdownRenderer = (markdown: string, options?: RenderOptions) => RenderedMarkdown;

/** Official heading levels recognised from the text itself. */
export const HEADING_PATTERNS: { level: 1 | 2 | 3 | 4; pattern: RegExp }[] = [
  { level: 1, pattern: /^[一二三四五六七八九十]+、/ },
  { level: 2, pattern: /^（[一二三四五六七八九十]+）/ },
  { level: 3, pattern: /^\d+[.．]/ },
  { level: 4, pattern: /^（\d+）/ },
];

export function officialLevel(text: string): 1 | 2 | 3 | 4 | undefined {
  return HEADING_PATTERNS.find(({ pattern }) => pattern.test(text.trim()))?.level;
}

/** Raw HTML is content the clerk typed: show it, do not render it. */
function remarkRawHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!parent || index === undefined) return;
      const text: Text = { type: 'text', value: node.value };
      if (parent.type === 'root') {
        const paragraph: Paragraph = { type: 'paragraph', children: [text] };
        parent.children.splice(index, 1, paragraph);
      } else {
        (parent.children as PhrasingContent[]).splice(index, 1, text);
      }
    });
  };
}

function optionsOf(file: VFile): RenderOptions {
  return (file.data as { render?: RenderOptions }).render ?? {};
}

/** hast property marking an image this render resolved itself. */
const OWN_IMAGE = 'dataJianbaoImage';

/** The image URLs this render produced itself: the only ones a page may load. */
function ownImagesOf(file: VFile): Set<string> {
  const data = file.data as { ownImages?: Set<string> };
  data.ownImages ??= new Set();
  return data.ownImages;
}

/**
 * An image the caller resolved gets its site URL (lazy loading); the others
 * are left for rehypeSafeLinks to turn into a note.
 */
function remarkLocalImages() {
  return (tree: Root, file: VFile) => {
    const { images, base = '/' } = optionsOf(file);
    if (!images || images.size === 0) return;
    visitImages(tree, (image, url) => {
      const output = images.get(url);
      if (!output) return;
      // The marker cannot come from the text (raw HTML is text) and never survives the sanitizer.
      image.data = { ...image.data, hProperties: { src: `${base}${output}`, alt: image.alt ?? '', loading: 'lazy', [OWN_IMAGE]: true } };
    });
  };
}

/** A line that ends a sentence: 。！？ (or …… / ；), perhaps followed by a closing quote or bracket. */
const SENTENCE_END = /(?:[。！？；]|……)[”’」』）》]*$/;

/**
 * Lines typed one under another without a blank line (a soft line break):
 * between Chinese characters the break is nothing (`…35处。 一、…` showed a
 * space on the web and in print); a line that starts with a heading number
 * (一、（一）1.（1）) or follows a sentence-final mark starts a paragraph of
 * its own, as the clerk meant. Between Latin words the break stays a space.
 */
function remarkCjkLineBreaks() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined || !node.children.some((child) => child.type === 'text' && child.value.includes('\n'))) return;
      // The paragraph's lines, each a list of phrasing nodes (only top-level text breaks lines).
      const lines: PhrasingContent[][] = [[]];
      for (const child of node.children) {
        if (child.type !== 'text' || !child.value.includes('\n')) {
          lines.at(-1)!.push(child);
          continue;
        }
        child.value.split('\n').forEach((part, at) => {
          if (at > 0) lines.push([]);
          if (part) lines.at(-1)!.push({ type: 'text', value: part });
        });
      }
      const lineText = (line: PhrasingContent[]) => line.map((item) => toString(item)).join('');
      const paragraphs: PhrasingContent[][] = [lines[0]!];
      // Whether the paragraph so far is one heading line (一、加强组织领导): the next line is the text under it.
      let heading = isHeadingLine(lineText(lines[0]!));
      for (const line of lines.slice(1)) {
        const current = paragraphs.at(-1)!;
        const before = lineText(current).trimEnd();
        const after = lineText(line).trimStart();
        if (!after) continue;
        if (heading || SENTENCE_END.test(before) || officialLevel(after) !== undefined) {
          paragraphs.push(line);
          heading = isHeadingLine(after);
          continue;
        }
        heading = false;
        // Nothing between Chinese and anything; a space only between two Latin words or numbers.
        const joint = isChinese([...before].at(-1)) || isChinese([...after][0]) ? '' : ' ';
        current.push({ type: 'text', value: joint }, ...line);
      }
      const merged = paragraphs
        .map((children) => mergeTexts(children))
        .filter((children) => children.length > 0)
        .map((children): Paragraph => ({ type: 'paragraph', children }));
      parent.children.splice(index, 1, ...(merged as typeof parent.children));
      return index + merged.length;
    });
  };
}

/** Adjacent text nodes joined, leading and trailing spaces of the paragraph trimmed. */
function mergeTexts(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
    else out.push(child.type === 'text' ? { ...child } : child);
  }
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.replace(/^[ \t]+/, '');
  const end = out.at(-1);
  if (end?.type === 'text') end.value = end.value.replace(/[ \t]+$/, '');
  return out.filter((child) => child.type !== 'text' || child.value !== '');
}

/** A short line that is only 一、… (no full stop): a heading in official text. */
function isHeadingLine(text: string): boolean {
  const trimmed = text.trim();
  return officialLevel(trimmed) !== undefined && trimmed.length <= 40 && !/[。；：]$/.test(trimmed);
}

function remarkOfficialHeadings() {
  return (tree: Root, file: VFile) => {
    const offset = optionsOf(file).headingOffset ?? 3;
    visit(tree, 'heading', (node: Heading) => {
      // 一、（一）1.（1） decide the level themselves, whatever number of # the clerk typed.
      const level = officialLevel(toString(node));
      const depth = Math.min(6, (level ?? node.depth) + offset) as Heading['depth'];
      node.data = {
        ...node.data,
        hName: `h${depth}`,
        hProperties: { className: level ? [`level-${level}`] : [`depth-${node.depth}`] },
      };
    });
    // A paragraph that is only 一、… (short, no full stop) reads as a heading in official text.
    visit(tree, 'paragraph', (node: Paragraph) => {
      const text = toString(node);
      const level = officialLevel(text);
      if (level && text.length <= 40 && !/[。；：]$/.test(text) && !text.includes('\n')) {
        node.data = { ...node.data, hProperties: { className: [`level-${level}`] } };
      }
    });
  };
}

function remarkLeaders() {
  return (tree: Root, file: VFile) => {
    const leaders = optionsOf(file).leaders ?? [];
    if (leaders.length === 0) return;
    const missing: string[] = [];
    for (const leader of leaders) {
      let found = false;
      visit(tree, 'text', (node: Text, index, parent) => {
        if (found || !parent || index === undefined || parent.type === 'strong' || parent.type === 'link') return;
        const target = node.value.includes(leader.phrase) ? leader.phrase : node.value.includes(leader.name) ? leader.name : undefined;
        if (!target) return;
        found = true;
        const at = node.value.indexOf(target);
        const parts: PhrasingContent[] = [];
        if (at > 0) parts.push({ type: 'text', value: node.value.slice(0, at) });
        parts.push({ type: 'strong', children: [{ type: 'text', value: target }] });
        if (at + target.length < node.value.length) parts.push({ type: 'text', value: node.value.slice(at + target.length) });
        (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
        return false;
      });
      // Also accept a mention already in bold.
      if (!found) {
        visit(tree, 'strong', (node) => {
          if (toString(node).includes(leader.name)) found = true;
        });
      }
      if (!found) missing.push(leader.phrase);
    }
    if (missing.length === 0) return;
    const first = tree.children.find((node): node is Paragraph => node.type === 'paragraph');
    // The bold names run straight into the text (区长黄志远12月2日，带队…): no space, as the print shows it.
    const lead: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: missing.join('，') }] }];
    if (first) first.children.unshift(...lead);
    else tree.children.unshift({ type: 'paragraph', children: lead });
  };
}

/** Link targets a page may carry: web, mail and phone. Anything else is shown as text. */
const SAFE_PROTOCOLS = ['http', 'https', 'mailto', 'tel'];

/**
 * Whether a URL may become a link. Browsers ignore tabs, newlines and leading
 * control characters, so `java\tscript:` is `javascript:`; compare the same way.
 * Relative paths are refused too: entries carry no files, so they would dangle.
 */
export function isSafeUrl(url: string): boolean {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme !== undefined && SAFE_PROTOCOLS.includes(scheme);
}

function collectIds(node: HastRoot | HastNode, ids: Set<string>): void {
  if (node.type === 'element' && typeof node.properties.id === 'string') ids.add(node.properties.id);
  if (node.type === 'root' || node.type === 'element') for (const child of node.children) collectIds(child, ids);
}

/**
 * Unsafe or dangling links become their text; images other than the entry's
 * own become a bracketed note with their description, since the site loads
 * nothing from outside.
 */
function rehypeSafeLinks() {
  return (tree: HastRoot, file: VFile) => {
    const own = ownImagesOf(file);
    const ids = new Set<string>();
    collectIds(tree, ids);
    const walk = (parent: HastRoot | Element) => {
      const children: (typeof parent.children)[number][] = [];
      for (const child of parent.children) {
        if (child.type !== 'element') {
          children.push(child);
          continue;
        }
        if (child.tagName === 'img' && child.properties[OWN_IMAGE] === true) {
          own.add(String(child.properties.src));
          children.push(child);
          continue;
        }
        if (child.tagName === 'img') {
          const alt = typeof child.properties.alt === 'string' && child.properties.alt ? child.properties.alt : '图片';
          children.push({ type: 'text', value: `［图：${alt}］` });
          continue;
        }
        if (child.tagName === 'a') {
          const href = typeof child.properties.href === 'string' ? child.properties.href : '';
          const fragment = href.startsWith('#') && ids.has(decodeURIComponent(href.slice(1)));
          if (!fragment && !isSafeUrl(href)) {
            walk(child);
            children.push(...child.children);
            continue;
          }
        }
        walk(child);
        children.push(child);
      }
      parent.children = children as typeof parent.children;
    };
    walk(tree);
  };
}

function isBlank(node: ElementContent): boolean {
  return (node.type === 'text' && node.value.trim() === '') || (node.type === 'element' && node.tagName === 'br');
}

/**
 * An image standing in a paragraph becomes a figure of its own, captioned
 * with its description; the text around it stays in paragraphs (a figure
 * may not sit inside a <p>). Images inside links, headings or table cells
 * stay inline.
 */
function rehypeFigures() {
  return (tree: HastRoot) => {
    const figureOf = (img: Element): Element => {
      const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
      const caption: Element[] = alt ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: alt }] }] : [];
      return { type: 'element', tagName: 'figure', properties: {}, children: [img, ...caption] };
    };
    const walk = (parent: HastRoot | Element) => {
      const children: (typeof parent.children)[number][] = [];
      for (const child of parent.children) {
        if (child.type !== 'element') {
          children.push(child);
          continue;
        }
        if (child.tagName !== 'p' || !child.children.some((node) => node.type === 'element' && node.tagName === 'img')) {
          walk(child);
          children.push(child);
          continue;
        }
        let run: ElementContent[] = [];
        const flush = () => {
          // Trim the line breaks and spaces left at the cut.
          while (run.length && isBlank(run[0]!)) run.shift();
          while (run.length && isBlank(run[run.length - 1]!)) run.pop();
          const first = run[0];
          const last = run[run.length - 1];
          if (first?.type === 'text') run[0] = { ...first, value: first.value.trimStart() };
          if (last?.type === 'text') run[run.length - 1] = { ...last, value: (run[run.length - 1] as typeof last).value.trimEnd() };
          if (run.length) children.push({ ...child, properties: { ...child.properties }, children: run });
          run = [];
        };
        for (const node of child.children) {
          if (node.type === 'element' && node.tagName === 'img') {
            flush();
            children.push(figureOf(node));
          } else run.push(node);
        }
        flush();
      }
      parent.children = children as typeof parent.children;
    };
    walk(tree);
  };
}

/** After sanitizing: an image whose URL this render did not produce is dropped. */
function rehypeOnlyOwnImages() {
  return (tree: HastRoot, file: VFile) => {
    const own = ownImagesOf(file);
    const walk = (parent: HastRoot | Element) => {
      parent.children = parent.children.filter((child) => !(child.type === 'element' && child.tagName === 'img' && !own.has(String(child.properties.src)))) as typeof parent.children;
      for (const child of parent.children) if (child.type === 'element') walk(child);
    };
    walk(tree);
  };
}

/** Footnote ids (and the links to them) get the entry's prefix: unique on a page of many entries. */
function rehypePrefixIds() {
  return (tree: HastRoot, file: VFile) => {
    const prefix = optionsOf(file).idPrefix;
    if (!prefix) return;
    const visitNode = (node: HastRoot | HastNode) => {
      if (node.type === 'element') {
        const { id, href } = node.properties;
        if (typeof id === 'string') node.properties.id = `${prefix}-${id}`;
        if (typeof href === 'string' && href.startsWith('#')) node.properties.href = `#${prefix}-${href.slice(1)}`;
        for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
          const value = node.properties[key];
          if (Array.isArray(value)) node.properties[key] = value.map((item) => `${prefix}-${item}`);
        }
      }
      if (node.type === 'root' || node.type === 'element') node.children.forEach(visitNode);
    };
    visitNode(tree);
  };
}

const sanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: SAFE_PROTOCOLS },
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'],
    img: ['src', 'alt', ['loading', 'lazy'] as [string, string]],
  },
  // Ids come only from our own pipeline (footnotes); rehypePrefixIds makes them unique.
  clobber: [],
  clobberPrefix: '',
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkRawHtmlAsText)
  .use(remarkCjkLineBreaks)
  .use(remarkOfficialHeadings)
  .use(remarkLeaders)
  .use(remarkLocalImages)
  .use(remarkRehype, { allowDangerousHtml: false, footnoteLabel: '注释', footnoteLabelTagName: 'p', footnoteBackLabel: '返回正文' })
  .use(rehypeSafeLinks)
  .use(rehypeFigures)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeOnlyOwnImages)
  .use(rehypePrefixIds)
  .use(rehypeStringify)
  .freeze();

/** Nodes whose children are blocks (or cells): their texts are joined with a space. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);

/** Plain text of a Markdown tree, a space between blocks and table cells (`检查。 a b`, not `检查。ab`). */
function plainText(node: Root | Root['children'][number] | PhrasingContent): string {
  if ('children' in node) return (node.children as (typeof node)[]).map(plainText).join(BLOCK_PARENTS.has(node.type) ? ' ' : '');
  return 'value' in node ? node.value : '';
}

/** Render entry Markdown to safe HTML, plus its plain text. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedMarkdown {
  const file = new VFile({ value: markdown, data: { render: options } });
  const mdast = processor.parse(file);
  const hast = processor.runSync(mdast, file);
  // After the run: the remark plugins changed the tree in place (leader names added, raw HTML as text).
  const text = plainText(mdast).replace(/\s+/g, ' ').trim();
  const html = processor.stringify(hast, file);
  return { html, text };
}
