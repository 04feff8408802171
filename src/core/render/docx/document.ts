/**
 * One compiled issue as a Word document: page 1 opens with the masthead,
 * then the 按语 (按语 style), the entries — under 【栏目】 headings (栏目) with
 * their titles (稿件标题) for the sections layout, or as titled articles
 * (文章标题, a blank line between articles) — the errata, and the 版记 at
 * the bottom of the last page. The document properties name the issue: title
 * (series and 期号), author (the publisher), subject, keywords, and the
 * issue's date as created and modified.
 */
import { Document, Paragraph, TextRun, type Table } from 'docx';
import type { CompiledIssue } from '../../model/issue.ts';
import { bodyBlocks, FootnoteCollector } from './blocks.ts';
import { colophon, type ColophonPlacement } from './colophon.ts';
import type { LoadedImage } from './figures.ts';
import { masthead } from './masthead.ts';
import { sectionSetup } from './page.ts';
import { ARTICLE_TITLE_CHARS, CHARS_PER_LINE } from './measure.ts';
import { titleRuns } from './titles.ts';
import { documentStyles } from './styles.ts';

export interface IssueDocumentOptions {
  /** The issue's images Word can show, by output path (figures.ts loadImages). */
  images: ReadonlyMap<string, LoadedImage>;
  /** Where the 版记 goes (colophon.ts); default after the text. */
  colophon?: ColophonPlacement;
}

/** `示例区安全生产工作专报 2024年 第8期（总第48期）` */
export function documentTitle(issue: CompiledIssue): string {
  return `${issue.series.name} ${issue.numbering}`;
}

function entries(
  issue: CompiledIssue,
  footnotes: FootnoteCollector,
  options: IssueDocumentOptions,
): (Paragraph | Table)[] {
  const context = { text: 'Normal' as const, image: (output: string) => options.images.get(output) };
  const out: (Paragraph | Table)[] = [];
  if (issue.series.layout === 'sections') {
    for (const section of issue.sections) {
      out.push(new Paragraph({ style: 'Section', children: [new TextRun(section.heading)] }));
      for (const entry of section.entries) {
        if (entry.title) out.push(new Paragraph({ style: 'EntryTitle', children: titleRuns(entry, CHARS_PER_LINE) }));
        out.push(...bodyBlocks(entry.body, context, footnotes));
      }
    }
    return out;
  }
  issue.entries.forEach((entry, index) => {
    if (index > 0) out.push(new Paragraph({ style: 'Normal', children: [] }));
    out.push(new Paragraph({ style: 'ArticleTitle', children: titleRuns(entry, ARTICLE_TITLE_CHARS) }));
    out.push(...bodyBlocks(entry.body, context, footnotes));
  });
  return out;
}

function errata(issue: CompiledIssue): Paragraph[] {
  if (issue.errata.length === 0) return [];
  return [
    new Paragraph({ style: 'Errata', children: [new TextRun('勘误：')] }),
    ...issue.errata.map(
      (item) => new Paragraph({ style: 'Errata', children: [new TextRun(`${item.dateText}　${item.note}`)] }),
    ),
  ];
}

export function issueDocument(issue: CompiledIssue, options: IssueDocumentOptions): Document {
  const footnotes = new FootnoteCollector();
  const imageContext = { image: (output: string) => options.images.get(output) };
  const note = issue.note ? bodyBlocks(issue.note, { text: 'Note', ...imageContext }, footnotes) : [];
  const body = entries(issue, footnotes, options);
  return new Document({
    title: documentTitle(issue),
    creator: issue.series.publisher,
    lastModifiedBy: issue.series.publisher,
    subject: `${issue.series.name} ${issue.numbering}，${issue.dateText}印发`,
    keywords: [
      issue.series.name,
      issue.numbering.replace(/\s+/g, ''),
      ...issue.sections.map((section) => section.name),
    ].join('；'),
    description: `${issue.series.publisher}${issue.dateText}印发，共${issue.entries.length}篇稿件`,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(issue.print),
    footnotes: footnotes.notes,
    sections: [
      {
        ...sectionSetup(issue.print),
        children: [
          ...masthead(issue.masthead, issue.print.mastheadSize),
          ...note,
          ...body,
          ...errata(issue),
          ...colophon(issue.colophon, options.colophon),
        ],
      },
    ],
  });
}
