/**
 * Rules between issues and entries: every listed entry exists, is ready,
 * belongs to the series, is not dated after the issue, and is in at most one
 * issue; a ready entry in no issue is pending.
 */
import { diagnostic, didYouMean, editDistance, type Diagnostic } from '../diagnostics.ts';
import { issueName } from '../format.ts';
import type { EntryRecord, IssueRecord } from '../load/content.ts';
import { entrySeries, issueSeries, type Registry } from '../registry.ts';
import { memoisedIds, NO_MEMO, type PassMemo } from '../check-state.ts';

const STATUS_NAMES = { draft: '草稿', withdrawn: '撤稿', ready: '待编' } as const;

/**
 * A listed entry id that exists under a close name: the same file name in
 * another folder (moved), or a small typo of the name in the same folder.
 * Never just any entry: a different story from another year misleads.
 */
export function closeEntryId(id: string, ids: Iterable<string>): string | undefined {
  const slash = id.lastIndexOf('/');
  const folder = id.slice(0, slash + 1);
  const name = id.slice(slash + 1);
  const all = [...ids];
  const moved = all.filter((other) => other.slice(other.lastIndexOf('/') + 1) === name);
  if (moved.length === 1) return moved[0];
  const siblings = all.filter((other) => other.slice(0, other.lastIndexOf('/') + 1) === folder);
  const byName = new Map(siblings.map((other) => [other.slice(folder.length), other]));
  const suggestion = didYouMean(name, byName.keys());
  if (!suggestion) return undefined;
  // didYouMean allows half the length; for file names, a third (at least one character).
  const limit = Math.max(1, Math.floor([...name].length / 3));
  return editDistance(name, suggestion) <= limit ? byName.get(suggestion) : undefined;
}

export type ArchiveSets = { archivedEntries: ReadonlySet<string>; archivedFiles: ReadonlySet<string> };

/** The membership findings in pieces: by issue file, and the pending ones by entry file (only files with findings). */
export interface MembershipPieces {
  issues: Map<string, Diagnostic[]>;
  pending: Map<string, Diagnostic[]>;
}

/** The order issues place their entries in: an entry listed twice belongs to the first. */
export function placingOrder(a: IssueRecord, b: IssueRecord): number {
  return (
    a.data.date.localeCompare(b.data.date) ||
    a.data.year - b.data.year ||
    a.data.number - b.data.number ||
    a.file.localeCompare(b.file)
  );
}

/** No finding (shared: callers only look at its length). */
const NONE: readonly Diagnostic[] = Object.freeze([]);

/** A ready entry in no issue (`placed`: it is listed by one, or archived). */
export function pendingRule(entry: EntryRecord, placed: boolean): readonly Diagnostic[] {
  if (entry.data.status !== 'ready' || placed) return NONE;
  return [
    diagnostic('entry/pending', entry.file, { line: 1, column: 1 }, `待编稿件「${entry.id}」尚未编入任何一期`, {
      hint: '用 jianbao new issue 编入下一期，或把状态改为 草稿（draft）',
    }),
  ];
}

/** `membershipPieces`' findings in one list. */
export function validateMembership(...args: Parameters<typeof membershipPieces>): Diagnostic[] {
  const pieces = membershipPieces(...args);
  return [...pieces.issues.values(), ...pieces.pending.values()].flat();
}

/**
 * The membership findings, in pieces (by issue in placing order, then the pending ones).
 * `archive`: archived issues keep their entries' text, so a deleted entry file is not missing there, and their entries are never pending.
 * `unlisted`: entry folders that could not be listed (already reported): their entries are unread, not missing.
 * `passes`: each issue's findings reused while what they are found from is the same (a project's recheck).
 */
export function membershipPieces(
  issues: IssueRecord[],
  entriesById: Map<string, EntryRecord>,
  registry: Registry,
  archive: ArchiveSets = { archivedEntries: new Set(), archivedFiles: new Set() },
  unlisted: readonly string[] = [],
  /** Entry ids whose file exists but failed to load (its own errors say why): not missing. */
  unreadable: ReadonlySet<string> = new Set(),
  passes: PassMemo = NO_MEMO,
): MembershipPieces {
  const pieces: MembershipPieces = { issues: new Map(), pending: new Map() };
  const placed = new Map<string, IssueRecord>();
  const ordered = [...issues].sort(placingOrder);
  // What every issue's findings depend on besides the issue and its entries.
  const context =
    passes === NO_MEMO
      ? undefined
      : passes(
          'membership:context',
          [registry, archive.archivedEntries, unlisted.join('\n'), [...unreadable].sort().join('\n')],
          () => ({}),
        );
  for (const issue of ordered) {
    const ids = memoisedIds(issue, passes);
    const entries = ids.map((id) => entriesById.get(id));
    let found: Diagnostic[];
    if (context) {
      // The issue, its entries, whether they were placed before it (and where), and — for a missing one — the ids near it.
      const from: unknown[] = [context, issue, archive.archivedFiles.has(issue.file)];
      for (let index = 0; index < ids.length; index++) {
        const entry = entries[index];
        from.push(entry, entry ? placed.get(entry.id) : closeEntryId(ids[index]!, entriesById.keys()));
      }
      found = passes(`membership:${issue.file}`, from, () =>
        issueMembership(issue, entries, entriesById, registry, archive, unlisted, unreadable, placed),
      );
    } else found = issueMembership(issue, entries, entriesById, registry, archive, unlisted, unreadable, placed);
    if (found.length) pieces.issues.set(issue.file, found);
    for (const entry of entries) if (entry && !placed.has(entry.id)) placed.set(entry.id, issue);
  }
  for (const entry of entriesById.values()) {
    const found = pendingRule(entry, placed.has(entry.id) || archive.archivedEntries.has(entry.id));
    if (found.length) pieces.pending.set(entry.file, [...found]);
  }
  return pieces;
}

