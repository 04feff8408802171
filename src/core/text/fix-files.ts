/**
 * `lint --fix` on disk: fix entry bodies and write each changed file
 * atomically (temporary file + rename), front matter untouched. Entries of
 * published issues are never rewritten: they change only through errata.
 */
import { writeAtomic } from '../atomic.ts';
import { join } from 'node:path';
import { ENCODING_NAMES } from '../load/decode.ts';
import type { EntryRecord, LoadedContent } from '../load/content.ts';
import type { Registry } from '../registry.ts';
import { entryContext, fixBody, frozenEntryIds, type LintFinding } from './lint.ts';
import { LINT_RULES_BY_ID } from './rules/index.ts';

export interface LintFixReport {
  file: string;
  /** Fixes applied per rule: Chinese rule title and count. */
  changes: { rule: string; title: string; count: number }[];
  /** Why the file was left alone, in Chinese. */
  skipped?: string;
  /** Extra notes (re-encoded to UTF-8…), in Chinese. */
  notes: string[];
}

/** Summarise applied fixes per rule, in rule order. */
export function countByRule(applied: readonly LintFinding[]): LintFixReport['changes'] {
  const counts = new Map<string, number>();
  for (const finding of applied) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return [...counts].map(([rule, count]) => ({ rule, title: LINT_RULES_BY_ID.get(rule)?.title ?? rule, count }));
}

/** Fix the given entries of a loaded content directory; returns one report per file touched or skipped. */
export async function fixEntryFiles(
  content: LoadedContent,
  registry: Registry | undefined,
  entries: readonly EntryRecord[],
): Promise<LintFixReport[]> {
  const frozen = frozenEntryIds(content);
  const sources = new Map(content.files.map((file) => [file.path, file]));
  const reports: LintFixReport[] = [];
  for (const entry of entries) {
    const source = sources.get(entry.file);
    if (!source) continue;
    const result = fixBody(entry.body, entryContext(entry, registry));
    if (result.text === entry.body) continue;
    if (frozen.has(entry.id)) {
      reports.push({
        file: entry.file,
        changes: countByRule(result.applied),
        skipped: '稿件属于已发布的期刊，不自动修改（发布后只能通过勘误更正）',
        notes: [],
      });
      continue;
    }
    const lines = source.text.split('\n');
    const head = lines.slice(0, entry.bodyLine - 1).join('\n');
    const rebuilt = entry.bodyLine > 1 ? `${head}\n${entry.body}` : entry.body;
    if (rebuilt !== source.text) {
      reports.push({ file: entry.file, changes: [], skipped: '无法确定正文在文件中的位置，未修改', notes: [] });
      continue;
    }
    const notes: string[] = [];
    if (source.encoding && source.encoding !== 'utf-8') notes.push(`由 ${ENCODING_NAMES[source.encoding]} 转为 UTF-8`);
    if (source.bom) notes.push('删除 BOM');
    if (source.crlf) notes.push('CRLF 换行改为 LF');
    const text = entry.bodyLine > 1 ? `${head}\n${result.text}` : result.text;
    const target = join(content.dir, entry.file);
    await writeAtomic(target, text);
    reports.push({ file: entry.file, changes: countByRule(result.applied), notes });
  }
  return reports;
}
