/** Word files of the issues: the door for `jianbao docx` and `jianbao build --docx`. */
export {
  renderDocxs,
  docxName,
  docxPath,
  type DocxStore,
  type RenderDocxOptions,
  type RenderedDocx,
} from './render.ts';
