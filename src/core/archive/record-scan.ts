/**
 * The parts of a record file found where publish's canonical JSON
 * (records.ts canonicalJson: keys sorted, two-space indent) puts them,
 * without decoding its issue: the issues are most of the archive's bytes (ten
 * years are 140 MB), and check needs of each only its entry ids.
 *
 * The issue is the one top-level value opened by the line `  "issue": {` and
 * closed by the next line indented by two spaces (deeper lines are indented
 * more, and a JSON string holds no raw newline). Of the issue only the entry
 * ids are read, from its `entries` list: the one array opened at indent 4
 * under that name, each entry an object at indent 6 with its `id` at indent 8,
 * counted against the objects.
 *
 * Plain Buffer work and nothing else, so that the file reader's thread
 * (source/read-worker.ts) runs it too. The caller validates `rest`.
 */

export interface RecordScan {
  /** The record's JSON text with its issue replaced by `null`. */
  rest: string;
  /** The ids of the issue's entries, in order. */
  entries: string[];
}

const ISSUE_OPENING = Buffer.from('\n  "issue": {');
/**
 * The issue's closing line `  },` and the next top-level key's indent: no
 * deeper line is followed by a line indented by two spaces. Starting with
 * the rarer `}`, it is found twice as fast as `\n  }` (measured over 150
 * records; for the list's closing below, the other way round is faster).
 */
const ISSUE_CLOSING = Buffer.from('},\n  "');
const ISSUE_CLOSING_LINE = Buffer.from('\n  ');
const ENTRIES_OPENING = Buffer.from('\n    "entries": [');
const ENTRIES_CLOSING = Buffer.from('\n    ]');
const FIRST_ENTRY = Buffer.from('\n      {');
/**
 * Between two entries. It starts with the rare `}`, not with a newline and
 * spaces as every deeper line does: searching for it is twice as fast.
 */
const BETWEEN_ENTRIES = Buffer.from('},\n      {');
const ENTRY_ID = Buffer.from('\n        "id": ');

/** Where the first `closing` from `from` on starts (its bracket), when the bracket is alone on its line after `line`; else -1. */
function closingAt(buffer: Buffer, closing: Buffer, line: Buffer, from: number): number {
  const at = buffer.indexOf(closing, from);
  if (at < line.length) return -1;
  return buffer.subarray(at - line.length, at).equals(line) ? at : -1;
}

/** The parts of canonical record bytes; undefined when anything is not where canonical JSON puts it. */
export function scanRecord(bytes: Uint8Array): RecordScan | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const issueAt = buffer.indexOf(ISSUE_OPENING);
  if (issueAt < 0) return undefined;
  const issueStart = issueAt + ISSUE_OPENING.length - 1;
  const issueClose = closingAt(buffer, ISSUE_CLOSING, ISSUE_CLOSING_LINE, issueStart);
  if (issueClose < 0) return undefined;
  const issueEnd = issueClose + 1;
  const listAt = buffer.indexOf(ENTRIES_OPENING, issueStart);
  if (listAt < 0 || listAt > issueEnd) return undefined;
  const listStart = listAt + ENTRIES_OPENING.length;
  const entries: string[] = [];
  if (buffer[listStart] !== 0x5d /* ] */) {
    const listEnd = buffer.indexOf(ENTRIES_CLOSING, listStart);
    if (listEnd < 0 || listEnd > issueEnd) return undefined;
    if (!buffer.subarray(listStart, listStart + FIRST_ENTRY.length).equals(FIRST_ENTRY)) return undefined;
    let objects = 1;
    for (
      let at = buffer.indexOf(BETWEEN_ENTRIES, listStart);
      at >= 0 && at < listEnd;
      at = buffer.indexOf(BETWEEN_ENTRIES, at + 1)
    )
      objects++;
    for (let at = buffer.indexOf(ENTRY_ID, listStart); at >= 0 && at < listEnd; at = buffer.indexOf(ENTRY_ID, at + 1)) {
      const start = at + ENTRY_ID.length;
      const end = buffer.indexOf(0x0a /* \n */, start);
      const text = buffer.toString('utf8', start, end < 0 ? buffer.length : end).replace(/,$/, '');
      let id: unknown;
      try {
        id = JSON.parse(text);
      } catch {
        return undefined;
      }
      if (typeof id !== 'string') return undefined;
      entries.push(id);
    }
    if (entries.length !== objects) return undefined;
  }
  return { rest: `${buffer.toString('utf8', 0, issueStart)}null${buffer.toString('utf8', issueEnd)}`, entries };
}

/** A record file read, hashed and scanned, or why it could not be read. */
export type ScannedRecord =
  { path: string; sha256: string; scan: RecordScan | undefined; code?: undefined } | { path: string; code: string };
