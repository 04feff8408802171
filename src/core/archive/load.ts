/**
 * Reading the archive through the content source: the ledger and every
 * snapshot it lists, validated. Problems (a missing or altered snapshot, a
 * damaged ledger, a snapshot the ledger does not list) are diagnostics.
 */
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ContentSource, FileInfo } from '../source/source.ts';
import type { FileStates } from '../load/file-states.ts';
import { UserError } from '../errors.ts';
import {
  ARCHIVE_DIR,
  LEDGER_FILE,
  ledgerSchema,
  sha256,
  snapshotSchema,
  type Ledger,
  type LedgerIssue,
  type Snapshot,
} from './records.ts';
import { scanRecord, type RecordScan, type ScannedRecord } from './record-scan.ts';

export interface ArchivedIssue {
  record: LedgerIssue;
  /** The entry ids of the newest version (known without reading its whole snapshot). */
  entries: string[];
  /** The newest version, when its snapshot reads back intact. */
  latest: Snapshot | undefined;
  /** Every version that reads back intact, oldest first. */
  versions: Snapshot[];
  /** Line of this issue in the ledger, for messages. */
  line: number;
}

export interface LoadedArchive {
  /** Absent: nothing was ever published with the archive. */
  ledger: Ledger | undefined;
  /** By issue key (`zhuanbao/2024/6`). */
  issues: Map<string, ArchivedIssue>;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '（顶层）'}` : '';
}

/** The ledger as read (reused while unchanged): parsed, or why not; the line of each issue's key. */
export interface LedgerRead {
  missing: boolean;
  ledger: Ledger | undefined;
  problem: string;
  lineOf: Map<string, number>;
}

function parseLedger(bytes: Uint8Array | undefined): LedgerRead {
  if (!bytes) return { missing: true, ledger: undefined, problem: '', lineOf: new Map() };
  const text = utf8.decode(bytes);
  let ledger: Ledger;
  try {
    const parsed = ledgerSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(firstProblem(parsed.error));
    ledger = parsed.data;
  } catch (error) {
    return {
      missing: false,
      ledger: undefined,
      problem: error instanceof Error ? error.message : '',
      lineOf: new Map(),
    };
  }
  // The first line naming each key (one pass: ledgers list hundreds of issues).
  const lineOf = new Map<string, number>();
  text.split('\n').forEach((row, index) => {
    const match = /"key": ("(?:[^"\\]|\\.)*")/.exec(row);
    if (!match) return;
    const key = JSON.parse(match[1]!) as string;
    if (!lineOf.has(key)) lineOf.set(key, index + 1);
  });
  return { missing: false, ledger, problem: '', lineOf };
}

/** What check needs of a snapshot besides its issue: all but the issue, and the issue's entry ids. */
export type SnapshotSummary = Omit<Snapshot, 'issue'> & { entries: string[] };

/**
 * A record file as read (reused while unchanged): its digest and, when it is
 * a valid snapshot, its summary and the snapshot. A cache on disk keeps only
 * the summary (`snapshot` undefined): the issue is then read from the file
 * when first asked for (compiling the site), its bytes checked against the
 * digest, which was validated when the file was first read.
 */
export interface SnapshotRead {
  missing: boolean;
  sha256: string;
  summary: SnapshotSummary | undefined;
  snapshot?: Snapshot;
}

export function summaryOf(snapshot: Snapshot): SnapshotSummary {
  const { issue, ...rest } = snapshot;
  return { ...rest, entries: issue.entries.map((entry) => entry.id) };
}

/** A record's fields but its issue, validated (the issue is validated when first needed). */
const summarySchema = snapshotSchema.omit({ issue: true });

/**
 * The summary of a record read from the bytes publish wrote, without
 * decoding, parsing and validating its issue (record-scan.ts: most of a cold
 * check's time otherwise, the issues being most of the content's bytes): the
 * rest of the record is parsed and validated as usual.
 *
 * Only for bytes whose sha256 is the ledger's (so written by publish from a
 * validated issue); undefined when anything is not where canonical JSON puts
 * it, and the record is then parsed and validated whole.
 */
export function canonicalSummary(bytes: Uint8Array): SnapshotSummary | undefined {
  const scan = scanRecord(bytes);
  return scan && summaryFromScan(scan);
}

/** The summary of a scanned record (scanned here or on the file reader's thread), validated. */
function summaryFromScan(scan: RecordScan): SnapshotSummary | undefined {
  try {
    return { ...summarySchema.parse(JSON.parse(scan.rest)), entries: scan.entries };
  } catch {
    return undefined;
  }
}

/**
 * Issues of record files validated by earlier runs, by the sha256 of the
 * file's bytes (the build's: src/build/check-cache.ts keeps every snapshot
 * a run parsed). A record whose digest the check confirmed is then not
 * parsed and validated again when the site is compiled.
 */
export interface RecordIssues {
  read(sha256: string): Snapshot['issue'] | undefined;
}

/**
 * The snapshot of a record read earlier, its issue read back on first use:
 * from `records` when an earlier run validated the same bytes, else from the
 * file (its bytes checked against the digest the check confirmed), and then
 * kept on `read` for the cache to store.
 */
function lazySnapshot(
  source: ContentSource,
  file: string,
  read: SnapshotRead & { summary: SnapshotSummary },
  records: RecordIssues | undefined,
): Snapshot {
  const { entries: _entries, ...fields } = read.summary;
  let issue: Snapshot['issue'] | undefined;
  return {
    ...fields,
    get issue() {
      if (issue) return issue;
      issue = records?.read(read.sha256);
      if (issue) return issue;
      const bytes = source.readSync(file).bytes;
      if (!bytes || sha256(bytes) !== read.sha256) throw new Error(`存档 ${file} 在检查之后被改动了，请重新运行`);
      // Through the schema as when it was first read: the same object, keys in the same order.
      let snapshot: Snapshot;
      try {
        snapshot = snapshotSchema.parse(JSON.parse(utf8.decode(bytes)));
      } catch (error) {
        // Its digest is the ledger's, yet it is no record: both were written by hand.
        throw new UserError(
          `存档 ${file} 与存档台账记录的摘要相符，但不是有效的期刊存档${error instanceof z.ZodError ? `（${firstProblem(error)}）` : ''}`,
          {
            hint: `从版本库恢复 ${file} 和 ${LEDGER_FILE}；存档和台账由 jianbao publish 写入，不要手工修改`,
          },
        );
      }
      read.snapshot = snapshot;
      issue = snapshot.issue;
      return issue;
    },
  };
}

/** The archive folder as listed, and its record files stamped (when there are states to compare with). */
interface ArchiveListing {
  files: string[];
  recordFiles: string[];
  stampOf: Map<string, FileInfo | undefined>;
  stampedAt: number;
}

async function listArchive(source: ContentSource, states: FileStates | undefined): Promise<ArchiveListing> {
  const files = await source.list(ARCHIVE_DIR);
  const stampedAt = Date.now();
  const recordFiles = files.filter((file) => file.endsWith('.json')).map((file) => `${ARCHIVE_DIR}/${file}`);
  const stamps = states ? await source.stamps!(recordFiles) : [];
  return { files, recordFiles, stampOf: new Map(recordFiles.map((file, index) => [file, stamps[index]])), stampedAt };
}

/**
 * The archive listed and stamped now, and the record files the states do
 * not vouch for being read, hashed and scanned on the reader thread
 * meanwhile (source.scanRecords): a cold check starts this before loading the
 * entries, so that ten years of records (140 MB) cost the main thread only
 * their summaries' validation. Stamped before the thread reads, as
 * loadArchive stamps before it reads.
 */
export interface ArchivePrefetch extends ArchiveListing {
  scanned: Promise<Map<string, ScannedRecord> | undefined> | undefined;
}

export async function prefetchArchive(source: ContentSource, states?: FileStates): Promise<ArchivePrefetch> {
  const useStates = states && source.stamps ? states : undefined;
  const listing = await listArchive(source, useStates);
  const unread = listing.recordFiles.filter(
    (file) => file !== LEDGER_FILE && !useStates?.holds(file, listing.stampOf.get(file)),
  );
  return { ...listing, scanned: source.scanRecords?.(unread) };
}

/**
 * `states`: what earlier loads read (file-states.ts); unchanged record files
 * are not read, hashed and validated again (their digest is still compared
 * with the ledger's). `records`: issues validated by earlier runs (above).
 */
export async function loadArchive(
  source: ContentSource,
  states?: FileStates,
  records?: RecordIssues,
  prefetched?: ArchivePrefetch,
): Promise<LoadedArchive> {
  const diagnostics: Diagnostic[] = [];
  const issues = new Map<string, ArchivedIssue>();
  const useStates = states && source.stamps ? states : undefined;
  const { files, recordFiles, stampOf, stampedAt } = prefetched ?? (await listArchive(source, useStates));
  const scanned = await prefetched?.scanned;
  useStates?.retain(`${ARCHIVE_DIR}/`, new Set(recordFiles));
  /** `digest`: the ledger's; a record with exactly those bytes is read no further than its summary (canonicalSummary). */
  const readRecord = async (file: string, digest: string): Promise<SnapshotRead> => {
    const kept = useStates?.take<SnapshotRead>(file, stampOf.get(file));
    if (kept) return kept;
    // Hashed and scanned on the reader thread: only the rest of the record is validated here.
    const ahead = scanned?.get(file);
    const summary =
      ahead?.code === undefined && ahead?.sha256 === digest && ahead.scan ? summaryFromScan(ahead.scan) : undefined;
    if (summary) {
      const result: SnapshotRead = { missing: false, sha256: digest, summary };
      useStates?.keep(file, stampOf.get(file), stampedAt, result);
      return result;
    }
    const bytes = (await source.read(file)).bytes;
    const digestOfBytes = bytes ? sha256(bytes) : '';
    const canonical = bytes && digestOfBytes === digest ? canonicalSummary(bytes) : undefined;
    let snapshot: Snapshot | undefined;
    if (bytes && !canonical) {
      try {
        snapshot = snapshotSchema.parse(JSON.parse(utf8.decode(bytes)));
      } catch {
        snapshot = undefined;
      }
    }
    const result: SnapshotRead = {
      missing: !bytes,
      sha256: digestOfBytes,
      summary: canonical ?? (snapshot ? summaryOf(snapshot) : undefined),
      ...(snapshot ? { snapshot } : {}),
    };
    useStates?.keep(file, stampOf.get(file), stampedAt, result);
    return result;
  };
  const stampedLedger = useStates ? (await source.stamps!([LEDGER_FILE]))[0] : undefined;
  let ledgerRead = useStates?.take<LedgerRead>(LEDGER_FILE, stampedLedger);
  if (!ledgerRead) {
    ledgerRead = parseLedger((await source.read(LEDGER_FILE)).bytes);
    useStates?.keep(LEDGER_FILE, stampedLedger, stampedAt, ledgerRead);
  }
  if (ledgerRead.missing) {
    const snapshots = files.filter((file) => file.endsWith('.json') && file !== 'ledger.json');
    if (snapshots.length > 0) {
      diagnostics.push(
        diagnostic(
          'archive/ledger-missing',
          `${ARCHIVE_DIR}/${snapshots[0]}`,
          { line: 1, column: 1 },
          `存档台账 ${LEDGER_FILE} 不见了，但 ${ARCHIVE_DIR}/ 中还有 ${snapshots.length} 个期刊存档`,
          {
            hint: `从版本库恢复 ${LEDGER_FILE}（如 git checkout -- ${LEDGER_FILE}）；台账记录了每一期已发布的期刊，不能删除`,
          },
        ),
      );
    }
    return { ledger: undefined, issues, diagnostics };
  }
  const { ledger, lineOf } = ledgerRead;
  if (!ledger) {
    diagnostics.push(
      diagnostic(
        'archive/ledger-invalid',
        LEDGER_FILE,
        { line: 1, column: 1 },
        `存档台账已损坏，无法读取${ledgerRead.problem ? `（${ledgerRead.problem}）` : ''}`,
        {
          hint: `从版本库恢复 ${LEDGER_FILE}；台账由 jianbao publish 写入，不要手工修改`,
        },
      ),
    );
    return { ledger: undefined, issues, diagnostics };
  }
  const listed = new Set<string>();
  for (const record of ledger.issues) {
    const line = lineOf.get(record.key) ?? 1;
    const versions: Snapshot[] = [];
    let latest: Snapshot | undefined;
    let entries: string[] = [];
    for (const version of record.versions) {
      listed.add(version.file);
      const read = await readRecord(version.file, version.digest);
      const snapshot = snapshotOf(source, read, version.file, version.digest, record, line, diagnostics, records);
      if (snapshot) versions.push(snapshot);
      if (version === record.versions.at(-1)) {
        latest = snapshot;
        entries = snapshot ? read.summary!.entries : [];
      }
    }
    issues.set(record.key, { record, entries, latest, versions, line });
  }
  for (const file of files) {
    const path = `${ARCHIVE_DIR}/${file}`;
    if (!file.endsWith('.json') || path === LEDGER_FILE || listed.has(path)) continue;
    diagnostics.push(
      diagnostic('archive/unlisted-snapshot', path, { line: 1, column: 1 }, `存档 ${path} 不在存档台账中`, {
        hint: `台账中这一期的记录被删除了：从版本库恢复 ${LEDGER_FILE}；如果这个文件是误放进来的，把它移出 ${ARCHIVE_DIR}/`,
      }),
    );
  }
  return { ledger, issues, diagnostics };
}

function snapshotOf(
  source: ContentSource,
  read: SnapshotRead,
  file: string,
  digest: string,
  record: LedgerIssue,
  line: number,
  diagnostics: Diagnostic[],
  records: RecordIssues | undefined,
): Snapshot | undefined {
  if (read.missing) {
    diagnostics.push(
      diagnostic('archive/snapshot-missing', LEDGER_FILE, { line, column: 1 }, `${record.title}的存档 ${file} 不见了`, {
        hint: `从版本库恢复 ${file}；存档是已印发期刊的原样记录，不能删除`,
      }),
    );
    return undefined;
  }
  if (read.sha256 !== digest) {
    diagnostics.push(
      diagnostic(
        'archive/snapshot-altered',
        file,
        { line: 1, column: 1 },
        `${record.title}的存档 ${file} 在发布后被改动（与存档台账记录的摘要不符）`,
        {
          hint: `从版本库恢复 ${file}；要更正已发布的期刊，请在期刊的 勘误 中加一项，再运行 jianbao publish ${record.ref}`,
        },
      ),
    );
    return undefined;
  }
  if (!read.summary) {
    diagnostics.push(
      diagnostic('archive/snapshot-altered', file, { line: 1, column: 1 }, `${record.title}的存档 ${file} 无法读取`, {
        hint: `从版本库恢复 ${file}`,
      }),
    );
    return undefined;
  }
  return read.snapshot ?? lazySnapshot(source, file, read as SnapshotRead & { summary: SnapshotSummary }, records);
}
