/**
 * `jianbao import` of material as clerks really get it: a bulletin copied
 * from a portal page (the site's header, navigation and search box above the
 * masthead, share buttons and the footer under the 版记), the same page as
 * HTML with scripts, &nbsp;, <br> runs, a data: image and nested tables, a
 * bulletin of untitled same-day items, an `articles` bulletin with no 栏目
 * headings, a folder given as the file. Real `node bin/jianbao.js` processes
 * on a copy of the sample content; the drafts written are read back.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/core/load/frontmatter.ts';
import { SAMPLE_CONTENT, spawnCli, tempDir } from '../helpers/index.ts';

const jianbao = (args: string[], cwd?: string) => spawnCli(args, cwd);

let work: string;
let content: string;
beforeEach(async () => {
  work = await tempDir('jianbao-import-odd-');
  content = join(work, '简报 内容');
  await cp(SAMPLE_CONTENT, content, { recursive: true });
});

interface Draft {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** The drafts an import reports as written, read back from disk. */
async function drafts(stdout: string): Promise<Draft[]> {
  const files = [...stdout.matchAll(/已写入 (.+?\.md)（草稿/g)].map((match) => match[1]!);
  return Promise.all(
    files.map(async (file) => {
      const split = splitFrontMatter(await readFile(join(work, file), 'utf8'));
      return { file, data: parse(split.yaml ?? '') as Record<string, unknown>, body: split.body.trim() };
    }),
  );
}

const PAGE_HEADER = [
  '示例区人民政府门户网站 | English | 无障碍',
  '首页　政务公开　政务动态　互动交流　办事服务',
  '当前位置：首页 > 政务公开 > 工作简报',
  '请输入关键词　搜索',
];
const MASTHEAD = [
  '内部资料　注意保存',
  '示例区安全生产工作专报',
  '2025年第3期（总第46期）',
  '示例区安全生产委员会办公室　　　　　　　2025年12月5日',
];
const BODY = [
  '【工作动态】',
  '　　12月3日，区应急管理局组织开展冬季安全生产大检查，重点检查危险化学品、燃气、消防等领域，共检查企业23家，督促整改隐患41处。',
  '　　12月4日，青山镇召开安全生产工作会议，部署岁末年初安全防范工作。',
  '【工作提示】',
  '　　岁末年初，各镇街要加强燃气安全检查，严防各类事故发生。',
];
const COLOPHON = ['报：市安委办，市应急管理局。', '送：区委办，区政府办。', '发：各镇街安委会。', '共印60份'];
const PAGE_FOOTER = [
  '分享到：',
  '【打印本页】【关闭窗口】',
  '主办单位：示例区人民政府办公室　网站标识码：1234567890',
  '版权所有：示例区人民政府　ICP备12345678号',
];

/** Nothing of the page or of the masthead and 版记 may reach a draft. */
function expectOnlyEntryText(all: Draft[]) {
  const text = all.map((draft) => `${JSON.stringify(draft.data)}\n${draft.body}`).join('\n');
  for (const line of [...PAGE_HEADER, ...MASTHEAD, ...COLOPHON, ...PAGE_FOOTER])
    expect(text).not.toContain(line.replace(/[\s\u3000]+/g, '').slice(0, 8));
  expect(text).not.toMatch(/data:image|\\\n|^---$|English|网站标识码/m);
}

