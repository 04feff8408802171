/**
 * `jianbao archive`: the one-time migration to the archive. Every issue
 * published before the archive existed (status published, digest in its
 * file, no line in published/ledger.json) is archived as it is, if its old
 * digest still holds — the same record `publish` writes. Records written
 * before they kept their sources get them, where today's files compile to
 * the record exactly. Reports each.
 */
import { LEDGER_FILE } from '../../core/index.ts';
import { openProject } from '../../core/index.ts';
import { defineCommand } from '../command.ts';
import { formatDiagnostic, paint } from '../report.ts';
import { localToday, requireContentDir } from './_workflow.ts';

export default defineCommand({
  meta: { name: 'archive', description: '为以旧格式（期刊文件中的摘要）发布的期刊建立存档 published/' },
  args: {},
  async run({ io, contentDir }) {
    await requireContentDir(contentDir);
    const colors = paint(io);
    const { archived, refused, sourced } = await openProject(contentDir).archiveLegacy({ today: localToday() });
    for (const item of sourced)
      io.stdout(
        `${colors.green('✓')} ${item.name}（${item.ref}）：${item.snapshot} 补记了印发时的原稿（期刊文件、稿件和设置）\n`,
      );
    if (sourced.length > 0 && archived.length === 0 && refused.length === 0) {
      io.stdout(
        `\n已为 ${sourced.length} 期存档补记原稿：以后检查只比较原稿，新版 jianbao 编排上的不同不再当作修改。请把 published/ 与内容一起提交。\n`,
      );
      return 0;
    }
    if (archived.length === 0 && refused.length === 0) {
      io.stdout(`没有需要建立存档的期刊：已发布的期刊都已记入 ${LEDGER_FILE}。\n`);
      return 0;
    }
    for (const item of archived) {
      io.stdout(
        `${colors.green('✓')} ${item.name}（${item.ref}）：${item.snapshot}，${item.entries} 篇稿件${item.errata ? `，${item.errata} 条勘误` : ''}\n`,
      );
    }
    for (const item of refused) {
      io.stderr(`${colors.red('✗')} ${item.name}（${item.ref}）发布后被修改，未建立存档：\n`);
      for (const d of item.diagnostics) io.stderr(`${formatDiagnostic(d, io, contentDir, colors)}\n`);
    }
    io.stdout(
      `\n已建立存档 ${archived.length} 期${refused.length ? `，${refused.length} 期未能存档（撤销修改或加勘误后再运行 jianbao archive）` : ''}。请把 published/ 与内容一起提交。\n`,
    );
    return refused.length ? 1 : 0;
  },
});
