import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative as relativePath } from 'node:path';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/load/content.ts';
import { buildRegistry } from '../../../src/core/registry.ts';
import { createEntry, matchUnits } from '../../../src/core/workflow/new-entry.ts';
import { entryPath, slugify } from '../../../src/core/workflow/slug.ts';
import { FIXTURES, listFiles } from '../../helpers/index.ts';
import { checkJson, cli, copyContent, sampleCopy } from '../../helpers/workflow.ts';

const ORDER = join(FIXTURES, 'order/content');

const relative = (stdout: string) => stdout.trim().replace(/^.*?(entries\/)/, '$1');

describe('file names of new entries', () => {
  it('keep Chinese, drop punctuation and spaces, and stay short', () => {
    expect(slugify('区应急管理局：开展“冬季安全”大检查！')).toBe('区应急管理局开展冬季安全大检查');
    expect(slugify('全市冬春火灾防控暨岁末年初安全防范工作会议精神')).toBe('全市冬春火灾防控暨岁末年初安全防范工作会');
    expect(slugify('G107 国道 / 安全 检查')).toBe('G107国道安全检查');
  });

  it('fall back to the unit’s short name and the section without a title', () => {
    const unit = {
      id: 'yjj',
      name: '区应急管理局',
      aliases: ['应急局', '区应急局'],
      kind: 'department' as const,
      order: 10,
    };
    expect(entryPath('2024-07-05', 'work-updates', unit, undefined)).toBe(
      'entries/2024/07/2024-07-05-应急局工作动态.md',
    );
    expect(entryPath('2024-07-05', 'work-updates', unit, '！？')).toBe('entries/2024/07/2024-07-05-应急局工作动态.md');
  });
});