describe('a bulletin copied from a portal page', () => {
  it('as text: the masthead after the page header is found, the 版记 before the footer too', async () => {
    const file = join(work, '专报第3期.txt');
    await writeFile(file, [...PAGE_HEADER, ...MASTHEAD, ...BODY, ...COLOPHON, ...PAGE_FOOTER].join('\n'));
    const run = jianbao(['import', file, '--split', '--content', content], work);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('说明 这是一期简报');
    expect(run.stdout).toMatch(/删除 网页导航 \d+ 处：“示例区人民政府门户网站 \| English \| 无障碍”/);
    expect(run.stdout).toMatch(/删除 版记 4 处/);
    expect(run.stdout).toMatch(/删除 页尾 2 处：“主办单位/);
    const all = await drafts(run.stdout);
    expect(all.map((draft) => [draft.data.栏目, draft.data.日期])).toEqual([
      ['工作动态', '2025-12-03'],
      ['工作动态', '2025-12-04'],
      ['工作提示', '2025-12-05'],
    ]);
    expect(all[2]!.body).toBe('岁末年初，各镇街要加强燃气安全检查，严防各类事故发生。');
    expectOnlyEntryText(all);
  });

  it('as HTML with scripts, &nbsp;, <br> runs, a data: image, nested tables and rules: clean drafts', async () => {
    const file = join(work, '专报 第3期.html');
    const paragraph = (line: string) => `<p style="font-family:仿宋">${line.replace(/　/g, '&nbsp;')}</p>`;
    await writeFile(
      file,
      [
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>专报</title>',
        '<script>var _hmt=_hmt||[];</script><style>p{margin:0}</style></head><body>',
        `<div class="top">${PAGE_HEADER[0]}</div>`,
        '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li>互动交流</li></ul>',
        `<div class="position">${PAGE_HEADER[2]!.replace('>', '&gt;')}</div>`,
        ...MASTHEAD.map(paragraph),
        '<hr>',
        paragraph(BODY[0]!),
        '<p>&nbsp;&nbsp;12月3日，区应急管理局组织开展冬季安全生产大检查，<br><br>&nbsp;<br>重点检查危险化学品、燃气、消防等领域。<br><br>共检查企业23家，督促整改隐患41处。<br></p>',
        '<p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="></p>',
        paragraph(BODY[2]!),
        '<table border="1"><tr><td>单位</td><td>检查数</td></tr><tr><td><table><tr><td>青山镇</td></tr></table></td><td>12</td></tr></table>',
        '<hr>',
        ...COLOPHON.map(paragraph),
        ...PAGE_FOOTER.map((line) => `<div>${line}</div>`),
        '<script>document.write("x")</script></body></html>',
      ].join('\n'),
    );
    const run = jianbao(['import', file, '--split', '--content', content], work);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('网页中的 1 张图片未导入');
    const all = await drafts(run.stdout);
    expect(all).toHaveLength(2);
    // The <br> run after a comma joins the clause; the one after a full stop starts a paragraph.
    expect(all[0]!.body).toBe(
      '12月3日，区应急管理局组织开展冬季安全生产大检查，重点检查危险化学品、燃气、消防等领域。\n\n共检查企业23家，督促整改隐患41处。',
    );
    expect(all[1]!.body).toContain('| 青山镇 | 12');
    expectOnlyEntryText(all);
  });

  it('an article with a lone “第3期” line after the navigation is no bulletin', async () => {
    const file = join(work, '培训班.txt');
    await writeFile(
      file,
      [
        '首页 > 工作动态 > 正文',
        '安全生产培训班开班',
        '第3期',
        '12月3日，区应急管理局举办第3期安全生产培训班，全区80余名安全管理人员参加培训。',
      ].join('\n'),
    );
    const run = jianbao(['import', file, '--content', content], work);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('这是一期简报');
    const [draft] = await drafts(run.stdout);
    expect(draft!.data.标题).toBe('安全生产培训班开班');
    expect(draft!.body).toContain('全区80余名安全管理人员参加培训。');
  });
});

describe('an article page laid out with tables, as older portals are', () => {
  it('gives the article as paragraphs, not one Markdown table holding the page', async () => {
    const file = join(work, '燃气检查.html');
    await writeFile(
      file,
      [
        '<html><head><meta charset="utf-8"><title>青山镇开展燃气安全专项检查 - 示例区人民政府</title></head><body>',
        '<table width="100%"><tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a></td></tr></table>',
        '<table width="980" align="center"><tr><td><table width="100%">',
        '<tr><td align="center"><b>青山镇开展燃气安全专项检查</b></td></tr>',
        '<tr><td align="center">发布时间：2025-11-20 09:30　来源：青山镇　浏览次数：<span>123</span></td></tr>',
        '<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;11月19日，青山镇组织开展燃气安全专项检查，重点检查餐饮场所燃气使用情况和燃气报警器安装情况，对发现的问题当场交办、限期整改。<br><br>&nbsp;&nbsp;&nbsp;&nbsp;检查中，共排查餐饮场所15家，发现隐患6处，已督促整改到位，下一步将组织回头看，确保隐患整改闭环。<br><br>&nbsp;&nbsp;&nbsp;&nbsp;下一步，青山镇将持续开展检查，压紧压实企业主体责任，严防燃气安全事故发生，确保群众生命财产安全。<br></td></tr>',
        '<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>',
        '</table></td></tr></table>',
        '<table><tr><td>单位</td><td>隐患</td></tr><tr><td>青山镇</td><td>6</td></tr></table>',
        '<table><tr><td>版权所有：示例区人民政府　网站标识码：1234567890</td></tr></table>',
        '</body></html>',
      ].join('\n'),
    );
    const run = jianbao(['import', file, '--content', content], work);
    expect(run.code).toBe(0);
    const [draft] = await drafts(run.stdout);
    expect(draft!.data.标题).toBe('青山镇开展燃气安全专项检查');
    expect(draft!.data.日期).toBe('2025-11-19');
    const paragraphs = draft!.body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^11月19日，青山镇组织开展/);
    expect(paragraphs[1]).toMatch(/^检查中，共排查餐饮场所15家/);
    expect(paragraphs[2]).toMatch(/^下一步，青山镇将持续开展检查/);
    expect(draft!.body).not.toMatch(/&#x|政务公开|版权所有|浏览次数|打印本页/);
    expect(draft!.body.split('\n').filter((line) => line.startsWith('|'))).toEqual([]);
  });
});

