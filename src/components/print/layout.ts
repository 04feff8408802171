/**
 * Runs in the print page (also when the browser's own print dialog is used):
 *
 * 1. condenses a masthead line that is wider than the type area, as Word's
 *    字符缩放 would;
 * 2. puts the 版记 at the bottom of its page. There is no `:last` page
 *    selector, so the page is measured: the flow is laid out as columns of
 *    exactly one type area (156 × 225 mm) — Chromium breaks columns with the
 *    same fragmentation engine and rules (orphans, widows, break-after:
 *    avoid) as pages — to find where the text ends on its last page. The 版记
 *    goes under the text when it fits there, else on the next page; printed
 *    two-sided (`<html data-duplex>`) it must be on an even page (the last
 *    side of the sheet), so it moves one page further when that page is odd,
 *    leaving a blank page when the text ended on an even page already full.
 *    On the text's page a spacer of the exact remaining height goes before
 *    it; on a later page the 版记 block starts with a forced break and the
 *    spacer fills the pages up to its bottom. `<html data-blank-page-number
 *    ="no">` leaves a blank page and the 版记 page after it unnumbered (a
 *    named page, see print.css).
 *
 * The result is published on <html> for the PDF renderer, which checks it
 * against the PDF it gets: data-print-layout="done", data-pages (expected
 * page count), data-colophon-bottom (mm from the type area's top).
 */

const MM = 96 / 25.4;
/** Keep the 版记 this far above the type area's bottom so rounding never pushes it over. */
const SAFETY_MM = 0.1;
/** Narrowest a masthead line may be condensed to. */
const MIN_SCALE = 0.6;

export interface PrintLayout {
  pages: number;
  /** Bottom of the 版记's last rule, mm below the top of the type area on the last page; none without a 版记. */
  colophonBottomMm?: number;
  spacerMm: number;
}

function fitMasthead(doc: Document): void {
  for (const line of doc.querySelectorAll<HTMLElement>('.masthead-line')) {
    const inner = line.firstElementChild as HTMLElement | null;
    if (!inner) continue;
    inner.style.transform = '';
    const available = line.clientWidth;
    const needed = inner.getBoundingClientRect().width;
    if (needed > available && needed > 0) {
      inner.style.transform = `scaleX(${Math.max(MIN_SCALE, available / needed).toFixed(4)})`;
    }
  }
}

/** Page index and offset (px from the type area's top) of a point in the measuring columns. */
function locate(flow: HTMLElement, rect: DOMRect, edge: 'top' | 'bottom'): { page: number; y: number } {
  const box = flow.getBoundingClientRect();
  const style = getComputedStyle(flow);
  const stride = parseFloat(style.columnWidth) + parseFloat(style.columnGap);
  const page = Math.max(0, Math.round((rect.left - box.left) / stride));
  return { page, y: rect[edge] - box.top };
}

