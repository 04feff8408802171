/** What the studio shows of issues: list rows and the summary of the entries an issue lists. */
import { issueName, issueNumbering, issueRefOf, issueSeries, sectionName, type CheckResult, type EntryRecord, type Registry } from '../core/index.ts';

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

export function entrySummary(entry: EntryRecord, registry: Registry): EntrySummary {
  const line = entry.body.split('\n').find((text) => text.trim()) ?? '';
  const title = entry.data.title ?? ([...line].length > 40 ? `${[...line].slice(0, 40).join('')}…` : line);
  return { id: entry.id, title, section: sectionName(entry.data.section), unit: registry.unitBySpelling.get(entry.data.unit)?.name ?? entry.data.unit, date: entry.data.date };
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
