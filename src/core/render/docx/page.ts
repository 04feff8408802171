/**
 * The section: A4 with mirrored margins (the document's `w:mirrorMargins`,
 * set in package.ts: `left` is the inside margin), the document
 * grid (22 lines of 28.95 pt; 28 characters a line come from the 正文 style,
 * see measure.ts), and the page numbers "— n —" in the footers: right on odd pages,
 * left on even pages (different odd and even footers), none on page 1 when
 * the series says so (a first-page footer of its own).
 */
import { AlignmentType, DocumentGridType, Footer, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { LINE_PITCH, MARGIN, PAGE, PAGE_NUMBER, pt } from './measure.ts';
import type { PrintSettings } from './styles.ts';

/** From the page's bottom edge to the footer's bottom: the number's line starts 7 mm under the type area. */
const FOOTER_DISTANCE = MARGIN.bottom - PAGE_NUMBER.belowTypeArea - pt(PAGE_NUMBER.sizePt);

function pageNumber(alignment: (typeof AlignmentType)['LEFT' | 'RIGHT']): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'PageNumber',
        alignment,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export function sectionSetup(print: PrintSettings): Pick<ISectionOptions, 'properties' | 'footers'> {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: {
          top: MARGIN.top,
          bottom: MARGIN.bottom,
          left: MARGIN.inside,
          right: MARGIN.outside,
          header: pt(42.5),
          footer: FOOTER_DISTANCE,
          gutter: 0,
        },
      },
      grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
      titlePage: !print.firstPageNumber,
    },
    footers: {
      default: pageNumber(AlignmentType.RIGHT),
      even: pageNumber(AlignmentType.LEFT),
      ...(print.firstPageNumber
        ? {}
        : { first: new Footer({ children: [new Paragraph({ style: 'PageNumber', children: [] })] }) }),
    },
  };
}
