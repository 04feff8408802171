/**
 * The print preview's pages: once the print page's own script has laid the
 * issue out (layout.ts: masthead condensed, 版记 placed), the flow is shown
 * as the A4 pages the PDF will have. The flow becomes a multi-column box of
 * one type-area column (156 × 225 mm) per row, the rows wrapping downwards
 * (CSS `column-wrap`, recent Chromium; tested with 156): the same
 * fragmentation, at the same column size, that layout.ts measures with and
 * Chromium prints with, so each row is one printed page. Behind each row a sheet of paper is drawn
 * with what the paper has in its margin boxes (print.css `@page`): the page
 * number (— N —, outside corner; none on page 1 when the series says so, nor
 * on the blank and 版记 pages of a `bare` tail) and the draft mark.
 *
 * A browser without `column-wrap` (Firefox today) gets the same pages side
 * by side: one row of type-area columns overflowing to the right, as any
 * multi-column box of fixed height does, with the sheets drawn behind them
 * across (`?pages=across` asks for that view in any browser; the tests
 * compare it with the other). A browser with neither keeps the print page's
 * one long sheet. The result is published on <html>: data-preview="ready",
 * and data-sheets (pages drawn) when the pages were drawn.
 */

const MM = 96 / 25.4;
/** The grey between two sheets. */
const SHEET_GAP_MM = 6;
/** print.css `@page`: the top and bottom margins, the type area's height (print-pages.css draws the sides). */
const MARGIN = { top: 37, bottom: 35 };
const TYPE_HEIGHT_MM = 225;
const TYPE_WIDTH_MM = 156;
const PAPER_WIDTH_MM = 210;

/** Pages one under the other (`column-wrap`), side by side (plain columns overflowing), or not drawn. */
export type PagesMode = 'down' | 'across' | undefined;

export function pagesMode(win: Window & typeof globalThis = window): PagesMode {
  const css = win.CSS;
  const across = css.supports('column-width', '1px') && css.supports('column-fill', 'auto');
  if (across && new URLSearchParams(win.location.search).get('pages') === 'across') return 'across';
  if (css.supports('column-wrap', 'wrap') && css.supports('column-height', '1px')) return 'down';
  return across ? 'across' : undefined;
}

/** Draw the pages of a laid-out print page; the number drawn, or undefined when the browser cannot. */
export function drawPages(doc: Document = document): number | undefined {
  const root = doc.documentElement;
  const sheet = doc.querySelector<HTMLElement>('.sheet');
  const flow = doc.querySelector<HTMLElement>('.flow');
  const view = doc.defaultView;
  try {
    const mode = view ? pagesMode(view) : undefined;
    if (!sheet || !flow || !mode) return undefined;
    root.style.setProperty('--sheet-gap', `${SHEET_GAP_MM}mm`);
    root.classList.add('paged', mode);
    const box = flow.getBoundingClientRect();
    const down = mode === 'down';
    // From one page's type area to the next one's, down the rows or across the columns.
    const stride = down
      ? (TYPE_HEIGHT_MM + MARGIN.top + MARGIN.bottom + SHEET_GAP_MM) * MM
      : (PAPER_WIDTH_MM + SHEET_GAP_MM) * MM;
    const extent = down ? box.height - TYPE_HEIGHT_MM * MM : flow.scrollWidth - TYPE_WIDTH_MM * MM;
    const count = Math.max(1, Math.round(extent / stride) + 1);
    const pageOf = (rect: DOMRect) =>
      Math.max(0, Math.floor(((down ? rect.top - box.top : rect.left - box.left) + 1) / stride));

    // The blank page and the 版记 page of a tail on the named page `bare`: unnumbered.
    const bare = new Set<number>();
    const tail = doc.querySelector<HTMLElement>('.colophon-tail.bare');
    if (tail) for (let page = pageOf(tail.getBoundingClientRect()); page < count; page++) bare.add(page);
    const numbered = (page: number) => !bare.has(page) && (page > 0 || root.dataset.firstPageNumber !== 'no');
    const mark = root.dataset.draftMark;

    const layer = doc.createElement('div');
    layer.className = 'pages';
    layer.setAttribute('aria-hidden', 'true');
    for (let page = 0; page < count; page++) {
      const side = page % 2 === 0 ? 'right' : 'left';
      const paper = doc.createElement('div');
      paper.className = `page ${side}`;
      // (A left page's paper sits 2 mm further right: print-pages.css.)
      if (down) paper.style.top = `${page * stride}px`;
      else paper.style.left = `${page * stride}px`;
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
