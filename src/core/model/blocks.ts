/**
 * The body of an entry (and the 按语 of an issue) as a typed block tree: what
 * the clerk's Markdown says after jianbao's transforms — official heading
 * levels (一、（一）1.（1）) recognised, leaders' names in bold, raw HTML as
 * text, unsafe links as their text, the entry's own images resolved (an
 * image standing in a paragraph is a figure of its own), any other image as
 * the note ［图：说明］. Derived from mdast by compile/markdown.ts; renderers
 * (render/html.ts, a Word export…) only turn it into their format.
 *
 * The zod schemas are the single source: the types are inferred from them
 * (recursion through getters, zod 4), and a stored snapshot (a published
 * issue kept as JSON) can be validated when read back, or described with
 * `z.toJSONSchema`. Everything is plain JSON data, in document order.
 */
import { z } from 'zod';

/** An official heading level: 1 一、 · 2 （一） · 3 1. · 4 （1）. */
export const officialLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type OfficialLevel = z.infer<typeof officialLevelSchema>;

/** One of the entry's own images: where the site serves it and its description. */
export const imageRefSchema = z.object({
  /** `media/<sha256-12>.<ext>`, relative to the site base (compile/images.ts); the entry's `images` name its source file. */
  output: z.string(),
  /** The Markdown's description (`![说明](…)`), possibly empty. */
  alt: z.string(),
});
export type ImageRef = z.infer<typeof imageRefSchema>;

const inlines = () => z.array(inlineSchema);
const blocks = () => z.array(blockSchema);

/**
 * Inline content. `image` is an own image that stays in its line (inside a
 * link, a heading or a table cell); `code` is inline code; a link's href is
 * http, https, mailto or tel (`isSafeUrl`) or a fragment inside the body.
 */
export const inlineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), value: z.string() }),
  z.object({ type: z.literal('break') }),
  z.object({ type: z.literal('code'), value: z.string() }),
  z.object({ type: z.literal('image'), output: z.string(), alt: z.string() }),
  /** `id`: the footnote's identifier (normalised label). */
  z.object({ type: z.literal('footnoteReference'), id: z.string(), label: z.string() }),
  z.object({
    type: z.literal('strong'),
    get children() {
      return inlines();
    },
  }),
  z.object({
    type: z.literal('emphasis'),
    get children() {
      return inlines();
    },
  }),
  z.object({
    type: z.literal('delete'),
    get children() {
      return inlines();
    },
  }),
  z.object({
    type: z.literal('link'),
    href: z.string(),
    title: z.string().nullable(),
    get children() {
      return inlines();
    },
  }),
]);
export type Inline = z.infer<typeof inlineSchema>;

export const listItemSchema = z.object({
  /** Loose: its blocks are separate paragraphs. */
  spread: z.boolean(),
  /** A task-list item's box (`- [x]`); null: none. */
  checked: z.boolean().nullable(),
  get children() {
    return blocks();
  },
});
export type ListItem = z.infer<typeof listItemSchema>;

export const cellAlignSchema = z.enum(['left', 'right', 'center']).nullable();

export const blockSchema = z.discriminatedUnion('type', [
  /** `level`: a short paragraph that is only 一、… (no full stop) reads as a heading of that official level. */
  z.object({ type: z.literal('paragraph'), level: officialLevelSchema.optional(), children: inlines() }),
  /** `depth`: the number of # typed; `level`: the official level its text gives it, which decides over `depth`. */
  z.object({
    type: z.literal('heading'),
    depth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    level: officialLevelSchema.optional(),
    children: inlines(),
  }),
  /** `start`: first number of an ordered list, null when not ordered. */
  z.object({
    type: z.literal('list'),
    ordered: z.boolean(),
    start: z.number().int().nullable(),
    spread: z.boolean(),
    items: z.array(listItemSchema),
  }),
  /** `align` per column; the first row is the header row. */
  z.object({
    type: z.literal('table'),
    align: z.array(cellAlignSchema),
    rows: z.array(z.object({ cells: z.array(inlines()) })),
  }),
  /** An own image on its own, `caption` its description (empty: none). */
  z.object({ type: z.literal('figure'), image: imageRefSchema, caption: z.string() }),
  z.object({
    type: z.literal('quote'),
    get children() {
      return blocks();
    },
  }),
  z.object({ type: z.literal('codeBlock'), lang: z.string().nullable(), value: z.string() }),
  z.object({ type: z.literal('rule') }),
]);
export type Block = z.infer<typeof blockSchema>;
export type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;
export type InlineOf<T extends Inline['type']> = Extract<Inline, { type: T }>;

export const footnoteSchema = z.object({
  /** The identifier references use. */
  id: z.string(),
  label: z.string(),
  children: blocks(),
});
export type Footnote = z.infer<typeof footnoteSchema>;

/** A body: its blocks, its footnotes (as written), and its plain text (lists, feeds, search), a space between blocks and cells. */
export const bodySchema = z.object({ blocks: blocks(), footnotes: z.array(footnoteSchema), text: z.string() });
export type Body = z.infer<typeof bodySchema>;
