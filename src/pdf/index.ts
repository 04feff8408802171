/** PDFs of the print pages: the door for `jianbao pdf` and `jianbao build --pdf`. */
export { renderPdfs, PdfError, type RenderPdfsOptions, type RenderedPdf } from './render.ts';
export { findBrowser, browserCandidates, BrowserNotFoundError, type BrowserChoice } from './browser.ts';
