/**
 * Reading the archive through the content source: the ledger and every
 * snapshot it lists, validated. Problems (a missing or altered snapshot, a
 * damaged ledger, a snapshot the ledger does not list) are diagnostics.
 */
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ContentSource } from '../source/source.ts';
import { ARCHIVE_DIR, LEDGER_FILE, ledgerSchema, sha256, snapshotSchema, type Ledger, type LedgerIssue, type Snapshot } from './records.ts';

export interface ArchivedIssue {
  record: LedgerIssue;
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

export async function loadArchive(source: ContentSource): Promise<LoadedArchive> {
  const diagnostics: Diagnostic[] = [];
  const issues = new Map<string, ArchivedIssue>();
  const read = await source.read(LEDGER_FILE);
  const files = await source.list(ARCHIVE_DIR);
  if (!read.bytes) {
    const snapshots = files.filter((file) => file.endsWith('.json') && file !== 'ledger.json');
    if (snapshots.length > 0) {
      diagnostics.push(
        diagnostic('archive/ledger-missing', `${ARCHIVE_DIR}/${snapshots[0]}`, { line: 1, column: 1 }, `存档台账 ${LEDGER_FILE} 不见了，但 ${ARCHIVE_DIR}/ 中还有 ${snapshots.length} 个期刊存档`, {
          hint: `从版本库恢复 ${LEDGER_FILE}（如 git checkout -- ${LEDGER_FILE}）；台账记录了每一期已发布的期刊，不能删除`,
        }),
      );
    }
    return { ledger: undefined, issues, diagnostics };
  }
  const text = utf8.decode(read.bytes);
  let ledger: Ledger;
  try {
    const parsed = ledgerSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(firstProblem(parsed.error));
    ledger = parsed.data;
  } catch (error) {
    diagnostics.push(
      diagnostic('archive/ledger-invalid', LEDGER_FILE, { line: 1, column: 1 }, `存档台账已损坏，无法读取${error instanceof Error && error.message ? `（${error.message}）` : ''}`, {
        hint: `从版本库恢复 ${LEDGER_FILE}；台账由 jianbao publish 写入，不要手工修改`,
      }),
    );
    return { ledger: undefined, issues, diagnostics };
  }
  const lines = text.split('\n');
  const listed = new Set<string>();
  for (const record of ledger.issues) {
    const line = Math.max(1, lines.findIndex((row) => row.includes(`"key": ${JSON.stringify(record.key)}`)) + 1);
    const versions: Snapshot[] = [];
    let latest: Snapshot | undefined;
    for (const version of record.versions) {
      listed.add(version.file);
      const snapshot = await readSnapshot(source, version.file, version.digest, record, line, diagnostics);
      if (snapshot) versions.push(snapshot);
      if (version === record.versions.at(-1)) latest = snapshot;
    }
    issues.set(record.key, { record, latest, versions, line });
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

async function readSnapshot(
  source: ContentSource,
  file: string,
  digest: string,
  record: LedgerIssue,
  line: number,
  diagnostics: Diagnostic[],
): Promise<Snapshot | undefined> {
  const read = await source.read(file);
  if (!read.bytes) {
    diagnostics.push(
      diagnostic('archive/snapshot-missing', LEDGER_FILE, { line, column: 1 }, `${record.title}的存档 ${file} 不见了`, {
        hint: `从版本库恢复 ${file}；存档是已印发期刊的原样记录，不能删除`,
      }),
    );
    return undefined;
  }
  if (sha256(read.bytes) !== digest) {
    diagnostics.push(
      diagnostic('archive/snapshot-altered', file, { line: 1, column: 1 }, `${record.title}的存档 ${file} 在发布后被改动（与存档台账记录的摘要不符）`, {
        hint: `从版本库恢复 ${file}；要更正已发布的期刊，请在期刊的 勘误 中加一项，再运行 jianbao publish ${record.ref}`,
      }),
    );
    return undefined;
  }
  try {
    return snapshotSchema.parse(JSON.parse(utf8.decode(read.bytes)));
  } catch {
    diagnostics.push(
      diagnostic('archive/snapshot-altered', file, { line: 1, column: 1 }, `${record.title}的存档 ${file} 无法读取`, { hint: `从版本库恢复 ${file}` }),
    );
    return undefined;
  }
}
