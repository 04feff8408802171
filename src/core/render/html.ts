/**
 * A body (model/blocks.ts) → safe HTML: the renderer the site's issue page
 * and print page use. The blocks become mdast again and go through
 * mdast-util-to-hast (CommonMark's HTML conventions: footnotes, task lists,
 * table alignment), official levels as `h{n}` with `level-N`, figures with
 * their caption; then the sanitizer, as a second line of defence behind the
 * block tree (which holds only safe links and the entry's own images), and
 * the entry's prefix on the ids footnotes create.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastNode } from 'hast';
import type { BlockContent, FootnoteDefinition, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { compileBody, SAFE_PROTOCOLS, type CompileBodyOptions } from '../compile/markdown.ts';
import type { Block, Body, Footnote, ImageRef, Inline } from '../model/blocks.ts';
import type { CompiledEntry, CompiledIssue } from '../model/issue.ts';

export interface HtmlOptions {
  /** Heading depth of the surrounding page: a body's `#` (or 一、) becomes h(depth+1); default 3. */
  headingOffset?: number;
  /**
   * Prefix for the ids the body itself creates (footnotes), so that several
   * entries on one page never share an id. Usually the entry anchor.
   */
  idPrefix?: string;
  /** The site base image paths hang under (`/` or `/bulletin/`); default `/`. */
  base?: string;
}

interface Context {
  offset: number;
  base: string;
}

function imageElement(image: ImageRef, context: Context): Element {
  return {
    type: 'element',
    tagName: 'img',
    properties: { src: `${context.base}${image.output}`, alt: image.alt, loading: 'lazy' },
    children: [],
  };
}

function inlineNode(inline: Inline, context: Context): PhrasingContent {
  switch (inline.type) {
    case 'text':
      return { type: 'text', value: inline.value };
    case 'break':
      return { type: 'break' };
    case 'code':
      return { type: 'inlineCode', value: inline.value };
    case 'image': {
      const src = `${context.base}${inline.output}`;
      return {
        type: 'image',
        url: src,
        alt: inline.alt,
        data: { hProperties: { src, alt: inline.alt, loading: 'lazy' } },
      };
    }
    case 'footnoteReference':
      return { type: 'footnoteReference', identifier: inline.id, label: inline.label };
    case 'strong':
    case 'emphasis':
    case 'delete':
      return { type: inline.type, children: inlineNodes(inline.children, context) };
    case 'link':
      return { type: 'link', url: inline.href, title: inline.title, children: inlineNodes(inline.children, context) };
  }
}

function inlineNodes(inlines: readonly Inline[], context: Context): PhrasingContent[] {
  return inlines.map((inline) => inlineNode(inline, context));
}

function blockNode(block: Block, context: Context): BlockContent {
  switch (block.type) {
    case 'paragraph':
      return {
        type: 'paragraph',
        children: inlineNodes(block.children, context),
        ...(block.level ? { data: { hProperties: { className: [`level-${block.level}`] } } } : {}),
      };
    case 'heading': {
      const depth = Math.min(6, (block.level ?? block.depth) + context.offset);
      return {
        type: 'heading',
        depth: block.depth,
        children: inlineNodes(block.children, context),
        data: {
          hName: `h${depth}`,
          hProperties: { className: block.level ? [`level-${block.level}`] : [`depth-${block.depth}`] },
        },
      };
    }
    case 'list':
      return {
        type: 'list',
        ordered: block.ordered,
        start: block.start,
        spread: block.spread,
        children: block.items.map((item) => ({
          type: 'listItem',
          spread: item.spread,
          checked: item.checked,
          children: blockNodes(item.children, context),
        })),
      };
    case 'table':
      return {
        type: 'table',
        align: block.align,
        children: block.rows.map((row): TableRow => ({
          type: 'tableRow',
          children: row.cells.map((cell) => ({ type: 'tableCell', children: inlineNodes(cell, context) })),
        })),
      };
    case 'figure': {
      const caption: ElementContent[] = block.caption
        ? [
            {
              type: 'element',
              tagName: 'figcaption',
              properties: {},
              children: [{ type: 'text', value: block.caption }],
            },
          ]
        : [];
      return {
        type: 'paragraph',
        children: [],
        data: { hName: 'figure', hChildren: [imageElement(block.image, context), ...caption] },
      };
    }
    case 'quote':
      return { type: 'blockquote', children: blockNodes(block.children, context) };
    case 'codeBlock':
      return { type: 'code', lang: block.lang, meta: null, value: block.value };
    case 'rule':
      return { type: 'thematicBreak' };
  }
}

function blockNodes(blocks: readonly Block[], context: Context): BlockContent[] {
  return blocks.map((block) => blockNode(block, context));
}

function footnoteNode(footnote: Footnote, context: Context): FootnoteDefinition {
  return {
    type: 'footnoteDefinition',
    identifier: footnote.id,
    label: footnote.label,
    children: blockNodes(footnote.children, context),
  };
}

/** Footnote ids (and the links to them) get the entry's prefix: unique on a page of many entries. */
function rehypePrefixIds() {
  return (tree: HastRoot, file: VFile) => {
    const prefix = (file.data as { idPrefix?: string }).idPrefix;
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
  // Ids come only from mdast-util-to-hast (footnotes); rehypePrefixIds makes them unique.
  clobber: [],
  clobberPrefix: '',
};

const processor = unified().use(rehypeSanitize, sanitizeSchema).use(rehypePrefixIds).use(rehypeStringify).freeze();

/** The body as safe HTML. */
export function bodyHtml(body: Pick<Body, 'blocks' | 'footnotes'>, options: HtmlOptions = {}): string {
  const context: Context = { offset: options.headingOffset ?? 3, base: options.base ?? '/' };
  const tree: Root = {
    type: 'root',
    children: [
      ...blockNodes(body.blocks, context),
      ...body.footnotes.map((footnote) => footnoteNode(footnote, context)),
    ] as RootContent[],
  };
  const hast = toHast(tree, {
    allowDangerousHtml: false,
    footnoteLabel: '注释',
    footnoteLabelTagName: 'p',
    footnoteBackLabel: '返回正文',
  }) as HastRoot;
  const file = new VFile({ data: { idPrefix: options.idPrefix } });
  return processor.stringify(processor.runSync(hast, file), file);
}

/** Heading depth an entry's body sits under: h1 masthead, h2 section (sections layout) or article title, h3 entry title. */
function entryHeadingOffset(issue: Pick<CompiledIssue, 'series'>): number {
  return issue.series.layout === 'sections' ? 3 : 2;
}

/** An entry's body as the issue page and the print page show it; `base`: the site base its images hang under. */
export function entryHtml(entry: CompiledEntry, issue: Pick<CompiledIssue, 'series'>, base: string): string {
  return bodyHtml(entry.body, { headingOffset: entryHeadingOffset(issue), idPrefix: entry.anchor, base });
}

/** The issue's 按语 as HTML, or undefined when it has none. */
export function noteHtml(issue: Pick<CompiledIssue, 'note'>): string | undefined {
  return issue.note ? bodyHtml(issue.note) : undefined;
}

/** Markdown straight to HTML and plain text: compile, then render (tests, and callers without an issue). */
export function renderMarkdown(
  markdown: string,
  options: CompileBodyOptions & HtmlOptions = {},
): { html: string; text: string } {
  const body = compileBody(markdown, {
    ...(options.leaders ? { leaders: options.leaders } : {}),
    ...(options.images ? { images: options.images } : {}),
  });
  return { html: bodyHtml(body, options), text: body.text };
}
