/**
 * The one rule set for page chrome and metadata, shared by the web-page
 * (HTML) and the plain-text import: a line (or a short block's text) is
 * classified as navigation, page tools, publication metadata, a byline, a
 * photo file name or the start of the page's tail. Each rule names what it
 * removes, in Chinese, for the import report.
 */
import type { Removed } from './html.ts';

/** What a removed line was, in Chinese (shown in the import report). */
export const CHROME_KINDS = {
  navigation: '网页导航',
  tools: '网页栏目',
  metadata: '发布信息',
  byline: '署名',
  imageFile: '图片文件名',
  caption: '图片说明',
  column: '栏目名称',
  tail: '页尾',
  title: '重复的标题',
  masthead: '版头',
  colophon: '版记',
  editorNote: '编者按',
} as const;

export type ChromeKind = (typeof CHROME_KINDS)[keyof typeof CHROME_KINDS];

/** Spaces of every kind go before the whole-line patterns are tried (“返 回”, “【字号 】”). */
function compact(line: string): string {
  return line.replace(/[\s\u3000\u00a0]+/g, '');
}

const SEPARATOR = String.raw`(?:>>|[>＞»›\/／])`;
/** 当前位置：… and its many spellings. */
const POSITION =
  /^[【[]?\s*(?:当前位置|您当前的位置|您现在的位置|您的位置|您所在的位置|您当前所在位置|当前所在位置|现在位置|所在位置|所在栏目|位置)\s*[:：]/;
/** 首页 > 工作动态 > 正文, > 政务公开 > …, 首页/ 政府信息公开 / … / 正文. */
const BREADCRUMB = new RegExp(
  `^(?:(?:网站)?首页|主页)\\s*(?:${SEPARATOR}|[|｜]|$)|^${SEPARATOR}|(?:首页|主页)\\s*${SEPARATOR}.*${SEPARATOR}|${SEPARATOR}\\s*正文(?:详情)?\\s*$`,
);

/** Field names of publication metadata; a line starting with one of them and a colon is metadata. */
const METADATA_KEYS = [
  '信息来源',
  '文章来源',
  '稿件来源',
  '新闻来源',
  '来源',
  '来自',
  '出处',
  '作者',
  '文/图',
  '图/文',
  '文图',
  '图文',
  '摄影',
  '摄像',
  '记者',
  '通讯员',
  '实习生',
  '责任编辑',
  '编辑',
  '责编',
  '编审',
  '审核',
  '审校',
  '校对',
  '一审编辑',
  '一审',
  '二审校对',
  '二审',
  '三审',
  '终审核发',
  '终审',
  '核稿人',
  '核稿',
  '撰稿人',
  '撰稿',
  '供稿单位',
  '供稿',
  '发布者',
  '发布人',
  '发布单位',
  '发布机构',
  '发文机关',
  '发布时间',
  '发布日期',
  '发文日期',
  '成文日期',
  '生效日期',
  '信息时间',
  '更新时间',
  '时间',
  '日期',
  '浏览次数',
  '浏览人次',
  '浏览量',
  '浏览',
  '阅读人次',
  '访问人次',
  '点击数',
  '点击量',
  '点击率',
  '点击',
  '阅读次数',
  '阅读量',
  '阅读数',
  '阅读',
  '访问量',
  '访问次数',
  '评论',
  '索引号',
  '主题词',
  '主题分类',
  '公开方式',
  '公开范围',
  '公开时限',
  '文号',
].sort((a, b) => b.length - a.length);
const METADATA = new RegExp(
  `^[【\\[(（]?\\s*(?:${METADATA_KEYS.map((key) => key.replace('/', '\\/')).join('|')})\\s*[:：]`,
);
/** A line opening with a time stamp: 2013-01-14 09:04:37, 2020-8-31 10:11| 发布者…, 01-01 15:48 应城市融媒体中心. */
const STAMP =
  /^(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}-\d{1,2}(?=\s+\d{1,2}:\d{2}))(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|[|｜]|$)/;
/** Page tools: buttons and prompts that are the whole line. */
const TOOLS =
  /^[【[]?(?:上一篇下一篇|上一版下一版|立即下载|下载客户端|网站支持IPv6|点击查看全文|查看全文|展开全文|回首页|返回|回顶部|返回顶部|返回列表|返回上一页|关闭窗口|关闭|打印本页|打印|我要打印|请输入验证码|分享|分享到|扫一扫|扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|收藏|收藏本页|点赞|在看|阅读原文|点击上方蓝字关注我们|点击蓝字关注我们|关注我们|大中小|字号大中小|字号|字体|放大字体|缩小字体)[】\]]?[:：]?$/;
const TOOLS_ANYWHERE =
  /^第\w{1,4}版[:：]|上一版下一版|打印本页|关闭窗口|我要打印|长按.{0,6}(?:二维码|关注)|扫码关注|^(?:分享|收藏|点赞|在看){2,4}$|【\s*(?:打印|关闭|大|中|小)\s*】|字号\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小|^返回.{0,12}首页$|点击上方.{0,8}关注|(?:上一篇|下一篇)\s*[:：]/;
