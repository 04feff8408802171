/**
 * The shared chrome rules line by line: what clerks' copies really contain
 * (the issue's own examples) is recognised, and prose that merely starts
 * like chrome is left alone.
 */
import { describe, expect, it } from 'vitest';
import {
  chromeKind,
  editionDate,
  isColophonLine,
  isColumnName,
  isEditorNote,
  mastheadKind,
  stripBylines,
} from '../../../src/core/text/import/chrome.ts';
import type { Removed } from '../../../src/core/text/import/html.ts';

describe('chrome rules', () => {
  it.each([
    ['首页 > 重点领域信息公开专栏 > 安全生产信息公开', '网页导航'],
    ['首页/ 政府信息公开 / 乡镇动态 / 正文', '网页导航'],
    ['当前位置：首页 > 工作动态', '网页导航'],
    ['来源：作者：发布时间：2018年2月7日浏览次数：', '发布信息'],
    ['发布日期：2018-02-07 索引号：000000/2018-00001 发布机构：青石镇 主题词', '发布信息'],
    ['发布时间 : 2019-02-20 19:44来源 : 本网', '发布信息'],
    ['责任编辑：王某', '发布信息'],
    ['供稿：青石镇', '发布信息'],
    ['图/文：李某', '发布信息'],
    ['记者 王倩玫', '署名'],
    ['（李洁）', '署名'],
    ['点击上方蓝字关注我们', '网页栏目'],
    ['【打印本页】 【关闭窗口】', '网页栏目'],
    ['分享到：', '网页栏目'],
    ['【 字体:', '网页栏目'],
    ['字号：【大】【中】【小】', '网页栏目'],
    ['返回测试区人民政府首页', '网页栏目'],
    ['阅读下一篇', '页尾'],
    ['相关链接', '页尾'],
    ['3cb7a9cf8e134394a6eef46183cd27cc.png', '图片文件名'],
    ['111_副本.jpg', '图片文件名'],
  ])('%s → %s', (line, kind) => {
    expect(chromeKind(line)).toBe(kind);
  });

  it.each([
    '12月5日，青石镇召开安全生产工作会议。',
    '时间紧、任务重，各单位要高度重视。',
    '来源于群众的意见建议共12条，已全部办结。',
    '主办单位为区应急管理局，承办单位为青石镇人民政府。',
    '一、总体要求',
    '扎实部署　压实责任',
    '2025年12月8日，白沙镇开展燃气安全检查。',
    // A block that glues a position line to the article (a <br> between them) is not chrome as a whole.
    '当前位置：首页 > 工作动态\n3月5日，青石镇开展检查。',
  ])('leaves prose alone: %s', (line) => {
    expect(chromeKind(line)).toBeUndefined();
  });

  it('knows a lone column name', () => {
    expect(isColumnName('工作动态')).toBe(true);
    expect(isColumnName('乡镇快讯')).toBe(true);
    expect(isColumnName('青石镇开展燃气安全检查')).toBe(false);
  });

  it('strips bylines glued to a paragraph, never words of the sentence', () => {
    const removed: Removed[] = [];
    expect(stripBylines('（黄晔）为确保安全生产形势稳定，开展督查。', removed)).toBe(
      '为确保安全生产形势稳定，开展督查。',
    );
    expect(stripBylines('确保群众安全。（何钢 张勤文）', removed)).toBe('确保群众安全。');
    expect(stripBylines('安排情况等。 杨华沈芳群摄', removed)).toBe('安排情况等。');
    expect(stripBylines('本报讯（记者 林伊婷）连日来，安海镇开展排查。', removed)).toBe('连日来，安海镇开展排查。');
    expect(removed.map((item) => item.kind)).toEqual(['署名', '署名', '署名', '署名']);
    for (const prose of [
      '应急通讯（含卫星电话）保障到位。',
      '现场由专人拍摄',
      '会议要求（一）落实责任。',
      '检查结束。（此件公开发布）',
    ])
      expect(stripBylines(prose, [])).toBe(prose);
  });
});

describe('bulletin masthead and 版记 lines', () => {
  it.each([
    ['内部资料　注意保存', 'classification'],
    ['秘密★1年', 'classification'],
    ['示例区安全生产工作专报', 'series'],
    ['2024年 第8期（总第43期）', 'issue'],
    ['第6期', 'issue'],
    ['增刊', 'issue'],
    ['示例区安全生产委员会办公室\t2024年11月29日', 'edition'],
    ['2023年8月30日', 'edition'],
    ['区打好安全生产翻身仗工作专班', 'unit'],
  ])('%s is a masthead line (%s)', (line, kind) => {
    expect(mastheadKind(line)).toBe(kind);
  });

  it('reads the issue date; sentences are no masthead', () => {
    expect(editionDate('示例区安全生产委员会办公室　2024年11月29日')).toBe('2024-11-29');
    expect(mastheadKind('9月24日，全省安全生产电视电话会议召开。')).toBeUndefined();
    expect(mastheadKind('全区第8期安全培训班于3月开班，参训人员120人。')).toBeUndefined();
  });

  it.each([
    '报：市安委办、市应急管理局',
    '送：区委办、区政府办',
    '发：区安委会成员单位',
    '编辑：刘晓燕　审核：陈国栋　签发：吴卫东',
    '联系人：刘晓燕　电话：0734-0000000',
    '共印60份',
  ])('%s is a 版记 line', (line) => {
    expect(isColophonLine(line)).toBe(true);
  });

  it('leaves prose alone; knows the 编者按', () => {
    expect(isColophonLine('报送材料须于周五前完成。')).toBe(false);
    expect(isColophonLine('发现问题隐患17处，已全部整改。')).toBe(false);
    expect(isEditorNote('编者按：入冬以来，火灾风险上升。')).toBe(true);
    expect(isEditorNote('编者在会上指出，要加强宣传。')).toBe(false);
  });
});
