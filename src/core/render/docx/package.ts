/**
 * The .docx file of a document. The docx package writes everything but two
 * parts this format needs, which are set here in its package:
 *
 * - `w:mirrorMargins` in settings.xml (two-sided printing: the section's
 *   left margin is the inside one, 28 mm, and the right the outside, 26 mm);
 * - widow and orphan control in 正文 (Word's Normal; the docx package
 *   writes `w:widowControl` on paragraphs only, not in styles);
 * - the created and modified dates: the date;
 * - `w:snapToGrid` off in the styles of large type (styles.ts OFF_GRID_STYLES;
 *   the docx package writes it for runs only);
 * - the font table: each office font with the face Word and WPS use in its
 *   place (`w:altName`: 仿宋_GB2312 → 仿宋), its GB2312 charset and panose.
 */
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { FONTS, type OfficeFont } from './fonts.ts';
import { OFF_GRID_STYLES } from './styles.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fontEntry(font: OfficeFont): string {
  return [
    `<w:font w:name="${escapeXml(font.name)}">`,
    font.altName ? `<w:altName w:val="${escapeXml(font.altName)}"/>` : '',
    `<w:panose1 w:val="${font.panose}"/>`,
    '<w:charset w:val="86"/>',
    `<w:family w:val="${font.family}"/>`,
    '<w:pitch w:val="variable"/>',
    '</w:font>',
  ].join('');
}

export function fontTable(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">${Object.values(FONTS).map(fontEntry).join('')}</w:fonts>`;
}

/** settings.xml with `w:mirrorMargins`, in its place in CT_Settings (before `w:defaultTabStop`). */
export function withMirrorMargins(settings: string): string {
  if (settings.includes('<w:mirrorMargins')) return settings;
  if (!settings.includes('<w:defaultTabStop')) throw new Error('settings.xml without w:defaultTabStop');
  return settings.replace('<w:defaultTabStop', '<w:mirrorMargins/><w:defaultTabStop');
}

/** styles.xml with `w:widowControl` first in the Normal style's paragraph properties (its place in CT_PPrBase). */
export function withWidowControl(styles: string): string {
  const normal =
    /(<w:style w:type="paragraph" w:styleId="Normal"[^>]*>(?:(?!<\/w:style>).)*?<w:pPr>)(?!<w:widowControl)/s;
  if (!normal.test(styles)) throw new Error('styles.xml without the Normal style');
  return styles.replace(normal, '$1<w:widowControl/>');
}

/** docProps/core.xml created and modified at `date` (the docx package writes the time of writing). */
export function withDates(core: string, date: string): string {
  const stamp = `${date}T00:00:00+08:00`;
  return core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
}

/** styles.xml with `w:snapToGrid w:val="0"` in the paragraph properties of `ids` (before `w:spacing`, its place in CT_PPrBase). */
export function withOffGrid(styles: string, ids: readonly string[]): string {
  let out = styles;
  for (const id of ids) {
    const style = new RegExp(
      `(<w:style w:type="paragraph" w:styleId="${id}">(?:(?!<\\/w:style>).)*?<w:pPr>(?:(?!<\\/w:pPr>).)*?)(<w:spacing )`,
      's',
    );
    if (!style.test(out)) throw new Error(`styles.xml: no spacing in style ${id}`);
    out = out.replace(style, '$1<w:snapToGrid w:val="0"/>$2');
  }
  return out;
}

/** The .docx bytes of `document`, dated `date` (ISO day): the same issue always gives the same bytes. */
export async function packDocument(document: Document, date: string): Promise<Uint8Array> {
  const files = unzipSync(await Packer.toBuffer(document));
  files['docProps/core.xml'] = strToU8(withDates(strFromU8(files['docProps/core.xml']!), date));
  files['word/settings.xml'] = strToU8(withMirrorMargins(strFromU8(files['word/settings.xml']!)));
  files['word/styles.xml'] = strToU8(
    withOffGrid(withWidowControl(strFromU8(files['word/styles.xml']!)), OFF_GRID_STYLES),
  );
  files['word/fontTable.xml'] = strToU8(fontTable());
  // [Content_Types].xml first, as Word writes it; the rest as the docx package wrote them.
  const ordered: Zippable = { '[Content_Types].xml': files['[Content_Types].xml']! };
  for (const [name, data] of Object.entries(files)) if (name !== '[Content_Types].xml') ordered[name] = data;
  return zipSync(ordered, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
