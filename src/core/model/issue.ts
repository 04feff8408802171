/**
 * The compiled issue: everything a renderer shows, as format-neutral data.
 * Sections in the series' order, entries in the issue's order with their
 * bodies as block trees (blocks.ts), Chinese dates and numbering, and the
 * masthead, 按语, 版记 (报/送/发 with padded names, contact, copies, staff) and
 * errata already worded and ordered (compile/issue.ts, compile/colophon.ts),
 * so the web page, the print page and any later renderer say the same thing
 * in the same order. Plain JSON, deterministic: the build keys its caches by
 * it, and a published issue can be stored as a snapshot of it and checked
 * with `compiledIssueSchema` when read back.
 */
import { z } from 'zod';
import { SECTIONS } from '../schema/sections.ts';
import { bodySchema } from './blocks.ts';

const sectionIdSchema = z.enum(
  SECTIONS.map((section) => section.id) as [(typeof SECTIONS)[number]['id'], ...(typeof SECTIONS)[number]['id'][]],
);

export const compiledImageSchema = z.object({
  /** The image file, relative to the content directory. */
  source: z.string(),
  /** Where the site serves it, relative to the site base: `media/<sha256-12>.<ext>`. */
  output: z.string(),
  /** sha256 of the bytes, hex: a page showing the image depends on it. */
  sha256: z.string(),
  mime: z.string(),
  /** The Markdown's description (`![说明](…)`), possibly empty. */
  alt: z.string(),
});
export type CompiledImage = z.infer<typeof compiledImageSchema>;

export const compiledEntrySchema = z.object({
  id: z.string(),
  /** Stable anchor inside the issue page (no #). */
  anchor: z.string(),
  file: z.string(),
  section: sectionIdSchema,
  sectionName: z.string(),
  /** The title on one line (a forced break ｜ or line break removed). */
  title: z.string().optional(),
  /** The title as printed: its lines (split where the clerk forced a break), each as the words it may break between (compile/title.ts). */
  titleLines: z.array(z.array(z.string())).optional(),
  /** One line for lists and feeds: the title, else the body's first sentence (shortened). */
  headline: z.string(),
  date: z.string(),
  dateText: z.string(),
  /** The (reporting) unit, named as it was on the entry's date. */
  unit: z
    .object({ id: z.string(), name: z.string(), kind: z.enum(['committee', 'department', 'township', 'other']) })
    .optional(),
  /**
   * A joint submission (联合报送): every unit, the reporting unit first, each
   * named as on the entry's date (no id when not in units.yaml). Absent for
   * one unit, so records of single-unit entries are as they always were.
   */
  units: z.array(z.object({ id: z.string().optional(), name: z.string() })).optional(),
  /** The unit's name on the entry's date (as written when not in units.yaml); a joint submission's names joined with 、. */
  unitName: z.string(),
  people: z.array(z.object({ name: z.string(), title: z.string().optional() })),
  /** The body: blocks (leader names in bold), footnotes, plain text. */
  body: bodySchema,
  /** The images the body shows, in order (the site copies them to `output`). */
  images: z.array(compiledImageSchema),
});
export type CompiledEntry = z.infer<typeof compiledEntrySchema>;

export const compiledSectionSchema = z.object({
  id: sectionIdSchema,
  name: z.string(),
  /** 【工作动态】 */
  heading: z.string(),
  entries: z.array(compiledEntrySchema),
});
export type CompiledSection = z.infer<typeof compiledSectionSchema>;

/** The red masthead (报头). */
export const mastheadSchema = z.object({
  /** Top left, e.g. 内部资料　注意保存. */
  marking: z.string().optional(),
  /** The series name, e.g. 示例区安全生产工作专报. */
  name: z.string(),
  /** The name as it prints: one or two lines. */
  lines: z.array(z.string()),
  /** `2023年 第6期（总第58期）` */
  numbering: z.string(),
  /** 编印单位. */
  publisher: z.string(),
  date: z.string(),
  /** `2023年8月30日` */
  dateText: z.string(),
});
export type Masthead = z.infer<typeof mastheadSchema>;

export const distributionItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  /** Leaders' names, rank order, two-character names padded (李　健); suffix after the last (同志). */
  z.object({ type: z.literal('people'), names: z.array(z.string()), suffix: z.string() }),
]);
export type DistributionItem = z.infer<typeof distributionItemSchema>;

