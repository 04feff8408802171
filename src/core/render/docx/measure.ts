/**
 * The GB/T 9704 page in Word's units (twips, 1/20 pt; half-points for type
 * sizes; eighths of a point for borders), the same numbers as the print
 * stylesheet (src/styles/print.css): A4, margins 37/35/28/26 mm (top,
 * bottom, inside, outside), a type area of 156 × 225 mm holding 22 lines of
 * 28 characters of 三号 (16 pt).
 */

/** Millimetres → twips. */
export function mm(value: number): number {
  return Math.round((value / 25.4) * 1440);
}

/** Points → twips. */
export function pt(value: number): number {
  return Math.round(value * 20);
}

export const PAGE = { width: mm(210), height: mm(297) } as const;

/** Inside margin (left on odd pages), outside margin, top, bottom. */
export const MARGIN = { top: mm(37), bottom: mm(35), inside: mm(28), outside: mm(26) } as const;

/** The type area (版心) in twips: 156 × 225 mm. */
export const TYPE_AREA = {
  width: PAGE.width - MARGIN.inside - MARGIN.outside,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
} as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Characters of 二号 (22 pt, condensed as 正文) a 文章标题 line holds. */
export const ARTICLE_TITLE_CHARS = 20;

/** Body type size: 三号, 16 pt. */
export const BODY_SIZE_PT = 16;

/**
 * Line pitch: 28.95 pt (579 twips), as office templates set it: 22 lines
 * take 636.9 pt of the type area's 637.8 pt.
 */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE);

/**
 * How much 正文 is condensed (twentieths of a point) so that 28 characters
 * of 16 pt fill a line of 156 mm and a 29th does not: 15.75 pt a character.
 * Office templates get there with a character grid (`linesAndChars`,
 * `charSpace` -849); LibreOffice 7 sets a negative charSpace at two cells a
 * character (14 a line), so the grid here is a line grid and the 28
 * characters come from the style, as the print stylesheet's letter-spacing.
 */
export const BODY_CONDENSE = Math.ceil((BODY_SIZE_PT - TYPE_AREA.width / 20 / CHARS_PER_LINE) * 20);

/** Page number 4号 (14 pt), 7 mm below the type area, one character in from its outside edge. */
export const PAGE_NUMBER = { sizePt: 14, belowTypeArea: mm(7) } as const;

/** 版记: 4号 (14 pt); rules 0.35 mm outside, 0.25 mm between rows (as the print page). */
export const COLOPHON = { sizePt: 14, outerRule: 8, innerRule: 6, side: pt(14) } as const;
