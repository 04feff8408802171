/** What the studio shows of issues: list rows and the summary of the entries an issue lists. */
import {
  issueName,
  issueNumbering,
  issueRefOf,
  issueSeries,
  sectionName,
  unitNamesOn,
  type CheckResult,
  type EntryRecord,
  type Registry,
} from '../core/index.ts';

export interface EntrySummary {
  id: string;
  title: string;
  section: string;
  unit: string;
  date: string;
}

export interface IssueRow {
  ref: string;
  file: string;
  series: string;
  seriesName: string;
  name: string;
  numbering: string;
  date: string;
  status: '草稿' | '已发布';
  entries: number;
  errata: { date: string; note: string }[];
  errors: number;
}

/** What to call an entry in a list: its title, else the start of its first line of text (Markdown marks dropped). */
export function entryTitle(entry: EntryRecord): string {
  if (entry.data.title) return entry.data.title;
  const line = entry.body.split('\n').find((text) => text.trim()) ?? '';
  const text = line.replace(/[#*_`>[\]]/g, '').trim();
  return [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text || '（无正文）';
}

export function entrySummary(entry: EntryRecord, registry: Registry): EntrySummary {
  const title = entryTitle(entry);
  return {
    id: entry.id,
    title,
    section: sectionName(entry.data.section),
    unit: unitNamesOn(registry, entry.data.unit, entry.data.date),
    date: entry.data.date,
  };
}

export function issueRows(checked: CheckResult): IssueRow[] {
  const { content, registry } = checked;
  return content.issues
    .map((issue): IssueRow => {
      const series = issueSeries(registry, issue);
      const supplement = issue.data.kind === 'supplement';
      return {
        ref: issueRefOf(issue, registry),
        file: issue.file,
        series: series?.id ?? '',
        seriesName: series?.name ?? '',
        name: issueName(issue.data.year, issue.data.number, supplement),
        numbering: issueNumbering(issue.data.year, issue.data.number, issue.data.total, supplement),
        date: issue.data.date,
        status: issue.data.status === 'published' ? '已发布' : '草稿',
        entries: issue.data.entries.length,
        errata: issue.data.errata.map((item) => ({ date: item.date, note: item.note })),
        errors: checked.diagnostics.filter((d) => d.file === issue.file && d.severity === 'error').length,
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.series.localeCompare(b.series));
}
