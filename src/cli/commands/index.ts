/** The command table: name, one-line Chinese description, lazy loader. */
import type { CommandDef } from '../command.ts';

export interface CommandEntry {
  description: string;
  load: () => Promise<{ default: CommandDef }>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  check: { description: '检查内容目录（格式、编号、稿件去向）', load: () => import('./check.ts') },
  build: { description: '检查内容并生成内网站点（dist/）', load: () => import('./build.ts') },
  lint: { description: '检查并修复稿件正文的标点、数字、日期等（--fix）', load: () => import('./lint.ts') },
  import: { description: '把 Word、网页、文本文件导入为稿件草稿', load: () => import('./import.ts') },
};
