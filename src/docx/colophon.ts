/**
 * 版记: a one-column table between rules (0.35 mm outside, 0.25 mm between
 * rows, as the print page), floating at the bottom of the type area
 * (`w:tblpPr` anchored to the margins, `tblpYSpec="bottom"`). Word and WPS
 * keep a floating table at the bottom of the page its anchor paragraph is
 * on whatever the text above does, so the 版记 stays at the bottom of the
 * last page when a leader edits the issue, and moves to the next page's
 * bottom when the text grows over it. Rows: 报/送/发 (wrapped lines start
 * after the colon: a hanging indent; a group of leaders, padded names,
 * starts a line of its own), the staff, then contact and 共印N份 (flush
 * right at a tab).
 */
import {
  BorderStyle,
  LineRuleType,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { COLOPHON, mm, TYPE_AREA } from './measure.ts';

/** One 报/送/发 line: recipients flow on; each leader group (padded names) starts a line. */
export interface ColophonDistribution {
  label: string;
  runs: { people: boolean; text: string }[];
}

export interface ColophonData {
  distribution: ColophonDistribution[];
  /** 签发：… 审核：… 编辑：… */
  staff: string[];
  /** 联系人：… 电话：… 邮箱：… */
  contact: string[];
  /** 共印N份 */
  copies: string | undefined;
}

/** As wide as the type area. */
const FULL_WIDTH = { size: TYPE_AREA.width, type: WidthType.DXA } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' }) as const;

function row(paragraph: Paragraph): TableRow {
  return new TableRow({ cantSplit: true, children: [new TableCell({ width: FULL_WIDTH, children: [paragraph] })] });
}

function distributionRow(line: ColophonDistribution): TableRow {
  const children: TextRun[] = [new TextRun(`${line.label}：`)];
  line.runs.forEach((run, index) => {
    // A leader group after other recipients starts a new line, aligned after the colon.
    children.push(new TextRun({ text: run.text, ...(run.people && index > 0 ? { break: 1 } : {}) }));
  });
  return row(new Paragraph({ style: 'Distribution', children }));
}

function rows(data: ColophonData): TableRow[] {
  const out = data.distribution.map(distributionRow);
  if (data.staff.length) out.push(row(new Paragraph({ style: 'Colophon', children: [new TextRun(data.staff.join('　'))] })));
  if (data.contact.length || data.copies) {
    const children = [new TextRun(data.contact.join('　'))];
    if (data.copies) children.push(new TextRun({ children: [new Tab(), data.copies] }));
    out.push(row(new Paragraph({ style: 'Colophon', children })));
  }
  return out;
}

/**
 * The 版记 table and the paragraph it is anchored to (a hairline-high empty
 * paragraph, so that it never takes a line of its own); nothing when the
 * issue has no 版记.
 */
export function colophon(data: ColophonData): (Table | Paragraph)[] {
  const tableRows = rows(data);
  if (tableRows.length === 0) return [];
  const table = new Table({
    rows: tableRows,
    width: FULL_WIDTH,
    columnWidths: [TYPE_AREA.width],
    layout: TableLayoutType.FIXED,
    borders: { top: rule(COLOPHON.outerRule), bottom: rule(COLOPHON.outerRule), insideHorizontal: rule(COLOPHON.innerRule), left: NONE, right: NONE, insideVertical: NONE },
    margins: { top: mm(1), bottom: mm(1), left: COLOPHON.side, right: COLOPHON.side },
    float: {
      // Centred on the page, not the margins: LibreOffice floats a table as wide as the margins only when
      // it is placed against the page (the type area is 1 mm off the page's centre, 28/26 mm mirrored).
      horizontalAnchor: TableAnchorType.PAGE,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      topFromText: 0,
      bottomFromText: 0,
      leftFromText: 0,
      rightFromText: 0,
    },
  });
  const anchor = new Paragraph({ style: 'Colophon', spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [] });
  return [table, anchor];
}