/** Measure and place the 版记; synchronous, fonts must already be loaded. */
export function placeColophon(doc: Document): PrintLayout | undefined {
  const root = doc.documentElement;
  const flow = doc.querySelector<HTMLElement>('.flow');
  const end = doc.querySelector<HTMLElement>('.flow-end');
  const tail = doc.querySelector<HTMLElement>('.colophon-tail');
  const spacer = doc.querySelector<HTMLElement>('.colophon-spacer');
  if (!flow || !end || !tail || !spacer) return undefined;
  const colophon = tail.querySelector<HTMLElement>('.colophon');

  spacer.style.height = '0';
  tail.classList.remove('turn', 'bare');
  delete root.dataset.colophonBottom;
  const height = colophon ? colophon.getBoundingClientRect().height : 0;
  root.classList.add('measuring');
  try {
    const pageHeight = flow.getBoundingClientRect().height; // not clientHeight: rounded to whole pixels
    const text = locate(flow, end.getBoundingClientRect(), 'top');
    if (!colophon) {
      // No 版记 (nothing to print in it): the issue ends where its text does.
      const pages = text.page + 1;
      root.dataset.pages = String(pages);
      return { pages, spacerMm: 0 };
    }
    const remaining = pageHeight - text.y;
    const safety = SAFETY_MM * MM;
    if (height > pageHeight - safety) return undefined; // a 版记 taller than a page: leave it where it falls
    let target = height <= remaining - safety ? text.page : text.page + 1;
    // Two-sided: the last side of a sheet is an even page (index 1, 3, …).
    if (root.dataset.duplex === 'yes' && target % 2 === 0) target++;
    let spacerPx: number;
    if (target === text.page) {
      spacerPx = remaining - height - safety;
    } else {
      tail.classList.add('turn');
      spacerPx = (target - text.page - 1) * pageHeight + pageHeight - height - safety;
      if (target - text.page > 1 && root.dataset.blankPageNumber === 'no') tail.classList.add('bare');
    }
    spacer.style.height = `${(spacerPx / MM).toFixed(3)}mm`;
    const rows = colophon.querySelectorAll<HTMLElement>('.colophon-row');
    const lastRow = rows[rows.length - 1] ?? colophon;
    const bottom = locate(flow, lastRow.getBoundingClientRect(), 'bottom');
    // The row's rect ends at its border box; the 版记's bottom rule is part of the footer.
    const colophonBottomMm = (bottom.y + parseFloat(getComputedStyle(colophon).borderBottomWidth)) / MM;
    root.dataset.pages = String(bottom.page + 1);
    root.dataset.colophonBottom = colophonBottomMm.toFixed(2);
    return { pages: bottom.page + 1, colophonBottomMm, spacerMm: spacerPx / MM };
  } finally {
    root.classList.remove('measuring');
  }
}

/** Wait until every font the page uses has loaded (unicode-range slices load on first use). */
async function fontsLoaded(doc: Document): Promise<void> {
  for (let round = 0; round < 20; round++) {
    void doc.body.offsetHeight; // lay out, which starts the loads
    await doc.fonts.ready;
    void doc.body.offsetHeight;
    if (doc.fonts.status === 'loaded') return;
  }
}

/**
 * Load every image of the flow now and wait for it (entries mark theirs lazy
 * for the web page; here they must be measured at their real size).
 */
async function imagesLoaded(doc: Document): Promise<void> {
  const images = [...doc.querySelectorAll<HTMLImageElement>('.flow img')];
  for (const image of images) image.loading = 'eager';
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
}

/** Pad each figure to whole lines (half above, half below), so the text after it stays on the 22-line grid. */
function snapFigures(doc: Document): void {
  const flow = doc.querySelector<HTMLElement>('.flow');
  if (!flow) return;
  const pitch = parseFloat(getComputedStyle(flow).lineHeight);
  if (!(pitch > 0)) return;
  for (const figure of flow.querySelectorAll<HTMLElement>('figure')) {
    figure.style.paddingTop = figure.style.paddingBottom = '';
    const height = figure.getBoundingClientRect().height;
    const extra = Math.ceil(height / pitch - 0.01) * pitch - height;
    if (extra <= 0) continue;
    figure.style.paddingTop = `${(extra / 2).toFixed(3)}px`;
    figure.style.paddingBottom = `${(extra / 2).toFixed(3)}px`;
  }
}

export async function layoutPrintPage(doc: Document = document): Promise<void> {
  const root = doc.documentElement;
  root.dataset.printLayout = 'pending';
  await Promise.all([fontsLoaded(doc), imagesLoaded(doc)]);
  // Measure with the columns once, so the fonts for the measured layout are loaded too.
  root.classList.add('measuring');
  await fontsLoaded(doc);
  root.classList.remove('measuring');
  fitMasthead(doc);
  snapFigures(doc);
  placeColophon(doc);
  root.dataset.printLayout = 'done';
}