describe('untitled items of one day', () => {
  const bulletin = [
    '示例区安全生产工作专报',
    '2025年第3期',
    '示例区安全生产委员会办公室　　2025年12月5日',
    '【工作动态】',
    '12月1日，某某村开展安全隐患排查，发现隐患3处。',
    '12月1日，某某社区组织消防演练，参加群众80余人。',
    '12月1日，某某学校开展防溺水教育。',
    '报：市安委办。',
    '送：区委办。',
    '发：各镇街。',
  ].join('\n');

  it('are three entries, not one and two “duplicates”; imported again, each names its own twin', async () => {
    const file = join(work, '三条动态.txt');
    await writeFile(file, bulletin);
    const first = jianbao(['import', file, '--split', '--content', content], work);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('共写入 3 篇草稿');
    const all = await drafts(first.stdout);
    expect(all.map((draft) => draft.body.slice(6, 10))).toEqual(['某某村开', '某某社区', '某某学校']);
    const again = jianbao(['import', file, '--split', '--content', content], work);
    expect(again.stdout).toContain('共写入 0 篇草稿，3 篇与已有稿件重复未写入');
    const twins = [...again.stdout.matchAll(/与已有稿件 (.+?\.md) 的正文相同/g)].map((match) => match[1]);
    expect(twins).toEqual(all.map((draft) => draft.file));
  });

  it('a 工作提示 item is no repeat of a 工作动态 one of the same day', async () => {
    const file = join(work, '两个栏目.txt');
    await writeFile(
      file,
      bulletin.replace(
        '12月1日，某某学校开展防溺水教育。',
        '12月1日，某某学校开展防溺水教育。\n【工作提示】\n冬季来临，各单位要加强防火。',
      ),
    );
    const run = jianbao(['import', file, '--split', '--unit', '青山镇', '--content', content], work);
    const all = await drafts(run.stdout);
    expect(all.map((draft) => draft.data.栏目)).toEqual(['工作动态', '工作动态', '工作动态', '工作提示']);
  });
});

describe('Word files that are not what their extension says', () => {
  it('a web page saved as .doc (as portals serve them) is imported as a web page', async () => {
    const file = join(work, '通知.doc');
    await writeFile(
      file,
      '<html><head><meta charset="utf-8"><title>青山镇开展燃气安全专项检查</title></head><body><h1>青山镇开展燃气安全专项检查</h1><p>11月19日，青山镇组织开展燃气安全专项检查，共排查餐饮场所15家。</p></body></html>',
    );
    const run = jianbao(['import', file, '--content', content], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('说明 文件扩展名是 .doc，内容其实是网页，已按网页导入');
    const [draft] = await drafts(run.stdout);
    expect(draft!.data.标题).toBe('青山镇开展燃气安全专项检查');
    expect(draft!.body).toBe('11月19日，青山镇组织开展燃气安全专项检查，共排查餐饮场所15家。');
  });

  it('a .docx renamed .doc is read as the Word document it is', async () => {
    const { Document, Packer, Paragraph, TextRun } = await import('docx');
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('青山镇开展燃气安全专项检查')] }),
              new Paragraph({
                children: [new TextRun('11月19日，青山镇组织开展燃气安全专项检查，共排查餐饮场所15家。')],
              }),
            ],
          },
        ],
      }),
    );
    const file = join(work, '改了扩展名.doc');
    await writeFile(file, bytes);
    const run = jianbao(['import', file, '--content', content], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('说明 文件扩展名是 .doc，内容其实是Word 文档，已按Word 文档导入');
    expect(run.stdout).not.toContain('无法读取这个旧版 Word/WPS 文件');
    const [draft] = await drafts(run.stdout);
    expect(draft!.body).toBe('11月19日，青山镇组织开展燃气安全专项检查，共排查餐饮场所15家。');
  });
});

describe('the report says what import cannot know', () => {
  it('an articles bulletin (no 栏目 headings): every section is the default, and the report says so', async () => {
    const out = join(work, 'dist');
    const made = jianbao(['docx', 'jianbao/2025-1', '--content', content, '--out', out], work);
    expect(made.code, made.stderr).toBe(0);
    const run = jianbao(
      ['import', join(out, 'jianbao/2025/1/jianbao-2025-1.docx'), '--split', '--force', '--content', content],
      work,
    );
    expect(run.code).toBe(0);
    const all = await drafts(run.stdout);
    expect(all.length).toBeGreaterThan(1);
    expect(run.stdout).toContain(
      `说明 这期简报没有【栏目】标题（文章版式），${all.length} 篇稿件的栏目都写作“工作动态”（没有栏目标题时取 --section，默认工作动态），请逐篇核对栏目`,
    );
  });

  it('a folder given as the file to import', async () => {
    const before = await readdir(join(content, 'entries'), { recursive: true });
    const run = jianbao(['import', work, '--content', content], work);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('这是一个文件夹：写出其中要导入的文件');
    expect(await readdir(join(content, 'entries'), { recursive: true })).toEqual(before);
  });
});
