/**
 * The print preview's script: the site's print page layout (版记 at the
 * bottom of the last page, masthead condensed), then the A4 pages drawn
 * (print-pages.ts).
 */
import { layoutPrintPage } from '../../components/print/layout.ts';
import { drawPages } from './print-pages.ts';

void layoutPrintPage().then(() => drawPages());
