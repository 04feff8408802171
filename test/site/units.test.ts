/**
 * Units over time and joint submissions on the built site (issue 13, items
 * 10 and 20): an old entry keeps the name its unit had then, a joint entry
 * shows every unit joined with 、, the unit pages list it under each unit,
 * and the statistics count it for each (the note under the table says so),
 * a renamed unit under its new name with the old one in brackets.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyContent, FIXTURES, runCli, tempDir } from '../helpers/index.ts';
import { build, page, texts } from '../helpers/site.ts';

const NOTE = '联合报送的稿件计入每个报送单位，各单位篇数相加可能大于合计。';
let content: string;
let dist: string;

beforeAll(async () => {
  content = await copyContent();
  await writeFile(join(content, 'units.yaml'), await readFile(join(FIXTURES, 'units/units.yaml')));
  await writeFile(
    join(content, 'entries/2024/应急检查.md'),
    '---\nsection: 工作动态\ndate: 2024-06-05\nunit: 安监局\n---\n\n6月5日，区安监局组织开展危化品企业专项检查。\n',
  );
  await writeFile(
    join(content, 'entries/2024/青石镇排查.md'),
    '---\nsection: work-updates\ndate: 2024-06-20\nunit: [青石镇, 应急局, 消防大队]\n---\n\n6月20日，青石镇会同区应急管理局、区消防救援大队开展沿街门店消防隐患排查。\n',
  );
  for (const issue of ['2024-3', '2024-4']) {
    const published = await runCli(['publish', issue, '--content', content]);
    expect(published.code, published.stdout + published.stderr).toBe(0);
  }
  dist = join(await tempDir('jianbao-units-'), 'dist');
  const built = await build(content, dist, [], { drafts: false });
  expect(built.code, built.stdout + built.stderr).toBe(0);
}, 240_000);

describe('units on the site', () => {
  it('an old entry shows the name its unit had on the entry date; a joint entry shows every unit', async () => {
    expect(texts(await page(dist, 'zhuanbao/2024/3/'), '.entry__meta')).toContain(
      '（测试区安全生产监督管理局　2024年6月5日）',
    );
    expect(texts(await page(dist, 'zhuanbao/2024/4/'), '.entry__meta')).toEqual([
      '（青石镇、测试区应急管理局、测试区消防救援大队　2024年6月20日）',
    ]);
  });

  it('the unit pages list a joint entry under each of its units, a renamed unit under its new name', async () => {
    const index = texts(await page(dist, 'units/'), '.count-list li');
    expect(index).toEqual([
      '测试区安委办2篇',
      '测试区应急管理局（原测试区安全生产监督管理局）2篇',
      '青石镇1篇',
      '测试区消防救援大队（原测试区公安消防大队）1篇',
    ]);
    const xf = await page(dist, 'units/xf/');
    expect(texts(xf, '.entry-list__meta')[0]).toContain(
      '工作动态　·　联合报送：青石镇、测试区应急管理局、测试区消防救援大队',
    );
    expect(texts(await page(dist, 'units/yjj/'), '.page-lead')).toEqual([
      '原名测试区安全生产监督管理局。共 2 篇稿件被采用。',
    ]);
  });

  it('the statistics count a joint entry for each unit and say so under the table', async () => {
    const stats = await page(dist, 'stats/');
    expect(texts(stats, '.stats-table tbody th')).toEqual([
      '测试区安委办',
      '测试区应急管理局（原测试区安全生产监督管理局）',
      '青石镇',
      '测试区消防救援大队',
    ]);
    expect(texts(stats, '.stats-table tbody .total')).toEqual(['2', '2', '1', '1']);
    expect(texts(stats, '.stats-table tfoot .total')).toEqual(['4']);
    expect(texts(stats, 'p[role=note]')).toEqual([NOTE]);
    const cli = await runCli(['stats', '--content', content]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`注：${NOTE}`);
  });

  it('the published issues still check; a new entry with the old name is told the new one, at file:line:column', async () => {
    expect((await runCli(['check', '--content', content])).code).toBe(0);
    await writeFile(
      join(content, 'entries/2024/七月检查.md'),
      '---\nsection: 工作动态\ndate: 2024-07-01\nunit: 区安监局\n---\n\n7月1日，区应急管理局开展专项检查。\n',
    );
    const result = await runCli(['check', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'entries/2024/七月检查.md:4:7 错误 报送单位「区安监局」在2024年7月1日已改名 [entry/unit-renamed]',
    );
    expect(result.stdout).toContain(
      '自2024年6月15日起改称「测试区应急管理局」：写 单位: 测试区应急管理局（或它的别名）',
    );
  });
});
