/**
 * Digests that freeze a published issue: one for the issue file, one per
 * entry, over normalised text, so that re-encoding, CRLF→LF or writing a key
 * in Chinese instead of English does not count as a change, but any change
 * of wording, date or order does.
 */
import { createHash } from 'node:crypto';
import type { EntryRecord, IssueRecord } from './load/content.ts';
import type { IssueDigest } from './schema/issue.ts';

/** `value` with object keys sorted and undefined values left out, recursively: equal data, equal JSON. */
export function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}

/** Markdown with LF ends, NFC, no trailing spaces, no leading/trailing blank lines. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * An entry's digest: its data and normalised text, plus the byte size of each
 * local image it shows (a replaced photo almost always changes size; hashing
 * every photo of every published issue on each check would cost seconds).
 * Entries without images digest exactly as text-only entries always have.
 */
export function entryDigest(entry: EntryRecord): string {
  const images = (entry.images ?? [])
    .filter((image) => image.target.kind === 'file')
    .map((image) => `\nimage ${image.url} ${(image.target as { bytes: number }).bytes}`)
    .join('');
  return hash(`${JSON.stringify(stable(entry.data))}\n${normaliseText(entry.body)}${images}`);
}

export function issueOwnDigest(issue: IssueRecord): string {
  const { digest: _digest, errata: _errata, status: _status, kind, ...rest } = issue.data;
  // `kind` came later with a default: a regular issue digests as it always has, so no published issue thaws.
  const frozen = kind === 'regular' ? rest : { ...rest, kind };
  return hash(`${JSON.stringify(stable(frozen))}\n${normaliseText(issue.note)}`);
}

/** The digest `publish` records for an issue, given its entries (those that exist). */
export function computeDigest(issue: IssueRecord, entriesById: Map<string, EntryRecord>): IssueDigest {
  const entries: Record<string, string> = {};
  for (const id of issue.data.entries) {
    const entry = entriesById.get(id);
    if (entry) entries[id] = entryDigest(entry);
  }
  return { issue: issueOwnDigest(issue), entries, errata: issue.data.errata.length };
}

/** What differs between a recorded digest and the current content. */
export interface DigestChanges {
  issueChanged: boolean;
  changedEntries: string[];
  addedEntries: string[];
  removedEntries: string[];
}

export function compareDigest(recorded: IssueDigest, current: IssueDigest): DigestChanges {
  const changedEntries: string[] = [];
  const addedEntries: string[] = [];
  for (const [id, value] of Object.entries(current.entries)) {
    if (!(id in recorded.entries)) addedEntries.push(id);
    else if (recorded.entries[id] !== value) changedEntries.push(id);
  }
  const removedEntries = Object.keys(recorded.entries).filter((id) => !(id in current.entries));
  return { issueChanged: recorded.issue !== current.issue, changedEntries, addedEntries, removedEntries };
}

export function hasChanges(changes: DigestChanges): boolean {
  return (
    changes.issueChanged ||
    changes.changedEntries.length + changes.addedEntries.length + changes.removedEntries.length > 0
  );
}
