/**
 * Reading PDFs the way a print shop would: poppler-utils (pdfinfo, pdffonts,
 * pdftotext -bbox-layout, pdftohtml -xml for font sizes, pdftoppm for
 * pixels). Lengths in millimetres from the page's top-left corner.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PT_TO_MM = 25.4 / 72;

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface PdfInfo {
  pages: number;
  widthMm: number;
  heightMm: number;
  title: string;
  author: string;
}

export function pdfInfo(file: string): PdfInfo {
  const out = run('pdfinfo', [file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  const size = /^Page size:\s*([\d.]+) x ([\d.]+) pts/m.exec(out);
  return {
    pages: Number(field('Pages')),
    widthMm: Number(size?.[1]) * PT_TO_MM,
    heightMm: Number(size?.[2]) * PT_TO_MM,
    title: field('Title'),
    author: field('Author'),
  };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim());
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, id
    const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!match) throw new Error(`pdffonts: unreadable line: ${line}`);
    return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes' };
  });
}

export interface TextLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Lines of text per page, in mm, as pdftotext -bbox-layout finds them. */
export function textLines(file: string): TextLine[][] {
  const xml = run('pdftotext', ['-bbox-layout', file, '-']);
  const pages: TextLine[][] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const lines: TextLine[] = [];
    for (const match of page.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [...match[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => decodeEntities(word[1]!));
      lines.push({
        xMin: Number(match[1]) * PT_TO_MM,
        yMin: Number(match[2]) * PT_TO_MM,
        xMax: Number(match[3]) * PT_TO_MM,
        yMax: Number(match[4]) * PT_TO_MM,
        text: words.join(' '),
      });
    }
    pages.push(lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin));
  }
  return pages;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Characters set in each font size (pt, as pdftohtml rounds it) on one page. */
export function charsBySize(file: string, page: number): Map<number, number> {
  const xml = run('pdftohtml', ['-xml', '-i', '-zoom', '1', '-stdout', '-f', String(page), '-l', String(page), file]);
  const sizes = new Map<string, number>();
  for (const match of xml.matchAll(/<fontspec id="(\d+)" size="(\d+)"/g)) sizes.set(match[1]!, Number(match[2]));
  const counts = new Map<number, number>();
  for (const match of xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/g)) {
    const size = sizes.get(match[1]!);
    if (size === undefined) continue;
    const chars = [...match[2]!.replace(/<[^>]+>/g, '').replace(/\s/g, '')].length;
    counts.set(size, (counts.get(size) ?? 0) + chars);
  }
  return counts;
}

export interface Raster {
  width: number;
  height: number;
  /** RGB at a point given in mm. */
  at: (xMm: number, yMm: number) => [number, number, number];
  dpi: number;
}

/** Render one page with pdftoppm (PPM) and read its pixels. */
export function rasterize(file: string, page: number, dir: string, dpi = 72): Raster {
  const prefix = join(dir, `raster-${page}-${dpi}`);
  run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const data = readFileSync(`${prefix}.ppm`);
  // P6\n<w> <h>\n<max>\n<binary>
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm: not a PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = header[0].length;
  return {
    width,
    height,
    dpi,
    at: (xMm, yMm) => {
      const x = Math.min(width - 1, Math.round((xMm / 25.4) * dpi));
      const y = Math.min(height - 1, Math.round((yMm / 25.4) * dpi));
      const index = offset + (y * width + x) * 3;
      return [data[index]!, data[index + 1]!, data[index + 2]!];
    },
  };
}

/** Save a page as PNG for a person to look at. */
export function savePng(file: string, page: number, target: string, dpi = 80): void {
  run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    target.replace(/\.png$/, ''),
  ]);
}

/**
 * The bottom edge (mm from the page top) of the lowest black horizontal rule
 * that spans at least `minWidthMm` between `fromMm` and `toMm` across the
 * page (the 版记's last rule), or undefined. Scans `raster` row by row.
 */
export function lowestRule(
  raster: Raster,
  options: { fromMm: number; toMm: number; xMinMm: number; xMaxMm: number; minWidthMm: number },
): number | undefined {
  const step = 25.4 / raster.dpi;
  for (let y = options.toMm; y >= options.fromMm; y -= step) {
    let dark = 0;
    let total = 0;
    for (let x = options.xMinMm; x <= options.xMaxMm; x += step) {
      total++;
      const [r, g, b] = raster.at(x, y);
      if (r < 110 && g < 110 && b < 110) dark++;
    }
    if (dark * step >= options.minWidthMm && dark / total > 0.9) return y + step / 2;
  }
  return undefined;
}
