/**
 * Inline content as Word runs. Runs carry no font and no size — their
 * paragraph's style does — only what the text itself says: bold (leaders'
 * names), struck-out text, line breaks, footnote references (Word's own
 * footnotes). Emphasis stays upright and links print as their text, as on
 * the print page.
 */
import { FootnoteReferenceRun, TextRun, type ParagraphChild } from 'docx';
import type { Inline } from '../../index.ts';
import type { FigureContext } from './figures.ts';
import { inlineImage } from './figures.ts';

export interface InlineContext extends FigureContext {
  /** The Word footnote number of a body footnote id (assigned in order of first reference). */
  footnote: (id: string) => number | undefined;
}

interface Marks {
  bold?: boolean;
  strike?: boolean;
}

function runs(inlines: readonly Inline[], context: InlineContext, marks: Marks, out: ParagraphChild[]): void {
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
      case 'code':
        if (inline.value) out.push(new TextRun({ text: inline.value, ...marks }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'strong':
        runs(inline.children, context, { ...marks, bold: true }, out);
        break;
      case 'delete':
        runs(inline.children, context, { ...marks, strike: true }, out);
        break;
      case 'emphasis':
      case 'link':
        runs(inline.children, context, marks, out);
        break;
      case 'image':
        out.push(inlineImage(inline, context));
        break;
      case 'footnoteReference': {
        const number = context.footnote(inline.id);
        out.push(
          number === undefined
            ? new TextRun({ text: `[${inline.label}]`, superScript: true })
            : new FootnoteReferenceRun(number),
        );
        break;
      }
    }
  }
}

export function inlineRuns(inlines: readonly Inline[], context: InlineContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  runs(inlines, context, {}, out);
  return out;
}
