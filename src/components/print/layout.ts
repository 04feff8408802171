/**
 * Runs in the print page (also when the browser's own print dialog is used):
 *
 * 1. condenses a masthead line that is wider than the type area, as Word's
 *    字符缩放 would;
 * 2. puts the 版记 at the bottom of the last page. There is no `:last` page
 *    selector, so the page is measured: the flow is laid out as columns of
 *    exactly one type area (156 × 225 mm) — Chromium breaks columns with the
 *    same fragmentation engine and rules (orphans, widows, break-after:
 *    avoid) as pages — to find where the text ends on its last page; then a
 *    spacer of the exact remaining height goes before the 版记. When the 版记
 *    does not fit under the text it goes to the bottom of the next page.
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
  /** Bottom of the 版记's last rule, mm below the top of the type area on the last page. */
  colophonBottomMm: number;
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
  const spacer = doc.querySelector<HTMLElement>('.colophon-spacer');
  const colophon = doc.querySelector<HTMLElement>('.colophon');
  if (!flow || !end || !spacer || !colophon) return undefined;

  spacer.style.height = '0';
  const height = colophon.getBoundingClientRect().height;
  root.classList.add('measuring');
  try {
    const pageHeight = flow.clientHeight;
    const text = locate(flow, end.getBoundingClientRect(), 'top');
    const remaining = pageHeight - text.y;
    const safety = SAFETY_MM * MM;
    if (height > pageHeight - safety) return undefined; // a 版记 taller than a page: leave it where it falls
    // Fits under the text: fill the gap. Otherwise the spacer runs over the page break
    // and the 版记 ends at the bottom of the next page.
    const spacerPx = height <= remaining - safety ? remaining - height - safety : remaining + pageHeight - height - safety;
    spacer.style.height = `${(spacerPx / MM).toFixed(3)}mm`;
    const rows = colophon.querySelectorAll<HTMLElement>('.colophon-row');
    const lastRow = rows[rows.length - 1] ?? colophon;
    const bottom = locate(flow, lastRow.getBoundingClientRect(), 'bottom');
    const layout: PrintLayout = {
      pages: bottom.page + 1,
      // The row's rect ends at its border box; the 版记's bottom rule is part of the footer.
      colophonBottomMm: (bottom.y + parseFloat(getComputedStyle(colophon).borderBottomWidth)) / MM,
      spacerMm: spacerPx / MM,
    };
    root.dataset.pages = String(layout.pages);
    root.dataset.colophonBottom = layout.colophonBottomMm.toFixed(2);
    return layout;
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
