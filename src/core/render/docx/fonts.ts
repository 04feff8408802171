/**
 * The office fonts as Chinese offices have them installed, by the names Word
 * shows. A face missing on a machine is replaced by its `altName` in the
 * document's font table (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体), the way
 * Word and WPS substitute fonts; Latin letters and digits are set in the
 * same face as the Chinese around them.
 */
import type { IFontAttributesProperties } from 'docx';

export interface OfficeFont {
  /** The name Word shows and the styles use. */
  name: string;
  /** What Word uses when `name` is not installed. */
  altName?: string;
  /** fontTable `w:family`. */
  family: 'roman' | 'modern' | 'swiss' | 'script';
  /** fontTable `w:panose1`, as Windows registers the face. */
  panose: string;
}

export const FONTS = {
  fangsong: { name: '仿宋_GB2312', altName: '仿宋', family: 'modern', panose: '02010609030101010101' },
  kaiti: { name: '楷体_GB2312', altName: '楷体', family: 'modern', panose: '02010609030101010101' },
  heiti: { name: '黑体', altName: 'SimHei', family: 'modern', panose: '02010609060101010101' },
  xiaobiaosong: { name: '方正小标宋简体', altName: '华文中宋', family: 'script', panose: '02000000000000000000' },
  song: { name: '宋体', altName: 'SimSun', family: 'roman', panose: '02010600030101010101' },
} as const satisfies Record<string, OfficeFont>;

export type FontId = keyof typeof FONTS;

/** The run font of a style: the same face for East Asian and Latin text. */
export function runFont(id: FontId): IFontAttributesProperties {
  const { name } = FONTS[id];
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' };
}
