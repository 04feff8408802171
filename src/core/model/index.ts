/** The format-neutral compiled issue and its block tree, as zod schemas (types inferred from them). */
export {
  blockSchema,
  inlineSchema,
  bodySchema,
  footnoteSchema,
  listItemSchema,
  imageRefSchema,
  officialLevelSchema,
} from './blocks.ts';
export {
  compiledIssueSchema,
  compiledEntrySchema,
  compiledSectionSchema,
  compiledImageSchema,
  mastheadSchema,
  colophonSchema,
  colophonItemSchema,
  distributionLineSchema,
  distributionItemSchema,
  erratumSchema,
} from './issue.ts';
