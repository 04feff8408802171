/** `jianbao publish ISSUE`: freeze an issue (archived in published/, status published). */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { openProject } from '../../core/index.ts';
import { defineCommand, UsageError } from '../command.ts';
import { displayPath, paint } from '../report.ts';
import { localToday, requireContentDir } from './_workflow.ts';

export default defineCommand({
  meta: { name: 'publish', description: '发布期刊：存档并冻结期刊和稿件，此后修改须附勘误', usage: 'publish <期刊>' },
  args: {},
  async run({ positionals, io, contentDir }) {
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length
          ? '一次只能发布一期'
          : '请指明要发布的期刊，如 jianbao publish 2023-6（多个刊物时写 zhuanbao/2023-6）',
      );
    }
    await requireContentDir(contentDir);
    let ref = positionals[0]!;
    // A path to the issue file works too (tab completion): from where the command runs, or inside the content directory.
    if (/\.md$/i.test(ref) && existsSync(resolve(io.cwd, ref)))
      ref = relative(contentDir, resolve(io.cwd, ref)).replace(/\\/g, '/');
    const result = await openProject(contentDir).publish(ref, { today: localToday() });
    const colors = paint(io);
    const path = displayPath(io, contentDir, result.file);
    if (result.outcome === 'unchanged') {
      io.stdout(`${result.name}（${result.ref}）已经发布，发布后没有改动，无需重新发布。\n`);
      return 0;
    }
    const what = `${result.entries} 篇稿件${result.errata ? `，${result.errata} 条勘误` : ''}`;
    const archived = `存档 ${result.snapshot}`;
    io.stdout(
      result.outcome === 'published'
        ? `${colors.green('✓')} 已发布${result.name}（${result.ref}）：${path}，冻结 ${what}，${archived}。\n  此后修改本期或其稿件，须在 勘误 中加一项说明，再运行 jianbao publish ${result.ref}。\n`
        : result.outcome === 'archived'
          ? `${colors.green('✓')} 已为${result.name}（${result.ref}）建立存档：${archived}（${what}）。\n`
          : `${colors.green('✓')} 已按勘误重新发布${result.name}（${result.ref}）：${path}，${what}，${archived}（第 ${result.version} 版，原版本保留）。\n`,
    );
    if (result.rendering) {
      io.stdout(
        `  上一版由较早版本的 jianbao 编排：新版本按现在的 jianbao 编排，除勘误外另有 ${result.rendering} 处排法不同（发布记录中只列勘误的改动）。\n`,
      );
    }
    if (result.outcome === 'published' && result.earlierDrafts.length) {
      const names = result.earlierDrafts.map((item) => item.name).join('、');
      io.stdout(
        `${colors.yellow('注意')}：同一刊物更早的 ${names}还是草稿，没有发布，站点中不会有${result.earlierDrafts.length > 1 ? '这几期' : '这一期'}。` +
          `要发布：${result.earlierDrafts.map((item) => `jianbao publish ${item.ref}`).join('；')}\n`,
      );
    }
    return 0;
  },
});