describe('jianbao new entry (flags)', () => {
  it('writes an entry from templates/ that checks clean, and prints its path (sample content)', async () => {
    const dir = await sampleCopy();
    const result = await cli(
      dir,
      'new',
      'entry',
      '--series',
      'zhuanbao',
      '--section',
      '工作动态',
      '--unit',
      '应急局',
      '--date',
      '2025-12-02',
      '--title',
      '区应急管理局开展冬季安全大检查',
    );
    expect(result.code).toBe(0);
    const file = relative(result.stdout);
    expect(file).toBe('entries/2025/12/2025-12-02-区应急管理局开展冬季安全大检查.md');
    expect(result.stderr).toContain('templates/entry.md');
    expect(await readFile(join(dir, file), 'utf8')).toBe(`---
栏目: 工作动态
标题: 区应急管理局开展冬季安全大检查
日期: 2025-12-02
单位: 区应急管理局
刊物: zhuanbao
---

12月2日，区应急管理局
`);
    const check = await checkJson(dir);
    expect(check.errors).toBe(0);
    // Pending, and still only the template's opening until the clerk writes the body.
    expect(check.diagnostics.filter((d) => d.file === file).map((d) => d.rule)).toEqual([
      'entry/pending',
      'entry/unedited',
    ]);
  });

  it('uses the section’s own template and writes the leaders', async () => {
    const dir = await sampleCopy();
    const result = await cli(
      dir,
      'new',
      'entry',
      '--series',
      'zhuanbao',
      '--section',
      '领导督导',
      '--unit',
      'qsz',
      '--date',
      '2025年12月3日',
      '--people',
      '周正宇、何雅静',
    );
    expect(result.code).toBe(0);
    const file = relative(result.stdout);
    expect(file).toBe('entries/2025/12/2025-12-03-青山镇调研指导.md');
    expect(result.stderr).toContain('templates/entry-leader-inspections.md');
    expect(await readFile(join(dir, file), 'utf8')).toBe(`---
栏目: 调研指导
日期: 2025-12-03
单位: 青山镇
领导: [周正宇, 何雅静]
刊物: zhuanbao
---

12月3日，带队到
`);
    expect((await checkJson(dir)).errors).toBe(0);
  });

  it('dates the entry today (local time) when no date is given', async () => {
    const dir = await copyContent(ORDER);
    const today = format(new Date(), 'yyyy-MM-dd');
    const result = await cli(dir, 'new', 'entry', '--series', 'zhuanbao', '--section', '工作提示', '--unit', '安委办');
    expect(result.code).toBe(0);
    expect(relative(result.stdout)).toBe(
      `entries/${today.slice(0, 4)}/${today.slice(5, 7)}/${today}-安委办工作提示.md`,
    );
    expect(await readFile(join(dir, relative(result.stdout)), 'utf8')).toContain(`日期: ${today}\n`);
  });

  it('never overwrites: a second entry with the same name gets -2', async () => {
    const dir = await copyContent(ORDER);
    const args = [
      'new',
      'entry',
      '--series',
      'zhuanbao',
      '--section',
      'work-updates',
      '--unit',
      '消防大队',
      '--date',
      '2024-07-09',
    ];
    const first = await cli(dir, ...args);
    await writeFile(
      join(dir, relative(first.stdout)),
      '---\nseries: zhuanbao\nsection: work-updates\nunit: xf\ndate: 2024-07-09\n---\n\n已经写好的正文。\n',
    );
    // The same new entry again is a duplicate (same date, unit, section, no title): refused, naming the first…
    const again = await cli(dir, ...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      '已有一篇栏目、日期、单位（都没有标题）都相同的稿件：entries/2024/07/2024-07-09-消防大队工作动态.md，没有新建',
    );
    expect(again.stderr).toContain('加 --force 再运行一次');
    expect(again.stdout).toBe('');
    // …and with --force written beside it, never over it.
    const second = await cli(dir, ...args, '--force');
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(relative(first.stdout)).toBe('entries/2024/07/2024-07-09-消防大队工作动态.md');
    expect(relative(second.stdout)).toBe('entries/2024/07/2024-07-09-消防大队工作动态-2.md');
    expect(await readFile(join(dir, relative(first.stdout)), 'utf8')).toContain('已经写好的正文。');
    // No temporary files are left behind.
    expect((await listFiles(join(dir, 'entries/2024/07'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('explains a wrong or missing flag without prompting when stdin is not a terminal (exit 2)', async () => {
    const dir = await copyContent(ORDER);
    const before = await listFiles(dir);
    const missing = await cli(dir, 'new', 'entry', '--section', '调研指导');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少 --unit、--people（不在终端中运行时，要用选项给出）');
    const unit = await cli(
      dir,
      'new',
      'entry',
      '--series',
      'zhuanbao',
      '--section',
      '工作动态',
      '--unit',
      '应急管理',
      '--date',
      '2024-07-09',
    );
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('报送单位「应急管理」不在 units.yaml 中');
    const section = await cli(
      dir,
      'new',
      'entry',
      '--series',
      'kuaibao',
      '--section',
      '工作提示',
      '--unit',
      '应急局',
      '--title',
      '标题',
    );
    expect(section.code).toBe(2);
    expect(section.stderr).toContain('刊物「测试区安全生产快报」没有「工作提示」栏目');
    const title = await cli(dir, 'new', 'entry', '--series', 'kuaibao', '--section', '工作动态', '--unit', '应急局');
    expect(title.code).toBe(2);
    expect(title.stderr).toContain('缺少 --title');
    const kind = await cli(dir, 'new', 'article');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('要新建的是 entry（稿件）还是 issue（期刊）');
    const flag = await cli(dir, 'new', 'entry', '--empty');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--empty 不能用于 new entry');
    expect(await listFiles(dir)).toEqual(before);
  });
});

describe('createEntry (core)', () => {
  it('works with a content directory given relative to the working directory', async () => {
    const dir = await copyContent(ORDER);
    const result = await createEntry(
      relativePath(process.cwd(), dir),
      { series: 'kuaibao', section: '经验交流', unit: 'gdgs', title: '供电公司“网格化”巡检经验' },
      { today: '2024-07-20' },
    );
    expect(result.file).toBe('entries/2024/07/2024-07-20-供电公司网格化巡检经验.md');
    expect(result.id).toBe('2024/07/2024-07-20-供电公司网格化巡检经验');
    expect(result.template).toMatch(/templates\/entry-experience\.md$/);
    expect(await readFile(join(dir, result.file), 'utf8')).toBe(
      '---\n栏目: 经验推介\n标题: 供电公司“网格化”巡检经验\n日期: 2024-07-20\n单位: 区供电公司\n刊物: kuaibao\n---\n\n区供电公司\n',
    );
  });
});

describe('new entry and units over time (机构改革)', () => {
  const history = async () => {
    const dir = await copyContent();
    await writeFile(join(dir, 'units.yaml'), await readFile(join(FIXTURES, 'units/units.yaml')));
    return dir;
  };

  it('offers the units that exist today, by their current names, found by an old name too', async () => {
    const dir = await history();
    const registry = buildRegistry(await loadContent(dir));
    expect(matchUnits(registry, '', '2024-07-01').map((unit) => unit.name)).toEqual([
      '测试区安委办',
      '测试区应急管理局',
      '青石镇',
      '测试区消防救援大队',
    ]);
    expect(matchUnits(registry, '', '2024-06-14').map((unit) => unit.id)).toContain('fxb');
    expect(matchUnits(registry, '安监', '2024-07-01').map((unit) => unit.name)).toEqual(['测试区应急管理局']);
  });

  it('refuses the old name after the rename with the new one, and writes the name of the entry date', async () => {
    const dir = await history();
    await expect(
      createEntry(dir, { section: '工作动态', unit: '安监局', date: '2024-07-01' }, { today: '2024-07-01' }),
    ).rejects.toMatchObject({
      message: '报送单位「安监局」在2024年7月1日已改名',
      hint: '自2024年6月15日起改称「测试区应急管理局」：写 单位: 测试区应急管理局（或它的别名）',
    });
    await expect(
      createEntry(dir, { section: '工作动态', unit: '防汛办', date: '2024-07-01' }, { today: '2024-07-01' }),
    ).rejects.toMatchObject({ hint: '写 单位: 测试区应急管理局' });
    const old = await createEntry(
      dir,
      { section: '工作动态', unit: 'yjj', date: '2024-06-01' },
      { today: '2024-07-01' },
    );
    expect(await readFile(join(dir, old.file), 'utf8')).toContain('单位: 测试区安全生产监督管理局\n');
    const now = await createEntry(
      dir,
      { section: '工作动态', unit: '应急局', date: '2024-07-01' },
      { today: '2024-07-01' },
    );
    expect(await readFile(join(dir, now.file), 'utf8')).toContain('单位: 测试区应急管理局\n');
  });

  it('--unit 应急局,消防大队 writes a joint submission: a list, the reporting unit first, that checks clean', async () => {
    const dir = await history();
    const result = await cli(
      dir,
      'new',
      'entry',
      '--section',
      '工作动态',
      '--unit',
      '青石镇,消防大队',
      '--date',
      '2024-07-02',
      '--title',
      '联合检查',
    );
    expect(result.code, result.stderr).toBe(0);
    const file = relative(result.stdout);
    expect(await readFile(join(dir, file), 'utf8')).toMatch(
      /\n单位: \[青石镇, 测试区消防救援大队\]\n[^]*\n\n7月2日，青石镇\n$/,
    );
    const check = await checkJson(dir);
    expect(check.diagnostics.filter((d) => d.file === file && d.severity === 'error')).toEqual([]);
  });
});

describe('templates', () => {
  async function withTemplate(name: string, text: string) {
    const dir = await copyContent(ORDER);
    await mkdir(join(dir, 'templates'), { recursive: true });
    await writeFile(join(dir, 'templates', name), text);
    return dir;
  }
  const entryArgs = [
    'new',
    'entry',
    '--series',
    'zhuanbao',
    '--section',
    '工作动态',
    '--unit',
    '应急局',
    '--date',
    '2024-07-09',
    '--title',
    '测试标题',
  ];

  it('a clerk’s own template in the content directory wins', async () => {
    const dir = await withTemplate(
      'entry-work-updates.md',
      '---\n# 本单位的模板\n刊物: {{刊物}}\n栏目: {{ 栏目 }}\n标题: {{title}}\n日期: {{日期}}\n单位: {{单位}}\n状态: 草稿\n---\n\n{{月日}}，{{单位}}（{{栏目}}）\n',
    );
    const result = await cli(dir, ...entryArgs);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, relative(result.stdout)), 'utf8')).toBe(
      '---\n# 本单位的模板\n刊物: zhuanbao\n栏目: 工作动态\n标题: 测试标题\n日期: 2024-07-09\n单位: 区应急管理局\n状态: 草稿\n---\n\n7月9日，区应急管理局（工作动态）\n',
    );
  });

  /** Run new entry with a broken template: exit 1, the messages, and nothing written. */
  async function broken(text: string) {
    const dir = await withTemplate('entry.md', text);
    const before = await listFiles(join(dir, 'entries'));
    const result = await cli(dir, ...entryArgs);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('有问题，什么也没有写入');
    expect(await listFiles(join(dir, 'entries'))).toEqual(before);
    return result.stderr;
  }

  it('without front matter', async () => {
    const stderr = await broken('{{月日}}，{{单位}}\n');
    expect(stderr).toMatch(
      /templates\/entry\.md:1:1 错误 模板缺少前置信息（第一行应为 ---） \[template\/front-matter\]/,
    );
  });

  it('with an unknown placeholder, with a suggestion', async () => {
    const stderr = await broken('---\n栏目: {{栏目}}\n日期: {{日期}}\n单位: {{单元}}\n---\n');
    expect(stderr).toMatch(
      /templates\/entry\.md:4:5 错误 模板中有未知的占位符「\{\{单元\}\}」 \[template\/unknown-placeholder\]\n {2}→ 是不是「\{\{单位\}\}」？/,
    );
  });

  it('whose YAML breaks once filled in, naming the template line', async () => {
    const stderr = await broken(
      '---\n栏目: {{栏目}}\n标题: {{标题}}：{{单位}}: 专题\n日期: {{日期}}\n单位: {{单位}}\n---\n',
    );
    expect(stderr).toMatch(/templates\/entry\.md:3:\d+ 错误 按模板生成的内容无效：.* \[template\/invalid\]/);
  });

  it('that writes a fixed value instead of a placeholder', async () => {
    const stderr = await broken('---\n栏目: 工作提示\n日期: {{日期}}\n单位: {{单位}}\n标题: {{标题}}\n---\n');
    expect(stderr).toContain(
      'templates/entry.md:2:1 错误 按模板生成的稿件缺少或写错了栏目（应为 工作动态，模板里要有 栏目: {{栏目}}） [template/invalid]',
    );
  });

  it('a broken issue template stops new issue too', async () => {
    const dir = await withTemplate(
      'issue.md',
      '---\n刊物: {{刊物}}\n年度: {{年度}}\n期号: {{期号}}\n印发日期: {{日期}}\n---\n',
    );
    const result = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', '2024-07-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/templates\/issue\.md:5:7 错误 模板中有未知的占位符「\{\{日期\}\}」/);
    expect(result.stderr).toContain('是不是「{{印发日期}}」？');
    expect(await listFiles(join(dir, 'issues'))).toEqual(['zhuanbao/2024-05.md']);
  });

  it('an issue template that leaves out the entries is refused', async () => {
    const dir = await withTemplate(
      'issue.md',
      '---\n刊物: {{刊物}}\n年度: {{年度}}\n期号: {{期号}}\n总期号: {{总期号}}\n印发日期: {{印发日期}}\n---\n',
    );
    const result = await cli(dir, 'new', 'issue', '--series', 'zhuanbao', '--date', '2024-07-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('按模板生成的期刊缺少或写错了稿件（模板里要有 稿件: {{稿件}}）');
    expect(await listFiles(join(dir, 'issues'))).toEqual(['zhuanbao/2024-05.md']);
  });
});
