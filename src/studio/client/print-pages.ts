/**
 * The print preview's pages: once the print page's own script has laid the
 * issue out (layout.ts: masthead condensed, 版记 placed), the flow is shown
 * as the A4 pages the PDF will have. The flow becomes a multi-column box of
 * one type-area column (156 × 225 mm) per row, the rows wrapping downwards
 * (CSS `column-wrap`, Chromium 145+): the same fragmentation, at the same
 * column size, that layout.ts measures with and Chromium prints with, so
 * each row is one printed page. Behind each row a sheet of paper is drawn
 * with what the paper has in its margin boxes (print.css `@page`): the page
 * number (— N —, outside corner; none on page 1 when the series says so, nor
 * on the blank and 版记 pages of a `bare` tail) and the draft mark.
 *
 * A browser without `column-wrap` keeps the print page's one long sheet.
 * The result is published on <html>: data-preview="ready", and
 * data-sheets (pages drawn) when the pages were drawn.
 */

const MM = 96 / 25.4;
/** The grey between two sheets. */
const SHEET_GAP_MM = 6;
/** print.css `@page`: the top and bottom margins, the type area's height (print-pages.css draws the sides). */
const MARGIN = { top: 37, bottom: 35 };
const TYPE_HEIGHT_MM = 225;

export function pagesSupported(win: Window & typeof globalThis = window): boolean {
  return win.CSS.supports('column-wrap', 'wrap') && win.CSS.supports('column-height', '1px');
}

/** Draw the pages of a laid-out print page; the number drawn, or undefined when the browser cannot. */
export function drawPages(doc: Document = document): number | undefined {
  const root = doc.documentElement;
  const sheet = doc.querySelector<HTMLElement>('.sheet');
  const flow = doc.querySelector<HTMLElement>('.flow');
  const view = doc.defaultView;
  try {
    if (!sheet || !flow || !view || !pagesSupported(view)) return undefined;
    root.style.setProperty('--sheet-gap', `${SHEET_GAP_MM}mm`);
    root.classList.add('paged');
    const box = flow.getBoundingClientRect();
    const rowHeight = TYPE_HEIGHT_MM * MM;
    const stride = (TYPE_HEIGHT_MM + MARGIN.top + MARGIN.bottom + SHEET_GAP_MM) * MM;
    const count = Math.max(1, Math.round((box.height - rowHeight) / stride) + 1);
    const pageOf = (top: number) => Math.max(0, Math.floor((top - box.top + 1) / stride));

    // The blank page and the 版记 page of a tail on the named page `bare`: unnumbered.
    const bare = new Set<number>();
    const tail = doc.querySelector<HTMLElement>('.colophon-tail.bare');
    if (tail) for (let page = pageOf(tail.getBoundingClientRect().top); page < count; page++) bare.add(page);
    const numbered = (page: number) => !bare.has(page) && (page > 0 || root.dataset.firstPageNumber !== 'no');
    const mark = root.dataset.draftMark;

    const layer = doc.createElement('div');
    layer.className = 'pages';
    layer.setAttribute('aria-hidden', 'true');
    for (let page = 0; page < count; page++) {
      const side = page % 2 === 0 ? 'right' : 'left';
      const paper = doc.createElement('div');
      paper.className = `page ${side}`;
      paper.style.top = `${page * stride}px`;
      if (numbered(page)) {
        const number = doc.createElement('span');
        number.className = 'page-number';
        number.textContent = `— ${page + 1} —`;
        paper.append(number);
      }
      if (mark) {
        const stamp = doc.createElement('span');
        stamp.className = 'page-mark';
        stamp.textContent = mark;
        paper.append(stamp);
      }
      layer.append(paper);
    }
    sheet.prepend(layer);
    root.dataset.sheets = String(count);
    return count;
  } finally {
    root.dataset.preview = 'ready';
  }
}
