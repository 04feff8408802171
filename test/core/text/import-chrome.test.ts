/**
 * The shared chrome rules line by line: what clerks' copies really contain
 * (the issue's own examples) is recognised, and prose that merely starts
 * like chrome is left alone.
 */
import { describe, expect, it } from 'vitest';
import { chromeKind, isColumnName, stripBylines } from '../../../src/core/text/import/chrome.ts';
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
    expect(stripBylines('（黄晔）为确保安全生产形势稳定，开展督查。', removed)).toBe('为确保安全生产形势稳定，开展督查。');
    expect(stripBylines('确保群众安全。（何钢 张勤文）', removed)).toBe('确保群众安全。');
    expect(stripBylines('安排情况等。 杨华沈芳群摄', removed)).toBe('安排情况等。');
    expect(stripBylines('本报讯（记者 林伊婷）连日来，安海镇开展排查。', removed)).toBe('连日来，安海镇开展排查。');
    expect(removed.map((item) => item.kind)).toEqual(['署名', '署名', '署名', '署名']);
    for (const prose of ['应急通讯（含卫星电话）保障到位。', '现场由专人拍摄', '会议要求（一）落实责任。', '检查结束。（此件公开发布）']) expect(stripBylines(prose, [])).toBe(prose);
  });
});
