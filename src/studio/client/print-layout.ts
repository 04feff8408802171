/** The print preview's script: the site's print page layout (版记 at the bottom of the last page, masthead condensed), nothing else. */
import { layoutPrintPage } from '../../components/print/layout.ts';

void layoutPrintPage();
