/**
 * `jianbao import` end to end: every input is built here — a Word file
 * written with the `docx` package, GBK and Big5 text written with
 * iconv-lite, a web page with site chrome, Traditional text with pinyin —
 * imported into a copy of the base fixture, then read back and checked.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Bookmark,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyContent, FIXTURES, listFiles, runCli, tempDir } from '../../helpers/index.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

let content: string;
let inputs: string;

beforeEach(async () => {
  content = await copyContent();
  inputs = await tempDir('jianbao-import-');
});

async function newFiles(before: string[]): Promise<string[]> {
  return (await listFiles(content)).filter((file) => !before.includes(file));
}

async function wordFile(): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new Bookmark({ id: '_Toc100', children: [new TextRun('全区开展汛前安全检查')] })],
          }),
          new Paragraph({ children: [new TextRun('3月5日,区应急管理局组织开展汛前安全检查,检查企业１２家.')] }),
          new Paragraph({ children: [new TextRun({ text: '一、总体要求', bold: true })] }),
          new Paragraph({
            children: [
              new TextRun('各镇（街道）要高度重视，'),
              new TextRun({ text: '压实责任', bold: true }),
              new TextRun('。'),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('单位')] }),
                  new TableCell({ children: [new Paragraph('隐患（处）')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('青石镇')] }),
                  new TableCell({ children: [new Paragraph('3')] }),
                ],
              }),
            ],
          }),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 } })],
          }),
        ],
      },
    ],
  });
  const path = join(inputs, '汛前检查.docx');
  await writeFile(path, await Packer.toBuffer(doc));
  return path;
}

describe('jianbao import', () => {
  it('imports a Word file: title, bookmarks dropped, 一、 heading recovered, bold, table and image kept, lint fixes applied', async () => {
    const file = await wordFile();
    const before = await listFiles(content);
    const result = await runCli(['import', file, '--content', content, '--date', '2024-03-20', '--unit', 'yjj']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('（Word 文档）');
    expect(result.stdout).toContain('删除 书签 1 处：“_Toc100”');
    expect(result.stdout).toContain('恢复了 1 个小标题');
    const added = await newFiles(before);
    expect(added).toEqual(['entries/2024/03/全区开展汛前安全检查-图1.png', 'entries/2024/03/全区开展汛前安全检查.md']);
    const text = await readFile(join(content, 'entries/2024/03/全区开展汛前安全检查.md'), 'utf8');
    expect(text).toBe(
      [
        '---',
        '栏目: 工作动态',
        '标题: 全区开展汛前安全检查',
        '日期: 2024-03-05',
        '单位: yjj',
        '状态: 草稿',
        '---',
        '3月5日，区应急管理局组织开展汛前安全检查，检查企业12家。',
        '',
        '一、总体要求',
        '',
        '各镇（街道）要高度重视，**压实责任**。',
        '',
        '| 单位  | 隐患（处） |',
        '| --- | ----- |',
        '| 青石镇 | 3     |',
        '',
        '![](./全区开展汛前安全检查-图1.png)',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(content, 'entries/2024/03/全区开展汛前安全检查-图1.png'))).toEqual(PNG);
    // The draft is a valid entry: check has no errors.
    const check = await runCli(['check', '--content', content]);
    expect(check.code).toBe(0);
  });

  it('detects GBK and Big5 text files and says so; Big5 Traditional text becomes Simplified', async () => {
    const gbk = join(inputs, '简报.txt');
    await writeFile(
      gbk,
      iconv.encode(
        '　　3月12日，青石镇组织开展燃气安全检查，督促整改隐患5处。\r\n　　检查中发现的问题已全部交办。\r\n',
        'gbk',
      ),
    );
    const big5 = join(inputs, '繁體.txt');
    await writeFile(big5, iconv.encode('3月15日，區應急管理局開展危險化學品企業執法檢查，發現問題隱患12處。', 'big5'));
    const result = await runCli(['import', gbk, big5, '--content', content, '--date', '2024-03-20', '--unit', 'qsz']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('简报.txt（文本文件，编码 GBK/GB18030，已转为 UTF-8）');
    expect(result.stdout).toContain('繁體.txt（文本文件，编码 Big5，已转为 UTF-8）');
    expect(result.stdout).toContain('简体文本中有繁体字 1 处');
    const files = await listFiles(join(content, 'entries/2024/03'));
    const gbkEntry = await readFile(
      join(
        content,
        'entries/2024/03',
        files.find((file) => file.startsWith('3月12日'))!,
      ),
      'utf8',
    );
    expect(gbkEntry).toContain(
      '\n3月12日，青石镇组织开展燃气安全检查，督促整改隐患5处。\n\n检查中发现的问题已全部交办。\n',
    );
    expect(gbkEntry).toContain('日期: 2024-03-12');
    const big5Entry = await readFile(
      join(
        content,
        'entries/2024/03',
        files.find((file) => file.startsWith('3月15日'))!,
      ),
      'utf8',
    );
    expect(big5Entry).toContain('3月15日，区应急管理局开展危险化学品企业执法检查，发现问题隐患12处。');
  });

  it('keeps the article of a web page and drops the site chrome', async () => {
    const page = join(inputs, 'page.html');
    await writeFile(
      page,
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青石镇开展防汛演练_测试区人民政府</title></head><body>
<div class="header">测试区人民政府 首页 政务公开 办事服务</div>
<div class="nav"><a href="/">首页</a><a href="/gzdt">工作动态</a></div>
<div class="main"><div class="crumbs">当前位置：首页 &gt; 工作动态</div>
<h1>青石镇开展防汛演练</h1>
<div class="info">发布时间：2024-04-02 09:30　来源：青石镇　字号：【大】【中】【小】</div>
<div class="article"><p>　　4月1日,青石镇在柳塘村组织开展防汛应急避险转移演练，模拟强降雨引发山洪险情。</p>
<p><img src="/uploads/a.jpg"></p><p>IMG_20240401.jpg</p>
<p>　　镇村干部、应急分队队员和村民群众150余人参加演练。</p>
<p>责任编辑：王某</p></div>
<div class="tools">【打印本页】【关闭窗口】</div>
<div class="xglj"><h3>相关链接</h3><ul><li><a href="/1">全区防汛工作会议召开</a></li><li><a href="/2">白沙镇开展应急演练</a></li></ul></div>
</div><div class="footer">版权所有：测试区人民政府　网站标识码：0000000000</div></body></html>`,
    );
    const result = await runCli(['import', page, '--content', content]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('（网页，编码 UTF-8）');
    expect(result.stdout).toMatch(/删除 网页栏目 \d+ 处：/);
    expect(result.stdout).toContain('删除 图片文件名 1 处：“IMG_20240401.jpg”');
    expect(result.stdout).toContain('单位根据标题和正文推断为“青石镇”');
    const text = await readFile(join(content, 'entries/2024/04/青石镇开展防汛演练.md'), 'utf8');
    expect(text).toBe(
      [
        '---',
        '栏目: 工作动态',
        '标题: 青石镇开展防汛演练',
        '日期: 2024-04-01',
        '单位: 青石镇',
        '状态: 草稿',
        '---',
        '4月1日，青石镇在柳塘村组织开展防汛应急避险转移演练，模拟强降雨引发山洪险情。',
        '',
        '镇村干部、应急分队队员和村民群众150余人参加演练。',
        '',
      ].join('\n'),
    );
    for (const chrome of ['当前位置', '来源', '责任编辑', '打印本页', '相关链接', '字号', '版权所有', 'IMG_'])
      expect(text).not.toContain(chrome);
  });

  it('removes pinyin that is a reading of its character, converts Traditional text, keeps the rest', async () => {
    const file = join(inputs, '拼音.txt');
    await writeFile(file, '4月3日，青石鎮召開(kāi)安全生產會(huì)議，部署防汛(xùn)工作。開(kǎi)展排查。');
    const result = await runCli(['import', file, '--content', content, '--date', '2024-04-03', '--unit', 'qsz']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('正文中夹注拼音 3 处');
    const files = await listFiles(join(content, 'entries/2024/04'));
    const text = await readFile(join(content, 'entries/2024/04', files[0]!), 'utf8');
    // (kǎi) is not a reading of 开: it stays (in full-width brackets), for a person to look at.
    expect(text).toContain('4月3日，青石镇召开安全生产会议，部署防汛工作。开（kǎi）展排查。');
  });

  it('splits a file of several items with --split; refuses duplicates of existing entries unless --force, and never overwrites', async () => {
    const file = join(inputs, '汇编.txt');
    await writeFile(
      file,
      [
        '青石镇开展燃气检查',
        '4月8日，青石镇开展燃气安全检查。',
        '青石镇部署防汛工作',
        '4月9日，青石镇召开防汛工作部署会。',
        '会议要求各村落实责任。',
      ].join('\n'),
    );
    const first = await runCli([
      'import',
      file,
      '--split',
      '--content',
      content,
      '--date',
      '2024-04-10',
      '--unit',
      'qsz',
    ]);
    expect(first.code).toBe(0);
    // The same file again: every item repeats an entry already there — nothing written, each one named, exit 1.
    const again = await runCli([
      'import',
      file,
      '--split',
      '--content',
      content,
      '--date',
      '2024-04-10',
      '--unit',
      'qsz',
    ]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(
      /未写入 “青石镇开展燃气检查”：与已有稿件 \S*entries\/2024\/04\/青石镇开展燃气检查\.md 的标题、日期、单位相同（重复导入？确实是另一篇，加 --force 再导入）/,
    );
    expect(again.stdout).toContain('共写入 0 篇草稿，2 篇与已有稿件重复未写入');
    expect(await listFiles(join(content, 'entries/2024/04'))).toEqual([
      '青石镇开展燃气检查.md',
      '青石镇部署防汛工作.md',
    ]);
    // The same body under another title is a duplicate too.
    const retitled = join(inputs, '改了标题.txt');
    await writeFile(retitled, '青石镇全面开展燃气检查\n4月8日，青石镇开展燃气安全检查。');
    const body = await runCli(['import', retitled, '--content', content, '--date', '2024-04-10', '--unit', 'qsz']);
    expect(body.code).toBe(1);
    expect(body.stdout).toMatch(/与已有稿件 \S*entries\/2024\/04\/青石镇开展燃气检查\.md 的正文相同/);
    // --force keeps both, never overwriting.
    const second = await runCli([
      'import',
      file,
      '--split',
      '--force',
      '--content',
      content,
      '--date',
      '2024-04-10',
      '--unit',
      'qsz',
    ]);
    expect(second.code).toBe(0);
    expect(await listFiles(join(content, 'entries/2024/04'))).toEqual([
      '青石镇开展燃气检查-2.md',
      '青石镇开展燃气检查.md',
      '青石镇部署防汛工作-2.md',
      '青石镇部署防汛工作.md',
    ]);
    const text = await readFile(join(content, 'entries/2024/04/青石镇部署防汛工作.md'), 'utf8');
    expect(text).toContain('标题: 青石镇部署防汛工作\n日期: 2024-04-09');
    expect(text).toContain('---\n4月9日，青石镇召开防汛工作部署会。\n\n会议要求各村落实责任。\n');
  });

  it('--dry-run writes nothing; unreadable files are reported, exit 1', async () => {
    const good = join(inputs, 'a.txt');
    await writeFile(good, '4月1日，青石镇开展检查。');
    const bad = join(inputs, 'b.txt');
    await writeFile(bad, Buffer.from([0x81, 0x30, 0xff, 0xfe, 0x80, 0x80, 0xc0, 0xc1, 0xf5, 0xff]));
    const before = await listFiles(content);
    const result = await runCli([
      'import',
      good,
      bad,
      '--content',
      content,
      '--dry-run',
      '--unit',
      'qsz',
      '--date',
      '2024-04-01',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('将写入');
    expect(result.stdout).toContain('未导入');
    expect(result.stdout).toContain('无法识别文件编码');
    expect(await listFiles(content)).toEqual(before);
  });

  it('rejects an unknown section or a bad date as usage errors', async () => {
    const file = join(inputs, 'a.txt');
    await writeFile(file, '正文。');
    expect((await runCli(['import', file, '--content', content, '--section', '新闻'])).code).toBe(2);
    const badDate = await runCli(['import', file, '--content', content, '--date', '2024-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('日期「2024-02-30」无效');
  });

  it('reads a paste from standard input: chrome and glued metadata removed, title after the chrome, damaged dates flagged, converter punctuation fixed', async () => {
    const paste = [
      '点击上方蓝字关注我们',
      '首页/ 政府信息公开 / 乡镇动态 / 正文',
      '工作动态',
      '青石镇开展安全生产大检查',
      '来源：作者：发布时间：2018年2月7日浏览次数：',
      '发布日期：2018-02-07 索引号：000000/2018-00001 发布机构：青石镇 主题词',
      '发布时间 : 2019-02-20 19:44来源 : 本网',
      '2月5日，青石镇组织开展节前安全生产大检查[bookmark: _Hlk12345]，检查企业，、商户12家，。',
      '3cb7a9cf8e134394a6eef46183cd27cc.png',
      '图为检查现场。',
      '111_副本.jpg',
      '检查时间为2月12日—18日，123日前完成整改。',
      '责任编辑：王某',
      '供稿：青石镇',
      '图/文：李某',
      '【打印本页】 【关闭窗口】',
      '分享到：',
      '返回测试区人民政府首页',
      '阅读下一篇',
      '白沙镇开展燃气检查',
      '相关链接',
    ].join('\n');
    const before = await listFiles(content);
    const result = await runCli(['import', '-', '--content', content], { stdin: paste });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('导入 标准输入（文本文件，编码 UTF-8）');
    expect(result.stdout).toContain('删除 发布信息 ');
    expect(result.stdout).toContain('删除 图片文件名 2 处');
    expect(result.stdout).toContain('删除 图片说明 1 处：“图为检查现场。”');
    expect(result.stdout).toContain('删除 书签 1 处');
    expect(result.stdout).toContain('删除 栏目名称 1 处：“工作动态”');
    expect(result.stdout).toContain('年份取自原文的发布时间');
    expect(result.stdout).toContain(
      '待核对 日期“123日”不存在，可能丢了“月”：是不是“1月23日”或“12月3日”？ [lint/date-damaged]',
    );
    expect(result.stdout).toContain('核对后把 状态 改为 待编');
    const added = (await listFiles(content)).filter((file) => !before.includes(file));
    expect(added).toEqual(['entries/2018/02/青石镇开展安全生产大检查.md']);
    const text = await readFile(join(content, added[0]!), 'utf8');
    expect(text).toBe(
      [
        '---',
        '栏目: 工作动态',
        '标题: 青石镇开展安全生产大检查',
        '日期: 2018-02-05',
        '单位: 青石镇',
        '状态: 草稿',
        '---',
        '2月5日，青石镇组织开展节前安全生产大检查，检查企业、商户12家。',
        '',
        '检查时间为2月12日—18日，123日前完成整改。',
        '',
      ].join('\n'),
    );
    // check shows the damaged date as a warning, as it shows every lint finding.
    const check = await runCli(['check', '--content', content]);
    expect(check.stdout).toMatch(/青石镇开展安全生产大检查\.md:10:\d+ 警告 日期“123日”不存在.*\[lint\/date-damaged\]/);
  });

  it("never uses today's date silently, and says nothing of 待编 when nothing was written", async () => {
    const file = join(inputs, '近日.txt');
    await writeFile(file, '近日，青石镇开展燃气安全检查。');
    const dry = await runCli(['import', file, '--content', content, '--dry-run']);
    expect(dry.stdout).toContain('正文中没有日期，暂用今天');
    const failed = await runCli(['import', join(inputs, '没有.txt'), '--content', content]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('共写入 0 篇草稿，1 个文件未导入');
    expect(failed.stdout).not.toContain('待编');
    const empty = await runCli(['import', '-', '--content', content], { stdin: '  \n' });
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('未导入 标准输入：没有读到任何文字');
    // Without a date in the body the page's publication date comes before --date.
    const paged = await runCli(['import', '-', '--content', content, '--date', '2024-01-05', '--dry-run'], {
      stdin: '发布时间：2023-06-01 来源：青石镇\n近日，青石镇开展燃气安全检查。',
    });
    expect(paged.stdout).toContain('正文中没有日期，取原文的发布时间 2023年6月1日，请核对');
    expect(paged.stdout).toContain('entries/2023/06/');
  });

  it('keeps the numbers Word shows for auto-numbered headings, never list markers; a tab-aligned sign-off keeps its two parts; a caption under a photo becomes its description', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'headings',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
            ],
          },
          { reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({
              heading: HeadingLevel.HEADING_1,
              children: [new TextRun('白沙镇扎实开展冬季安全生产大检查')],
            }),
            new Paragraph('12月5日，白沙镇召开冬季安全生产工作会议。'),
            new Paragraph({
              numbering: { reference: 'headings', level: 0 },
              children: [new TextRun({ text: '总体要求', bold: true })],
            }),
            new Paragraph({ numbering: { reference: 'headings', level: 1 }, children: [new TextRun('压实责任')] }),
            new Paragraph({ numbering: { reference: 'headings', level: 1 }, children: [new TextRun('强化督查')] }),
            new Paragraph({
              numbering: { reference: 'headings', level: 0 },
              children: [new TextRun({ text: '工作措施', bold: true })],
            }),
            new Paragraph({ numbering: { reference: 'headings', level: 1 }, children: [new TextRun('排查隐患')] }),
            new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('加强巡查。')] }),
            new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('及时整改。')] }),
            new Paragraph({
              children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 } })],
            }),
            new Paragraph('图为检查现场。'),
            new Paragraph({ children: [new TextRun({ children: ['白沙镇党委政府', new Tab(), '2025年12月8日'] })] }),
            new Paragraph('青石镇人民政府    2025年12月9日'),
          ],
        },
      ],
    });
    const file = join(inputs, '编号.docx');
    await writeFile(file, await Packer.toBuffer(doc));
    const result = await runCli(['import', file, '--content', content, '--date', '2025-12-10', '--unit', 'qsz']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('保留了 Word 自动编号 7 处');
    expect(result.stdout).toContain('落款 2 处');
    const text = await readFile(join(content, 'entries/2025/12/白沙镇扎实开展冬季安全生产大检查.md'), 'utf8');
    expect(text.slice(text.indexOf('---\n', 4) + 4)).toBe(
      [
        '12月5日，白沙镇召开冬季安全生产工作会议。',
        '一、总体要求',
        '（一）压实责任',
        '（二）强化督查',
        '二、工作措施',
        '（一）排查隐患',
        '1.加强巡查。',
        '2.及时整改。',
        '![图为检查现场。](./白沙镇扎实开展冬季安全生产大检查-图1.png)',
        '白沙镇党委政府',
        '2025年12月8日',
        '青石镇人民政府',
        '2025年12月9日',
        '',
      ]
        .join('\n\n')
        .replace(/\n\n$/, '\n'),
    );
    const check = await runCli(['check', '--content', content]);
    expect(check.code).toBe(0);
  });

  it('reads old Word (.doc) and WPS (.wps) files made by LibreOffice; a file it cannot read gets a Chinese message saying how to save as .docx', async () => {
    const doc = join(FIXTURES, 'import/doc/青石镇燃气检查.doc');
    const wps = join(FIXTURES, 'import/doc/青石镇燃气检查.wps');
    // The .wps is the same document: a repeat of the .doc's entry unless --force.
    const result = await runCli(['import', doc, wps, '--content', content, '--unit', 'qsz']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 篇与已有稿件重复未写入');
    expect((await runCli(['import', wps, '--force', '--content', content, '--unit', 'qsz'])).code).toBe(0);
    expect(result.stdout).toContain('青石镇燃气检查.doc（旧版 Word 文档）');
    expect(result.stdout).toContain('删除 发布信息 1 处：“发布时间：2025-12-04 来源：青石镇”');
    expect(result.stdout).toContain('自动编号');
    const text = await readFile(join(content, 'entries/2025/12/青石镇开展冬季燃气安全检查.md'), 'utf8');
    expect(text).toContain('标题: 青石镇开展冬季燃气安全检查\n日期: 2025-12-03\n');
    expect(text).toContain(
      '---\n12月3日，青石镇组织安监、市场监管等部门开展冬季燃气安全检查，检查餐饮场所18家，发现隐患5处，已全部整改。\n\n下一步，青石镇将持续开展燃气安全隐患排查，确保群众安全过冬。\n',
    );
    expect(await listFiles(join(content, 'entries/2025/12'))).toEqual([
      '青石镇开展冬季燃气安全检查-2.md',
      '青石镇开展冬季燃气安全检查.md',
    ]);

    const broken = join(inputs, '坏.wps');
    await writeFile(
      broken,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]),
    );
    const failed = await runCli(['import', broken, '--content', content]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('无法读取这个旧版 Word/WPS 文件');
    expect(failed.stdout).toContain('另存为');
    expect(failed.stdout).toContain('Word 文件（*.docx）');
    expect(failed.stdout).not.toMatch(/Error|at |undefined/);
  });

  it('cleans a web page pasted into Word like a text paste; a text sign-off keeps unit and date apart', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('当前位置：首页 > 工作动态 > 正文'),
            new Paragraph('青石镇开展防溺水安全巡查'),
            new Paragraph('发布时间：2024-05-06 来源：青石镇 浏览次数：12'),
            new Paragraph('5月4日，青石镇组织干部对辖区河道开展防溺水安全巡查。（张三 李四）'),
            new Paragraph('【打印本页】【关闭窗口】'),
          ],
        },
      ],
    });
    const file = join(inputs, '粘贴.docx');
    await writeFile(file, await Packer.toBuffer(doc));
    const result = await runCli(['import', file, '--content', content]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('删除 网页导航 1 处');
    expect(result.stdout).toContain('删除 署名 1 处：“（张三 李四）”');
    const text = await readFile(join(content, 'entries/2024/05/青石镇开展防溺水安全巡查.md'), 'utf8');
    expect(text).toContain('标题: 青石镇开展防溺水安全巡查\n日期: 2024-05-04\n');
    expect(text).toContain('---\n5月4日，青石镇组织干部对辖区河道开展防溺水安全巡查。\n');

    const signed = join(inputs, '落款.txt');
    await writeFile(signed, '12月5日，白沙镇召开安全生产工作会议。\n白沙镇党委政府    2025年12月8日\n');
    await runCli(['import', signed, '--content', content, '--unit', 'qsz', '--date', '2025-12-08']);
    const files = await listFiles(join(content, 'entries/2025/12'));
    const body = await readFile(join(content, 'entries/2025/12', files[0]!), 'utf8');
    expect(body).toContain('会议。\n\n白沙镇党委政府\n\n2025年12月8日\n');
  });

  it('a web page goes through the same line rules: glued bylines and the tail inside the article', async () => {
    const page = join(inputs, 'wechat.html');
    await writeFile(
      page,
      `<html><head><meta charset="utf-8"><title>青石镇开展消防演练</title></head><body><div id="js_content">
<p>点击上方蓝字关注我们</p>
<p>4月10日，青石镇在集镇开展消防应急演练，镇村干部和群众80余人参加。（张三 李四）</p>
<p>演练结束后，消防救援人员讲解了灭火器的使用方法。</p>
<p>阅读下一篇</p><p>白沙镇召开防汛工作会议</p><p>往期推荐</p></div></body></html>`,
    );
    const result = await runCli(['import', page, '--content', content, '--date', '2024-04-12']);
    expect(result.code).toBe(0);
    const text = await readFile(join(content, 'entries/2024/04/青石镇开展消防演练.md'), 'utf8');
    expect(text.slice(text.indexOf('---\n', 4) + 4)).toBe(
      '4月10日，青石镇在集镇开展消防应急演练，镇村干部和群众80余人参加。\n\n演练结束后，消防救援人员讲解了灭火器的使用方法。\n',
    );
    expect(result.stdout).toContain('删除 页尾');
    expect(result.stdout).toContain('删除 署名 1 处：“（张三 李四）”');
  });

  it('a web page whose first heading is its column name takes the article heading as the title', async () => {
    const page = join(inputs, 'column.html');
    await writeFile(
      page,
      `<html><head><meta charset="utf-8"><title>工作动态_测试区人民政府</title></head><body><div class="main"><h2>工作动态</h2>
<h3>青石镇开展危化品企业安全检查</h3><p>发布时间：2024-06-03　来源：青石镇</p>
<div class="content"><p>6月2日，青石镇对辖区危险化学品企业开展安全检查，发现隐患3处。</p><p>检查组要求企业限期整改到位。</p></div></div></body></html>`,
    );
    const result = await runCli(['import', page, '--content', content]);
    expect(result.code).toBe(0);
    const text = await readFile(join(content, 'entries/2024/06/青石镇开展危化品企业安全检查.md'), 'utf8');
    expect(text).toContain('标题: 青石镇开展危化品企业安全检查\n日期: 2024-06-02\n');
    expect(text).not.toContain('工作动态\n\n');
    expect(text).toContain(
      '---\n6月2日，青石镇对辖区危险化学品企业开展安全检查，发现隐患3处。\n\n检查组要求企业限期整改到位。\n',
    );
  });
});