/** Where the page's tail (related links, footer) starts. */
const TAIL =
  /^[【[]?(?:相关链接|相关阅读|相关新闻|相关文章|相关推荐|相关信息|延伸阅读|新闻推荐|热点推荐|推荐阅读|往期推荐|往期回顾|阅读下一篇|上一篇|下一篇|关于我们|版权所有|版权声明|网站地图|联系我们|网站标识码|END$)/;
/** A site footer line: 主办单位：… 网站标识码：…, ICP 备案, ©. */
const FOOTER = /网站标识码|ICP备|备案号|版权所有|Copyright|©/i;
/** 记者 王倩玫, 通讯员 李鑫 摄, 图/文 张三. */
const BYLINE_LINE =
  /^(?:本报记者|记者|通讯员|实习生|摄影|图\/文|文\/图|文|图)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4}){0,3}(?:\s*摄)?$/;
/** A line that is nothing but names in brackets: （李洁）, （东河镇 向婷）. */
const BRACKETED_NAMES =
  /^[（(]\s*(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{2,6}(?:[\s、，,]+[\u4e00-\u9fff]{2,5}){1,3})\s*[)）]$/;
/** Photo file names: 3cb7a9cf8e134394a6eef46183cd27cc.png, 111_副本.jpg, IMG_20240401.jpg. */
export const IMAGE_FILE = /^\s*[\w\-.()（）\u4e00-\u9fff]*\.(?:jpe?g|png|gif|bmp|webp|tiff?)\s*$/i;
/** A caption under a photo: 图为…, ▲…, 图1 …. */
export const CAPTION = /^(?:图为|图片为|上图为|下图为|图\s*\d+\s*[：:、.]?|图[：:]|▲|△|↑)/;
/** A lone column name above the title: 工作动态, 乡镇快讯, 图片新闻. */
const COLUMN = /^[\u4e00-\u9fff]{0,4}(?:动态|要闻|快讯|新闻|公告|资讯|头条|公开|专栏|信息|中心|播报|速递)$/;

/** Sentence punctuation: a line with it is prose, never chrome (except metadata lines, which have none of it). */
const PROSE = /[。！？；]/;

/**
 * What a line of page chrome is, or undefined for article text. Lines with
 * sentence-ending punctuation or longer than `maxLength` are always text.
 */
export function chromeKind(line: string, maxLength = 120): ChromeKind | undefined {
  const text = line.trim();
  if (!text || text.length > maxLength) return undefined;
  const tight = compact(text);
  if (IMAGE_FILE.test(text)) return CHROME_KINDS.imageFile;
  if ((POSITION.test(text) || (BREADCRUMB.test(text) && text.length <= 80)) && !PROSE.test(text))
    return CHROME_KINDS.navigation;
  if ((METADATA.test(text) || STAMP.test(text)) && !/。/.test(text)) return CHROME_KINDS.metadata;
  if ((TAIL.test(tight) && (tight.length <= 20 || /[:：|｜]/.test(text))) || (FOOTER.test(text) && !PROSE.test(text)))
    return CHROME_KINDS.tail;
  if (TOOLS.test(tight) || (TOOLS_ANYWHERE.test(tight) && text.length <= 60 && !PROSE.test(text)))
    return CHROME_KINDS.tools;
  if (BYLINE_LINE.test(text) || BRACKETED_NAMES.test(text)) return CHROME_KINDS.byline;
  return undefined;
}

/** A lone column name (only meaningful above the title). */
export function isColumnName(line: string): boolean {
  const tight = compact(line);
  return tight.length <= 8 && COLUMN.test(tight);
}

/** 本报讯（记者 林伊婷）, 长城网·冀云客户端讯(通讯员 李延昌 王傲毅): a dateline with its byline. */
const DATELINE = /^[^\s，。、,]{0,12}(?:报|网|端|台|社|号|媒)讯\s*[（(][^（）()]{1,30}[)）]\s*(?=\S)/;
const LEADING_BYLINE =
  /^[（(]\s*(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{2,6}(?:\s+[\u4e00-\u9fff]{2,5}){1,3})\s*[)）](?=\S)/;
const TRAILING_BYLINE =
  /(?<=[。！？”])\s*[（(]\s*(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{2,6}(?:\s+[\u4e00-\u9fff]{2,5}){1,3})\s*[)）]$/;
/** （通讯员：宋静楠）, （记者 张三）. */
const TRAILING_CREDIT =
  /(?<=[。！？”])\s*[（(]\s*(?:通讯员|记者|作者|来源|供稿|撰稿|编辑)[:：]?\s*[^（）()。]{1,30}[)）]$/;
