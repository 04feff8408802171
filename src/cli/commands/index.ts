/** The command table: name, one-line Chinese description, lazy loader. */
import type { CommandDef } from '../command.ts';

export interface CommandEntry {
  description: string;
  load: () => Promise<{ default: CommandDef }>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  check: { description: '检查内容目录（格式、编号、稿件去向）', load: () => import('./check.ts') },
};
