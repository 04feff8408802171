/**
 * The document's paragraph styles, named in Chinese as office templates name
 * them. Every font, size, indent and line pitch lives in a style, so a
 * paragraph a leader edits or adds keeps the look, and body runs carry no
 * formatting but bold (leaders' names). Body text is 正文 — Word's Normal
 * style, which Chinese Word shows as 正文 — 仿宋_GB2312 三号 at the grid's
 * line pitch (固定值 28.95 磅), condensed to 28 characters a line (measure.ts),
 * with a first-line indent of two characters.
 */
import { AlignmentType, BorderStyle, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { CompiledIssue } from '../../index.ts';
import { runFont } from './fonts.ts';
import { BODY_CONDENSE, BODY_SIZE_PT, COLOPHON, LINE_PITCH, PAGE_NUMBER, pt, TYPE_AREA } from './measure.ts';

export type PrintSettings = CompiledIssue['print'];

/**
 * Styles whose lines are set off the line grid (`w:snapToGrid` 0, set in
 * package.ts): their type is larger than 三号, and LibreOffice gives such a
 * line two grid lines even at an exact line height; at exactly the pitch
 * (or twice it) they stay on the grid in Word, WPS and LibreOffice alike.
 */
export const OFF_GRID_STYLES = ['Masthead', 'ArticleTitle'] as const;

/** Style ids (stable, ASCII) → the names Word shows. */
export const STYLE_NAMES = {
  Normal: '正文',
  Marking: '标识',
  Masthead: '报头',
  IssueNumber: '期号',
  Publisher: '编印单位',
  RedRule: '红线',
  Note: '按语',
  Section: '栏目',
  EntryTitle: '稿件标题',
  ArticleTitle: '文章标题',
  Heading1: '一级标题',
  Heading2: '二级标题',
  Heading3: '三级标题',
  Heading4: '四级标题',
  ListItem: '列表',
  Quote: '引文',
  Code: '代码',
  Figure: '图片',
  Caption: '图注',
  TableText: '表格',
  TableHeader: '表头',
  Footnote: '脚注',
  Errata: '勘误',
  Colophon: '版记',
  Distribution: '版记发送',
  PageNumber: '页码',
} as const;

export type StyleId = keyof typeof STYLE_NAMES;

/** Half-points. */
const size = (points: number) => points * 2;
const exact = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const noIndent = { firstLine: 0, firstLineChars: 0, left: 0, hanging: 0 };

/** Height the 版记's lines take: 4号 at 1.4 (as the print page). */
export const COLOPHON_LINE = pt(COLOPHON.sizePt * 1.4);
/** Space above the red rule within its grid line, as the print page (1.5 mm). */
const RULE_OFFSET = 85;
/** The rule's width in eighths of a point: 1.5 pt single; double: 2.25 pt thick over 0.75 pt thin. */
const RULE_WIDTH = { single: 12, double: 24 } as const;

function style(id: StyleId, options: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions {
  return { id, name: STYLE_NAMES[id], basedOn: 'Normal', next: 'Normal', quickFormat: true, ...options };
}

/** The styles of one issue's document; the masthead's red, size and rule follow the series' 打印 settings. */
export function documentStyles(print: PrintSettings): IStylesOptions {
  const red = print.red.replace('#', '').toUpperCase();
  const rule = RULE_WIDTH[print.rule];
  const heading = { keepNext: true, keepLines: true };
  return {
    default: {
      document: {
        run: { font: runFont('fangsong'), size: size(BODY_SIZE_PT), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        paragraph: { spacing: exact(LINE_PITCH) },
      },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: runFont('fangsong'), size: size(BODY_SIZE_PT), characterSpacing: -BODY_CONDENSE },
        paragraph: {
          alignment: AlignmentType.BOTH,
          spacing: exact(LINE_PITCH),
          indent: { firstLineChars: 200, firstLine: 2 * (pt(BODY_SIZE_PT) - BODY_CONDENSE) },
        },
      },
      style('Marking', {
        run: { font: runFont('heiti') },
        paragraph: { alignment: AlignmentType.LEFT, indent: noIndent },
      }),
      style('Masthead', {
        run: { font: runFont('xiaobiaosong'), size: size(print.mastheadSize), color: red },
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: noIndent,
          spacing: exact(2 * LINE_PITCH),
          keepNext: true,
        },
      }),
      style('IssueNumber', {
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: noIndent,
          spacing: { ...exact(LINE_PITCH), before: LINE_PITCH },
          keepNext: true,
        },
      }),
      style('Publisher', {
        paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, rightTabStop: TYPE_AREA.width, keepNext: true },
      }),
      style('RedRule', {
        // The rule is the paragraph's top border; border and paragraph together take one grid line.
        paragraph: {
          indent: noIndent,
          spacing: { ...exact(LINE_PITCH - RULE_OFFSET - rule * 2.5), before: RULE_OFFSET },
          border: {
            top:
              print.rule === 'double'
                ? { style: BorderStyle.THICK_THIN_SMALL_GAP, size: rule, color: red, space: 0 }
                : { style: BorderStyle.SINGLE, size: rule, color: red, space: 0 },
          },
        },
      }),
      style('Note', { run: { font: runFont('kaiti') } }),
      style('Section', {
        run: { font: runFont('heiti') },
        paragraph: { indent: noIndent, outlineLevel: 0, ...heading },
      }),
      style('EntryTitle', {
        run: { bold: true },
        paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, outlineLevel: 1, ...heading },
      }),
      style('ArticleTitle', {
        run: { font: runFont('xiaobiaosong'), size: size(22) },
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: noIndent,
          spacing: exact(LINE_PITCH),
          outlineLevel: 0,
          ...heading,
        },
      }),
      style('Heading1', { run: { font: runFont('heiti') }, paragraph: { outlineLevel: 2, ...heading } }),
      style('Heading2', { run: { font: runFont('kaiti') }, paragraph: { outlineLevel: 3, ...heading } }),
      style('Heading3', { run: { bold: true }, paragraph: { outlineLevel: 4, ...heading } }),
      style('Heading4', { paragraph: { outlineLevel: 5 } }),
      style('ListItem', { paragraph: { indent: { ...noIndent, left: 2 * pt(BODY_SIZE_PT) } } }),
      style('Quote', { run: { font: runFont('kaiti') } }),
      style('Code', { paragraph: { alignment: AlignmentType.LEFT, indent: noIndent } }),
      // Single spacing (not exact) so an image is never clipped; the grid rounds the paragraph up to whole lines.
      style('Figure', {
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: noIndent,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          keepNext: true,
          keepLines: true,
        },
      }),
      style('Caption', {
        run: { font: runFont('kaiti'), size: size(14) },
        paragraph: { alignment: AlignmentType.CENTER, indent: noIndent },
      }),
      style('TableText', {
        run: { size: size(14) },
        paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, spacing: exact(COLOPHON_LINE) },
      }),
      style('TableHeader', {
        basedOn: 'TableText',
        next: 'TableText',
        run: { font: runFont('heiti') },
        paragraph: { alignment: AlignmentType.CENTER },
      }),
      style('Footnote', {
        run: { size: size(14) },
        paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, spacing: exact(COLOPHON_LINE) },
      }),
      style('Errata', { run: { font: runFont('kaiti') }, paragraph: { indent: noIndent } }),
      style('Colophon', {
        run: { size: size(COLOPHON.sizePt) },
        paragraph: {
          alignment: AlignmentType.LEFT,
          indent: noIndent,
          spacing: exact(COLOPHON_LINE),
          // 共印N份 flush right in its row.
          rightTabStop: TYPE_AREA.width - 2 * COLOPHON.side,
        },
      }),
      // 报：… wrapped lines start after the colon: a hanging indent of the label's two characters.
      style('Distribution', {
        basedOn: 'Colophon',
        next: 'Distribution',
        paragraph: { indent: { left: 2 * pt(COLOPHON.sizePt), hanging: 2 * pt(COLOPHON.sizePt) } },
      }),
      style('PageNumber', {
        run: { font: runFont('song'), size: size(PAGE_NUMBER.sizePt) },
        paragraph: {
          indent: { ...noIndent, left: pt(PAGE_NUMBER.sizePt), right: pt(PAGE_NUMBER.sizePt) },
          spacing: exact(pt(PAGE_NUMBER.sizePt)),
        },
      }),
    ],
  };
}