const NAMES = String.raw`(?:(?:记者|通讯员)\s*)?[\u4e00-\u9fff]{2,8}(?:\s+[\u4e00-\u9fff]{2,4}){0,2}`;
/** …情况等。 杨华沈芳群摄, …设施。李延昌 供图. */
const TRAILING_PHOTO_CREDIT = new RegExp(
  `(?<=[。！？”])(?:\\s+${NAMES}\\s*(?:摄|摄影|供图)|\\s*${NAMES}\\s+(?:摄|摄影|供图))$`,
);

/** Bylines glued to a paragraph: （黄晔）为确保…, …安全。（何钢 张勤文）, …情况等。 杨华沈芳群摄. */
export function stripBylines(paragraph: string, removed: Removed[]): string {
  let text = paragraph;
  for (const pattern of [DATELINE, LEADING_BYLINE, TRAILING_BYLINE, TRAILING_CREDIT, TRAILING_PHOTO_CREDIT]) {
    const match = pattern.exec(text);
    if (!match) continue;
    removed.push({ kind: CHROME_KINDS.byline, text: match[0].trim() });
    text = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  }
  return text;
}

const PUBLISHED =
  /(?:发布时间|发布日期|日期|时间|发文日期|信息时间)\s*[:：]?\s*((?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})/;

/** The publication date a whole page's text states after 发布时间 and the like, ISO. */
export function publicationDateIn(text: string): string | undefined {
  const match = PUBLISHED.exec(text);
  return match ? metadataDate(match[1]!) : undefined;
}

const FULL_DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

/** The publication date a metadata line states (2019-01-29, 2018年2月7日), ISO. */
export function metadataDate(line: string): string | undefined {
  const match = FULL_DATE.exec(line);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** 内部资料　注意保存, 秘密★1年, 内部刊物: the classification mark atop a bulletin. */
const CLASSIFICATION =
  /^(?:(?:内部资料|内部刊物|内部材料|内部文件)(?:[，,、]?注意保存|[，,、]?妥善保管)?|注意保存|(?:绝密|机密|秘密)★.{0,8})$/;
/** 示例区安全生产工作专报 (the series name: may be split over two lines, 工作专报 alone). */
const SERIES = /^[\u4e00-\u9fff（）()·]{0,30}(?:简报|专报|快报|工作动态|情况通报|信息)$/;
/** 2024年第8期（总第43期）, 第6期, 2023年 第6期, 增刊, 增刊第2期. */
const ISSUE_NUMBER =
  /^(?:(?:19|20)\d{2}年)?(?:第[\d一二三四五六七八九十百〇零]{1,6}期|增刊(?:第?[\d一二三四五六七八九十]{1,3}期?)?)(?:[（(]?总第\d{1,5}期[)）]?)?$|^[（(]总第\d{1,5}期[)）]$/;
/** 2024年11月29日, alone or after the issuing unit. */
const EDITION_DATE = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;
/** 示例区安全生产委员会办公室 (the issuing unit, on its own line or before the date). */
const EDITION_UNIT = /^(?:编印单位[:：]|主办[:：]|编发[:：])?[\u4e00-\u9fff（）()、]{2,40}(?:编印|编|主办)?$/;

/** What a line of a bulletin's masthead is, or undefined. */
export function mastheadKind(line: string): 'classification' | 'series' | 'issue' | 'edition' | 'unit' | undefined {
  const tight = compact(line);
  if (!tight || PROSE.test(tight) || tight.length > 60) return undefined;
  if (CLASSIFICATION.test(tight)) return 'classification';
  if (ISSUE_NUMBER.test(tight)) return 'issue';
  if (EDITION_DATE.test(tight) && EDITION_UNIT.test(tight.replace(EDITION_DATE, '') || '示例单位')) return 'edition';
  if (SERIES.test(tight)) return 'series';
  if (EDITION_UNIT.test(tight)) return 'unit';
  return undefined;
}

/** The issue date an edition line states (示例区安委办 2024年11月29日), ISO. */
export function editionDate(line: string): string | undefined {
  const match = EDITION_DATE.exec(compact(line));
  return match ? metadataDate(match[0]) : undefined;
}

/** 报：… 送：… 发：… 抄送：…, 编辑：… 审核：… 签发：…, 联系人：…, 电话：…, 共印60份. */
const COLOPHON =
  /^(?:报|送|发|抄报|抄送|报送|分送|印发|编辑|责任编辑|审核|签发|校对|联系人|联系电话|电话|邮箱|传真|地址)[:：]|共印\d{1,6}份$/;

/** A line of a bulletin's 版记 (the distribution block at its end). */
export function isColophonLine(line: string): boolean {
  const tight = compact(line);
  return tight !== '' && COLOPHON.test(tight);
}

/** 编者按：…, 按语：…: the editor's note of a bulletin, not entry text. */
export function isEditorNote(line: string): boolean {
  return /^[【[]?(?:编者按|编者的话|按语|编者)[】\]]?[:：]/.test(compact(line));
}
