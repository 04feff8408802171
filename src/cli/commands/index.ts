/** The command table: name, one-line Chinese description, lazy loader. */
import type { CommandDef } from '../command.ts';

export interface CommandEntry {
  description: string;
  load: () => Promise<{ default: CommandDef }>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  check: { description: '检查内容目录（格式、编号、稿件去向）', load: () => import('./check.ts') },
  build: { description: '检查内容并生成内网站点（dist/）', load: () => import('./build.ts') },
  pdf: { description: '用本机的 Chromium、Chrome 或 Edge 生成各期 PDF', load: () => import('./pdf.ts') },
  docx: { description: '为各期生成可在 Word、WPS 中修改的 Word 文件（.docx）', load: () => import('./docx.ts') },
  dev: { description: '实时预览：修改内容后自动检查并刷新', load: () => import('./dev.ts') },
  lint: { description: '检查并修复稿件正文的标点、数字、日期等（--fix）', load: () => import('./lint.ts') },
  import: { description: '把 Word、网页、文本文件导入为稿件草稿', load: () => import('./import.ts') },
  new: { description: '按模板新建稿件（new entry）或下一期期刊（new issue）', load: () => import('./new.ts') },
  publish: { description: '发布期刊：存档并冻结期刊和稿件，此后修改须附勘误', load: () => import('./publish.ts') },
  archive: { description: '为以旧格式发布的期刊建立存档（published/）', load: () => import('./archive.ts') },
  stats: { description: '信息采用情况：各单位被采用的稿件数（表格、CSV、JSON）', load: () => import('./stats.ts') },
};
