/**
 * Entry Markdown → the body's block tree (model/blocks.ts) and plain text.
 * CommonMark + GFM tables, CJK friendly emphasis; raw HTML is shown as text,
 * unsafe URLs never become links; 一、（一）1.（1） headings get their
 * official level; the entry's own images (resolved by the caller) become
 * figures, any other image the note ［图：说明］. render/html.ts turns the
 * result into HTML.
 */
import type { Definition, Heading, Html, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { Block, Body, Footnote, Inline, OfficialLevel } from '../model/blocks.ts';
import { isChinese } from '../text/chars.ts';

export interface CompileBodyOptions {
  /**
   * Leaders to mark in bold at the start of a leader-inspection item: each is
   * the full phrase (title + name) and the bare name. When the body already
   * mentions a name, that mention is bolded; otherwise the phrase is put in
   * front of the first paragraph.
   */
  leaders?: { phrase: string; name: string }[];
  /**
   * The entry's images that can be shown: destination as written in the
   * Markdown → path under the site base (`media/<hash>.png`, see
   * compile/images.ts). Every other image is shown as ［图：说明］.
   */
  images?: ReadonlyMap<string, string>;
}

/** `compileBody` or a stand-in giving the same result (the build's cache of compiled entries). */
export type BodyCompiler = (markdown: string, options?: CompileBodyOptions) => Body;

/** Official heading levels recognised from the text itself. */
const HEADING_PATTERNS: { level: OfficialLevel; pattern: RegExp }[] = [
  { level: 1, pattern: /^[一二三四五六七八九十]+、/ },
  { level: 2, pattern: /^（[一二三四五六七八九十]+）/ },
  { level: 3, pattern: /^\d+[.．]/ },
  { level: 4, pattern: /^（\d+）/ },
];

export function officialLevel(text: string): OfficialLevel | undefined {
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
      if (
        !parent ||
        index === undefined ||
        !node.children.some((child) => child.type === 'text' && child.value.includes('\n'))
      )
        return;
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

interface LevelData {
  officialLevel?: OfficialLevel;
}

/** 一、（一）1.（1） decide a heading's level themselves, whatever number of # the clerk typed (before leaders are put in front). */
function remarkOfficialLevels() {
  return (tree: Root) => {
    visit(tree, 'heading', (node: Heading) => {
      const level = officialLevel(toString(node));
      if (level) (node.data as LevelData | undefined) = { ...node.data, officialLevel: level };
    });
    // A paragraph that is only 一、… (short, no full stop) reads as a heading in official text.
    visit(tree, 'paragraph', (node: Paragraph) => {
      const text = toString(node);
      const level = officialLevel(text);
      if (level && text.length <= 40 && !/[。；：]$/.test(text) && !text.includes('\n'))
        (node.data as LevelData | undefined) = { ...node.data, officialLevel: level };
    });
  };
}

function optionsOf(file: VFile): CompileBodyOptions {
  return (file.data as { compile?: CompileBodyOptions }).compile ?? {};
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
        const target = node.value.includes(leader.phrase)
          ? leader.phrase
          : node.value.includes(leader.name)
            ? leader.name
            : undefined;
        if (!target) return;
        found = true;
        const at = node.value.indexOf(target);
        const parts: PhrasingContent[] = [];
        if (at > 0) parts.push({ type: 'text', value: node.value.slice(0, at) });
        parts.push({ type: 'strong', children: [{ type: 'text', value: target }] });
        if (at + target.length < node.value.length)
          parts.push({ type: 'text', value: node.value.slice(at + target.length) });
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
export const SAFE_PROTOCOLS = ['http', 'https', 'mailto', 'tel'];

/**
 * Whether a URL may become a link. Browsers ignore tabs, newlines and leading
 * control characters, so `java\tscript:` is `javascript:`; compare the same way.
 * Relative paths are refused too: entries carry no files, so they would dangle.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers strip leading C0 controls; so must we
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme !== undefined && SAFE_PROTOCOLS.includes(scheme);
}

/** Ids the HTML of a body carries (its footnotes'), which a fragment link may point at. */
function footnoteIds(footnotes: readonly Footnote[]): Set<string> {
  const ids = new Set<string>(footnotes.length ? ['footnote-label'] : []);
  for (const { id } of footnotes) {
    const safe = normalizeUri(id.toLowerCase());
    ids.add(`user-content-fn-${safe}`).add(`user-content-fnref-${safe}`);
  }
  return ids;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkRawHtmlAsText)
  .use(remarkCjkLineBreaks)
  .use(remarkOfficialLevels)
  .use(remarkLeaders)
  .freeze();

/** Nodes whose children are blocks (or cells): their texts are joined with a space. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);

/** Plain text of a Markdown tree, a space between blocks and table cells (`检查。 a b`, not `检查。ab`). */
function plainText(node: Root | RootContent): string {
  if ('children' in node)
    return (node.children as RootContent[]).map(plainText).join(BLOCK_PARENTS.has(node.type) ? ' ' : '');
  return 'value' in node ? node.value : '';
}

type MdNode = Root | RootContent;

/** mdast (after the transforms above) → blocks. */
class BodyBuilder {
  readonly footnotes: Footnote[] = [];
  private readonly definitions = new Map<string, Definition>();
  private fragments = new Set<string>();

  constructor(
    tree: Root,
    private readonly images: ReadonlyMap<string, string>,
  ) {
    visit(tree, (node) => {
      if (node.type === 'definition' && !this.definitions.has(node.identifier))
        this.definitions.set(node.identifier, node);
      if (node.type === 'footnoteDefinition')
        this.footnotes.push({ id: node.identifier, label: node.label ?? node.identifier, children: [] });
    });
    this.fragments = footnoteIds(this.footnotes);
    let at = 0;
    visit(tree, 'footnoteDefinition', (node) => {
      this.footnotes[at++]!.children = this.blocks(node.children);
      return 'skip';
    });
  }

  blocks(nodes: readonly MdNode[]): Block[] {
    return nodes.flatMap((node) => this.block(node));
  }

  private block(node: MdNode): Block[] {
    switch (node.type) {
      case 'paragraph':
        return this.paragraph(node);
      case 'heading': {
        const level = (node.data as LevelData | undefined)?.officialLevel;
        return [
          { type: 'heading', depth: node.depth, ...(level ? { level } : {}), children: this.inlines(node.children) },
        ];
      }
      case 'list':
        return [
          {
            type: 'list',
            ordered: node.ordered ?? false,
            start: node.start ?? null,
            spread: node.spread ?? false,
            items: node.children.map((item) => ({
              spread: item.spread ?? false,
              checked: item.checked ?? null,
              children: this.blocks(item.children),
            })),
          },
        ];
      case 'table':
        return [
          {
            type: 'table',
            align: node.align ?? [],
            rows: node.children.map((row) => ({ cells: row.children.map((cell) => this.inlines(cell.children)) })),
          },
        ];
      case 'blockquote':
        return [{ type: 'quote', children: this.blocks(node.children) }];
      case 'code':
        return [{ type: 'codeBlock', lang: node.lang ?? null, value: node.value }];
      case 'thematicBreak':
        return [{ type: 'rule' }];
      // Definitions only resolve references; footnotes are kept apart (this.footnotes).
      case 'definition':
      case 'footnoteDefinition':
        return [];
      default:
        // Phrasing content where a block belongs (not produced by the parser): a paragraph of it.
        return 'children' in node || 'value' in node
          ? [{ type: 'paragraph', children: this.inlines([node as PhrasingContent]) }]
          : [];
    }
  }

  /**
   * A paragraph; an own image standing in it becomes a figure of its own,
   * the text around it stays in paragraphs, the line breaks and spaces left
   * at the cuts trimmed. Images inside links or emphasis stay inline.
   */
  private paragraph(node: Paragraph): Block[] {
    const level = (node.data as LevelData | undefined)?.officialLevel;
    const children = this.inlines(node.children);
    if (!children.some((child) => child.type === 'image'))
      return [{ type: 'paragraph', ...(level ? { level } : {}), children }];
    const blocks: Block[] = [];
    let run: Inline[] = [];
    const flush = () => {
      while (run.length && isBlank(run[0]!)) run.shift();
      while (run.length && isBlank(run[run.length - 1]!)) run.pop();
      const first = run[0];
      if (first?.type === 'text') run[0] = { type: 'text', value: first.value.trimStart() };
      const last = run[run.length - 1];
      if (last?.type === 'text') run[run.length - 1] = { type: 'text', value: last.value.trimEnd() };
      if (run.length) blocks.push({ type: 'paragraph', ...(level ? { level } : {}), children: run });
      run = [];
    };
    for (const child of children) {
      if (child.type === 'image') {
        flush();
        blocks.push({ type: 'figure', image: { output: child.output, alt: child.alt }, caption: child.alt });
      } else run.push(child);
    }
    flush();
    return blocks;
  }

  inlines(nodes: readonly PhrasingContent[]): Inline[] {
    return nodes.flatMap((node) => this.inline(node));
  }

  private inline(node: PhrasingContent): Inline[] {
    switch (node.type) {
      case 'text':
        return [{ type: 'text', value: node.value }];
      case 'break':
        return [{ type: 'break' }];
      case 'inlineCode':
        return [{ type: 'code', value: node.value }];
      case 'strong':
      case 'emphasis':
      case 'delete':
        return [{ type: node.type, children: this.inlines(node.children) }];
      case 'link':
        return this.link(node.url, node.title ?? null, node.children);
      case 'linkReference': {
        const definition = this.definitions.get(node.identifier);
        return definition
          ? this.link(definition.url, definition.title ?? null, node.children)
          : this.inlines(node.children);
      }
      case 'image':
        return this.image(node.url, node.alt ?? '');
      case 'imageReference': {
        const definition = this.definitions.get(node.identifier);
        return this.image(definition?.url, node.alt ?? '');
      }
      case 'footnoteReference':
        return [{ type: 'footnoteReference', id: node.identifier, label: node.label ?? node.identifier }];
      case 'html':
        return [{ type: 'text', value: node.value }];
      default:
        return [{ type: 'text', value: toString(node) }];
    }
  }

  /** A safe link, or a fragment to one of the body's footnotes; anything else becomes its text. */
  private link(url: string, title: string | null, children: PhrasingContent[]): Inline[] {
    const href = normalizeUri(url);
    const fragment = href.startsWith('#') && this.fragments.has(decodeURIComponent(href.slice(1)));
    const inner = this.inlines(children);
    return fragment || isSafeUrl(href) ? [{ type: 'link', href: url, title, children: inner }] : inner;
  }

  /** An own image (the caller resolved it), or ［图：说明］: the site loads nothing from outside. */
  private image(url: string | undefined, alt: string): Inline[] {
    const output = url === undefined ? undefined : this.images.get(url);
    return output ? [{ type: 'image', output, alt }] : [{ type: 'text', value: `［图：${alt || '图片'}］` }];
  }
}

function isBlank(node: Inline): boolean {
  return (node.type === 'text' && node.value.trim() === '') || node.type === 'break';
}

/** Compile entry (or 按语) Markdown into its body: blocks, footnotes, plain text. */
export function compileBody(markdown: string, options: CompileBodyOptions = {}): Body {
  const file = new VFile({ value: markdown, data: { compile: options } });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  // After the run: the transforms changed the tree in place (leader names added, raw HTML as text).
  const text = plainText(tree).replace(/\s+/g, ' ').trim();
  const builder = new BodyBuilder(tree, options.images ?? new Map());
  return { blocks: builder.blocks(tree.children), footnotes: builder.footnotes, text };
}
