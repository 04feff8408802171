/**
 * An entry's body (or the 按语) as Word paragraphs and tables, each paragraph
 * in its named style: 正文, 一级标题 … 四级标题 for the official levels
 * 一、（一）1.（1）, 列表, 引文, 代码, 图片/图注; tables as Word tables
 * (4号, rules 0.5 pt, the header row 黑体 and repeated on each page, rows
 * never split). Footnotes become Word footnotes.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, BlockOf, Body, Footnote, OfficialLevel } from '../../model/blocks.ts';
import { figure } from './figures.ts';
import { inlineRuns, type InlineContext } from './inlines.ts';
import { TYPE_AREA } from './measure.ts';
import type { StyleId } from './styles.ts';

export interface BlockContext extends InlineContext {
  /** The style of plain paragraphs: 正文, or 按语 in the note. */
  text: StyleId;
}

const HEADINGS: Record<OfficialLevel, StyleId> = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' };
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
const CELL_RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function table(block: BlockOf<'table'>, context: BlockContext): Table {
  const columns = Math.max(1, ...block.rows.map((row) => row.cells.length));
  const width = Math.floor(TYPE_AREA.width / columns);
  return new Table({
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    layout: TableLayoutType.FIXED,
    borders: {
      top: CELL_RULE,
      bottom: CELL_RULE,
      left: CELL_RULE,
      right: CELL_RULE,
      insideHorizontal: CELL_RULE,
      insideVertical: CELL_RULE,
    },
    margins: { top: 45, bottom: 45, left: 85, right: 85 },
    rows: block.rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index === 0,
          cantSplit: true,
          children: Array.from({ length: columns }, (_, column) => {
            const cell = row.cells[column] ?? [];
            const align = block.align[column];
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [
                new Paragraph({
                  style: index === 0 ? 'TableHeader' : 'TableText',
                  ...(index > 0 && align ? { alignment: ALIGN[align] } : {}),
                  children: inlineRuns(cell, context),
                }),
              ],
            });
          }),
        }),
    ),
  });
}

function list(block: BlockOf<'list'>, context: BlockContext): (Paragraph | Table)[] {
  return block.items.flatMap((item, index) => {
    const marker = block.ordered
      ? `${(block.start ?? 1) + index}.`
      : item.checked === null
        ? '•'
        : item.checked
          ? '☑'
          : '☐';
    const [first, ...rest] = item.children;
    const head =
      first?.type === 'paragraph'
        ? new Paragraph({
            style: 'ListItem',
            children: [new TextRun(`${marker} `), ...inlineRuns(first.children, context)],
          })
        : new Paragraph({ style: 'ListItem', children: [new TextRun(marker)] });
    const tail = first?.type === 'paragraph' ? rest : item.children;
    return [head, ...blocks(tail, { ...context, text: 'ListItem' })];
  });
}

function block(node: Block, context: BlockContext): (Paragraph | Table)[] {
  switch (node.type) {
    case 'paragraph':
      return [
        new Paragraph({
          style: node.level ? HEADINGS[node.level] : context.text,
          children: inlineRuns(node.children, context),
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          style: HEADINGS[node.level ?? (Math.min(4, node.depth) as OfficialLevel)],
          children: inlineRuns(node.children, context),
        }),
      ];
    case 'list':
      return list(node, context);
    case 'table':
      return [table(node, context)];
    case 'figure':
      return figure(node, context);
    case 'quote':
      return blocks(node.children, { ...context, text: 'Quote' });
    case 'codeBlock':
      return node.value
        .split('\n')
        .map((line) => new Paragraph({ style: 'Code', children: line ? [new TextRun(line)] : [] }));
    case 'rule':
      return [new Paragraph({ style: context.text, children: [] })];
  }
}

export function blocks(nodes: readonly Block[], context: BlockContext): (Paragraph | Table)[] {
  return nodes.flatMap((node) => block(node, context));
}

/** A body's blocks; its footnotes are registered with `footnotes` for Word's footnote part. */
export function bodyBlocks(
  body: Pick<Body, 'blocks' | 'footnotes'>,
  context: Omit<BlockContext, 'footnote'>,
  footnotes: FootnoteCollector,
): (Paragraph | Table)[] {
  const local = new Map(body.footnotes.map((footnote) => [footnote.id, footnote]));
  const numbers = new Map<string, number>();
  const footnote = (id: string) => {
    const known = numbers.get(id);
    if (known !== undefined) return known;
    const definition = local.get(id);
    if (!definition) return undefined;
    const number = footnotes.add(definition, (children) =>
      blocks(children, { ...context, text: 'Footnote', footnote }).filter(
        (item): item is Paragraph => item instanceof Paragraph,
      ),
    );
    numbers.set(id, number);
    return number;
  };
  return blocks(body.blocks, { ...context, footnote });
}

/** Word's footnotes of the document, numbered 1, 2, … in order of first reference. */
export class FootnoteCollector {
  readonly notes: Record<number, { children: Paragraph[] }> = {};
  private next = 1;

  add(footnote: Footnote, render: (children: Footnote['children']) => Paragraph[]): number {
    const number = this.next++;
    this.notes[number] = { children: render(footnote.children) };
    return number;
  }
}