/** One issue's findings: its listed entries against the files, their status, series and date, and the issues before it (`placed`). */
export function issueMembership(
  issue: IssueRecord,
  entries: (EntryRecord | undefined)[],
  entriesById: Map<string, EntryRecord>,
  registry: Registry,
  archive: ArchiveSets,
  unlisted: readonly string[],
  unreadable: ReadonlySet<string>,
  placed: Pick<ReadonlyMap<string, IssueRecord>, 'get'>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { data, file, positions } = issue;
  const series = issueSeries(registry, issue);
  const name = issueName(data.year, data.number, data.kind === 'supplement');
  const inThisIssue = new Set<string>();
  const mine = new Set<string>();
  data.entries.forEach((id, index) => {
    // Positions are computed on demand (the precise YAML parse is lazy).
    const at = () => positions.at(['entries', index]);
    if (inThisIssue.has(id)) {
      out.push(
        diagnostic('issue/entry-listed-twice', file, at(), `稿件「${id}」在本期列出了两次`, { hint: '删除重复的一行' }),
      );
      return;
    }
    inThisIssue.add(id);
    const entry = entries[index];
    if (!entry && unlisted.some((folder) => id.startsWith(folder))) return;
    if (!entry && archive.archivedFiles.has(file) && archive.archivedEntries.has(id.normalize('NFC'))) return; // archive/entry-deleted
    if (!entry) {
      if (unreadable.has(id.normalize('NFC'))) return;
      const suggestion = closeEntryId(id.normalize('NFC'), entriesById.keys());
      const frozen =
        data.status === 'published' &&
        data.digest &&
        Object.keys(data.digest.entries).some((listed) => listed.normalize('NFC') === id.normalize('NFC'));
      const where = `entries/${id}.md`;
      out.push(
        diagnostic(
          'issue/entry-missing',
          file,
          at(),
          frozen
            ? `已发布的${name}编入的稿件「${id}」不见了：${where} 被删除或移走`
            : `稿件「${id}」不存在（应为 ${where}）`,
          {
            hint: suggestion
              ? `是不是「${suggestion}」？${frozen ? '已发布期刊的稿件不能移动：把它移回原处' : ''}`
              : frozen
                ? `已发布期刊的稿件不能删除：从版本库或备份中恢复 ${where}（如 git checkout -- ${where}）`
                : '稿件编号是 entries/ 下的路径，不带 .md',
            ...(suggestion ? { suggestion } : {}),
          },
        ),
      );
      return;
    }
    if (entry.data.status !== 'ready') {
      out.push(
        diagnostic(
          'issue/entry-not-ready',
          file,
          at(),
          `稿件「${id}」的状态是${STATUS_NAMES[entry.data.status]}，不能编入期刊`,
          { hint: '从本期删除它，或把稿件状态改为 待编（ready）' },
        ),
      );
    }
    // Listed before, in an earlier issue or (spelt otherwise) in this one.
    const earlier = placed.get(entry.id) ?? (mine.has(entry.id) ? issue : undefined);
    if (earlier) {
      out.push(
        diagnostic(
          'entry/in-several-issues',
          file,
          at(),
          `稿件「${id}」已编入 ${issueName(earlier.data.year, earlier.data.number, earlier.data.kind === 'supplement')}（${earlier.file}）`,
          { hint: '一篇稿件只能编入一期：从其中一期删除' },
        ),
      );
    } else mine.add(entry.id);
    const own = entrySeries(registry, entry);
    if (series && own && own !== series) {
      out.push(
        diagnostic(
          'issue/entry-series',
          file,
          at(),
          `稿件「${id}」属于刊物「${own.name}」，不能编入「${series.name}」`,
          { hint: '从本期删除它，或修改稿件的 刊物' },
        ),
      );
    }
    if (entry.data.date > data.date) {
      out.push(
        diagnostic(
          'issue/entry-after-issue',
          file,
          at(),
          `稿件「${id}」的日期 ${entry.data.date} 晚于${name}的印发日期 ${data.date}`,
          { hint: '核对稿件日期，或编入下一期' },
        ),
      );
    }
  });
  return out;
}