export const distributionLineSchema = z.object({
  kind: z.enum(['report', 'send', 'distribute']),
  /** 报 / 送 / 发 */
  label: z.string(),
  items: z.array(distributionItemSchema),
});
export type DistributionLine = z.infer<typeof distributionLineSchema>;

/** One worded item of the 版记: `{ label: '电话', value: '0734-…', text: '电话：0734-…' }`. */
export const colophonItemSchema = z.object({ label: z.string(), value: z.string(), text: z.string() });
export type ColophonItem = z.infer<typeof colophonItemSchema>;

/** The 版记, worded and ordered once (compile/colophon.ts). */
export const colophonSchema = z.object({
  /** 报, 送, 发 — only those with recipients. */
  distribution: z.array(distributionLineSchema),
  /** 联系人, 电话, 邮箱 — those given. */
  contact: z.array(colophonItemSchema),
  /** `共印30份` */
  copies: z.object({ count: z.number().int(), text: z.string() }).optional(),
  /** 编辑, 审核, 签发 — those named, in that order. */
  staff: z.array(colophonItemSchema.extend({ role: z.enum(['editor', 'reviewer', 'signer']) })),
});
export type Colophon = z.infer<typeof colophonSchema>;

export const erratumSchema = z.object({ date: z.string(), dateText: z.string(), note: z.string() });
export type Erratum = z.infer<typeof erratumSchema>;

/** One printing of a published issue (archive/history.ts): the first, or one after an erratum. */
export const publicationSchema = z.object({
  version: z.number().int(),
  /** 第一次印发, 勘误后（第2版） */
  label: z.string(),
  /** The first printing's 印发日期; for a later version, the day it was published again. */
  date: z.string(),
  dateText: z.string(),
  /** The errata this version added (all of them for the first). */
  errata: z.array(erratumSchema),
  /** What it changed against the version before, worded (archive/diff.ts). */
  changes: z.array(z.string()),
});
export type Publication = z.infer<typeof publicationSchema>;

export const compiledIssueSchema = z.object({
  /** `zhuanbao/2023/6` — also the URL path under the site base, without slashes. */
  key: z.string(),
  /** What the CLI takes: `2023-6` or `zhuanbao/2023-6`. */
  ref: z.string(),
  file: z.string(),
  series: z.object({
    id: z.string(),
    name: z.string(),
    publisher: z.string(),
    layout: z.enum(['sections', 'articles']),
    marking: z.string().optional(),
  }),
  year: z.number().int(),
  number: z.number().int(),
  /** `supplement` (增刊): numbered apart from the regular issues; its key is `zhuanbao/2023/zk1`, its ref `2023-增刊1`. */
  kind: z.enum(['regular', 'supplement']).default('regular'),
  total: z.number().int().optional(),
  /** `2023年 第6期（总第58期）`, `2023年 增刊第1期` */
  numbering: z.string(),
  date: z.string(),
  /** `2023年8月30日` */
  dateText: z.string(),
  masthead: mastheadSchema,
  /** 按语, or undefined. */
  note: bodySchema.optional(),
  /** Sections in the series' order, only those with entries. */
  sections: z.array(compiledSectionSchema),
  /** All entries in print order. */
  entries: z.array(compiledEntrySchema),
  colophon: colophonSchema,
  status: z.enum(['draft', 'published']),
  errata: z.array(erratumSchema),
  /** A published issue's printings, oldest first, from the archive (compile/site.ts); never part of a snapshot. */
  history: z.array(publicationSchema).optional(),
  /** `zhuanbao-2023-6.pdf` */
  pdfName: z.string(),
  /** What every page of the print page and PDF of a draft carries (草稿, or the series' 草稿标记); none once published. */
  draftMark: z.string().optional(),
  /** The series' print settings, defaults applied (red, masthead size, rule, page number on page 1). */
  print: z.object({
    red: z.string(),
    mastheadSize: z.number(),
    masthead: z.array(z.string()).optional(),
    rule: z.enum(['single', 'double']),
    firstPageNumber: z.boolean(),
    // Added after the first snapshots: defaults (the series defaults) so older records still read back.
    duplex: z.boolean().default(true),
    blankPageNumber: z.boolean().default(true),
    draftMark: z.string().default('草稿'),
  }),
});
export type CompiledIssue = z.infer<typeof compiledIssueSchema>;
// A field added to the model later must be optional or carry a default: published issues'
// snapshots (archive/records.ts) were written without it and are never rewritten.
