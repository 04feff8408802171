/**
 * What the studio shows of entries: the list rows (with the 状态 a clerk
 * thinks in: 待编 / 草稿 / 撤稿 / 已编入 / 已发布), the form ↔ request, the
 * check's diagnostics placed at the form field they concern, and the body's
 * lint findings with their one-click fixes.
 */
import {
  entrySeries,
  unitNamesOn,
  fieldOfLine,
  issueName,
  issueRefOf,
  lintBody,
  parseDateText,
  type CheckResult,
  type Diagnostic,
  type EntryForm,
  type EntryRecord,
  type EntryRequest,
  type IssueRecord,
  type LintFinding,
  type Registry,
} from '../core/index.ts';
import { entryTitle } from './issues.ts';

export type ListStatus = '待编' | '草稿' | '撤稿' | '已编入' | '已发布';

export interface EntryRow {
  id: string;
  file: string;
  title: string;
  series: string;
  section: string;
  unit: string;
  date: string;
  status: ListStatus;
  /** The issue listing it. */
  issue?: { ref: string; name: string };
  errors: number;
  warnings: number;
}

const FILE_STATUS: Record<EntryRecord['data']['status'], ListStatus> = {
  ready: '待编',
  draft: '草稿',
  withdrawn: '撤稿',
};

/** Issue listing each entry id. */
export function placements(issues: readonly IssueRecord[]): Map<string, IssueRecord> {
  const placed = new Map<string, IssueRecord>();
  for (const issue of issues) for (const id of issue.data.entries) placed.set(id.normalize('NFC'), issue);
  return placed;
}

export function entryRows(checked: CheckResult): EntryRow[] {
  const { content, registry } = checked;
  const placed = placements(content.issues);
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const d of checked.diagnostics) {
    const count = counts.get(d.file) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') count.errors++;
    else count.warnings++;
    counts.set(d.file, count);
  }
  return content.entries
    .map((entry): EntryRow => {
      const issue = placed.get(entry.id);
      const status: ListStatus = issue
        ? issue.data.status === 'published'
          ? '已发布'
          : '已编入'
        : FILE_STATUS[entry.data.status];
      const series = entrySeries(registry, entry);
      const count = counts.get(entry.file) ?? { errors: 0, warnings: 0 };
      return {
        id: entry.id,
        file: entry.file,
        title: entryTitle(entry),
        series: series?.id ?? entry.data.series ?? '',
        section: entry.data.section,
        unit: unitNamesOn(registry, entry.data.unit, entry.data.date),
        date: entry.data.date,
        status,
        ...(issue
          ? {
              issue: {
                ref: issueRefOf(issue, registry),
                name: issueName(issue.data.year, issue.data.number, issue.data.kind === 'supplement'),
              },
            }
          : {}),
        ...count,
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || (a.id < b.id ? -1 : 1));
}

/** The form as the request `new entry` takes (the texts as typed). */
export function requestOf(form: Partial<EntryForm>): EntryRequest {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  return {
    series: text(form.series),
    section: text(form.section),
    unit: text(form.unit),
    date: text(form.date),
    title: text(form.title),
    people: Array.isArray(form.people) ? form.people.filter((name): name is string => typeof name === 'string') : [],
    status: text(form.status),
    body: typeof form.body === 'string' ? form.body : undefined,
  };
}

/** A form as the server accepts it: every field a string (people a list of strings). */
export function formOf(value: unknown): EntryForm {
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? record[key] : '');
  return {
    series: text('series'),
    section: text('section'),
    date: text('date'),
    unit: text('unit'),
    people: Array.isArray(record.people)
      ? record.people.filter((name): name is string => typeof name === 'string')
      : [],
    title: text('title'),
    status: text('status') || '待编',
    body: text('body'),
  };
}

export interface FieldMessage {
  /** series, section, date, unit, people, title, status, body — or '' for the file as a whole. */
  field: string;
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
  rule?: string;
  line?: number;
  column?: number;
}

/** The check's diagnostics of one entry file, each at the field its line concerns. */
export function fieldMessages(diagnostics: readonly Diagnostic[], file: string, text: string): FieldMessage[] {
  return diagnostics
    .filter((d) => d.file === file && !d.rule.startsWith('lint/'))
    .map((d) => ({
      field: fieldOfLine(text, d.line) ?? '',
      severity: d.severity === 'error' ? 'error' : 'warning',
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
      rule: d.rule,
      line: d.line,
      column: d.column,
    }));
}

export interface BodyFinding {
  rule: string;
  severity: 'error' | 'warning';
  start: number;
  end: number;
  message: string;
  hint?: string;
  /** The exact fix, in the body's offsets, when it is safe. */
  edits?: { start: number; end: number; text: string }[];
}

/** What the lint rules may use: the entry's date only when it is a real date (as in a checked entry), and the settings. */
export function lintContext(date: string, registry: Registry): { date?: string; registry: Registry } {
  const iso = parseDateText(date);
  return { ...(iso ? { date: iso } : {}), registry };
}

/** The body's lint findings (the editor's offsets), as `check` gives them for the saved file. */
export function bodyFindings(body: string, date: string, registry: Registry): BodyFinding[] {
  return lintBody(body, lintContext(date, registry)).map((finding: LintFinding) => ({
    rule: finding.rule,
    severity: 'warning',
    start: finding.start,
    end: finding.end,
    message: finding.message,
    ...(finding.hint ? { hint: finding.hint } : {}),
    ...(finding.edits ? { edits: finding.edits } : {}),
  }));
}
