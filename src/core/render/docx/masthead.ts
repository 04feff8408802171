/**
 * 报头 on page 1, on the grid as the print page: the marking (1 line), the
 * red series name (2 lines a line of it), a blank line, 期号 (1 line), 编印单位
 * flush left and the date flush right at a right tab (1 line), the red rule
 * (a paragraph border, 1 line). A name line wider than the type area is
 * condensed with Word's character scale (字符缩放), as the print page does.
 */
import { Paragraph, Tab, TextRun } from 'docx';
import stringWidth from 'string-width';
import type { Masthead } from '../../model/issue.ts';
import { TYPE_AREA } from './measure.ts';

/** Narrowest a name line is condensed to, percent (as the print page). */
const MIN_SCALE = 60;

/** Character scale (percent) that fits `line` at `size` pt into the type area's width; 100 when it fits. */
export function mastheadScale(line: string, size: number): number {
  const needed = (stringWidth(line) / 2) * size * 20;
  return needed <= TYPE_AREA.width ? 100 : Math.max(MIN_SCALE, Math.floor((TYPE_AREA.width / needed) * 100));
}

/** The masthead's paragraphs; `size`: the name's type size, pt (the series' 报头字号). */
export function masthead(data: Masthead, size: number): Paragraph[] {
  return [
    new Paragraph({ style: 'Marking', children: data.marking ? [new TextRun(data.marking)] : [] }),
    ...data.lines.map((line) => {
      const scale = mastheadScale(line, size);
      return new Paragraph({
        style: 'Masthead',
        children: [new TextRun({ text: line, ...(scale < 100 ? { scale } : {}) })],
      });
    }),
    new Paragraph({ style: 'IssueNumber', children: [new TextRun(data.numbering)] }),
    new Paragraph({
      style: 'Publisher',
      children: [new TextRun({ children: [data.publisher, new Tab(), data.dateText] })],
    }),
    new Paragraph({ style: 'RedRule', children: [] }),
  ];
}
