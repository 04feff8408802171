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
import type { Colophon, DistributionItem, DistributionLine } from '../../model/issue.ts';
import { COLOPHON, mm, TYPE_AREA } from './measure.ts';

/**
 * A 报/送/发 line's items as runs of text: recipients flow on, each followed
 * by 、 except the last of its run; a leader group (padded names, then its
 * suffix 同志) is a run of its own that starts a line.
 */
export function distributionRuns(items: readonly DistributionItem[]): { people: boolean; text: string }[] {
  const out: { people: boolean; text: string }[] = [];
  for (const item of items) {
    if (item.type === 'people') {
      out.push({ people: true, text: `${item.names.join('、')}${item.suffix}` });
      continue;
    }
    const last = out[out.length - 1];
    if (last && !last.people) last.text += `、${item.text}`;
    else out.push({ people: false, text: item.text });
  }
  return out;
}

/** As wide as the type area. */
const FULL_WIDTH = { size: TYPE_AREA.width, type: WidthType.DXA } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' }) as const;

function row(paragraph: Paragraph): TableRow {
  return new TableRow({ cantSplit: true, children: [new TableCell({ width: FULL_WIDTH, children: [paragraph] })] });
}

function distributionRow(line: DistributionLine): TableRow {
  const children: TextRun[] = [new TextRun(`${line.label}：`)];
  distributionRuns(line.items).forEach((run, index) => {
    // A leader group after other recipients starts a new line, aligned after the colon.
    children.push(new TextRun({ text: run.text, ...(run.people && index > 0 ? { break: 1 } : {}) }));
  });
  return row(new Paragraph({ style: 'Distribution', children }));
}

function rows(data: Colophon): TableRow[] {
  const out = data.distribution.map(distributionRow);
  if (data.staff.length)
    out.push(
      row(
        new Paragraph({ style: 'Colophon', children: [new TextRun(data.staff.map((item) => item.text).join('　'))] }),
      ),
    );
  if (data.contact.length || data.copies) {
    const children = [new TextRun(data.contact.map((item) => item.text).join('　'))];
    if (data.copies) children.push(new TextRun({ children: [new Tab(), data.copies.text] }));
    out.push(row(new Paragraph({ style: 'Colophon', children })));
  }
  return out;
}

/**
 * The 版记 table and the paragraph it is anchored to (a hairline-high empty
 * paragraph, so that it never takes a line of its own); nothing when the
 * issue has no 版记.
 */
export function colophon(data: Colophon): (Table | Paragraph)[] {
  const tableRows = rows(data);
  if (tableRows.length === 0) return [];
  const table = new Table({
    rows: tableRows,
    width: FULL_WIDTH,
    columnWidths: [TYPE_AREA.width],
    layout: TableLayoutType.FIXED,
    borders: {
      top: rule(COLOPHON.outerRule),
      bottom: rule(COLOPHON.outerRule),
      insideHorizontal: rule(COLOPHON.innerRule),
      left: NONE,
      right: NONE,
      insideVertical: NONE,
    },
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
  const anchor = new Paragraph({
    style: 'Colophon',
    spacing: { line: 20, lineRule: LineRuleType.EXACT },
    children: [],
  });
  return [table, anchor];
}
