/** `jianbao import FILE… [--section … --unit … --date …] [--split] [--dry-run]` (placeholder until the importer lands). */
import { defineCommand, UsageError } from '../command.ts';

export default defineCommand({
  meta: { name: 'import', description: '把 Word、网页、文本文件导入为稿件草稿', usage: 'import 文件…' },
  args: {},
  async run() {
    throw new UsageError('import 尚未完成');
  },
});
