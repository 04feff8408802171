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
import { COLOPHON, MARGIN, mm, TYPE_AREA } from './measure.ts';
import { COLOPHON_CHARS, width } from './pagination.ts';

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
    // As the print page: when contact and copies do not fit one line, the last item (邮箱) starts the second.
    const one = data.contact.map((item) => item.text).join('　');
    const long =
      data.contact.length > 1 && width(one) + (data.copies ? width(data.copies.text) + 2 : 0) > COLOPHON_CHARS;
    const children = long
      ? [
          new TextRun(
            data.contact
              .slice(0, -1)
              .map((item) => item.text)
              .join('　'),
          ),
          new TextRun({ text: data.contact.at(-1)!.text, break: 1 }),
        ]
      : [new TextRun(one)];
    if (data.copies) children.push(new TextRun({ children: [new Tab(), data.copies.text] }));
    out.push(row(new Paragraph({ style: 'Colophon', children })));
  }
  return out;
}

/**
 * Where the 版记 goes. `with-text`: anchored after the text, at the bottom
 * of the page the text ends on, or of the next when it does not fit there
 * (printed one-sided). Printed two-sided it must be on an even page, the
 * last side of a sheet, and the renderer says which page that is from where
 * the text ends (pagination.ts): `even`, under the text (it ends on an even
 * page with room); `next-page`, the next page (the text ends on an odd
 * page); `after-blank-page`, the page after a blank one (the text ends on a
 * full even page). Page breaks, not an even-page section: LibreOffice lays
 * out a floating table in a second section wrongly and leaves out the blank
 * page Word would print.
 */
export type ColophonPlacement = 'with-text' | 'even' | 'next-page' | 'after-blank-page';

/**
 * The 版记 table and the paragraph it is anchored to (a hairline-high empty
 * paragraph, so that it never takes a line of its own), after the page
 * breaks its placement needs; nothing when the issue has no 版记.
 */
export function colophon(data: Colophon, placement: ColophonPlacement = 'with-text'): (Table | Paragraph)[] {
  const tableRows = rows(data);
  if (tableRows.length === 0) return [];
  const even = placement !== 'with-text';
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
      // Placed against the page, not the margins: LibreOffice keeps a floating table at the bottom only so.
      // On an even page (printed two-sided, the 版记's page always is) at the type area's left edge, the
      // outside margin (a table's position is its text's: the cells' side margin further in); on a page of
      // either side, centred (the type area is 1 mm off the page's centre, 28/26 mm mirrored).
      horizontalAnchor: TableAnchorType.PAGE,
      ...(even
        ? { absoluteHorizontalPosition: MARGIN.outside + COLOPHON.side }
        : { relativeHorizontalPosition: RelativeHorizontalPosition.CENTER }),
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      topFromText: 0,
      bottomFromText: 0,
      leftFromText: 0,
      rightFromText: 0,
    },
  });
  const hairline = (pageBreakBefore: boolean) =>
    new Paragraph({
      style: 'Colophon',
      spacing: { line: 20, lineRule: LineRuleType.EXACT },
      pageBreakBefore,
      children: [],
    });
  const anchor = hairline(placement === 'next-page' || placement === 'after-blank-page');
  return placement === 'after-blank-page' ? [hairline(true), table, anchor] : [table, anchor];
}
