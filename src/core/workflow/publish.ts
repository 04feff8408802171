/**
 * `publish ISSUE`: freeze an issue. Refuses while `check` finds errors in the
 * issue, its entries or the settings; sets the status to published and
 * records the digest (validate/frozen.ts then guards it). A published issue
 * is frozen again only after an erratum was added.
 *
 * The front matter is edited with the `yaml` Document API, so comments, key
 * order and the clerk's choice of Chinese or English keys survive; the file
 * is replaced atomically.
 */
import { join } from 'node:path';
import { Document, isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { checkContent } from '../check.ts';
import { compareDigest, computeDigest, hasChanges } from '../digest.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { issueName } from '../format.ts';
import { loadContent } from '../load/content.ts';
import { splitFrontMatter } from '../load/frontmatter.ts';
import { ENTRIES_DIR, SETTINGS_FILES } from '../paths.ts';
import { digestSchema, issueSchema, ISSUE_STATUSES, type IssueDigest } from '../schema/issue.ts';
import { issueSeries } from '../registry.ts';
import { entriesById } from '../validate/index.ts';
import { validateFrozen } from '../validate/frozen.ts';
import { WorkflowError } from './errors.ts';
import { findIssue, issueRefOf } from './issue-ref.ts';
import { chineseKey, keySpellingsOf, localiseKeys } from './keys.ts';
import { replaceFile } from './write.ts';

export type PublishOutcome =
  /** A draft (or a hand-marked issue without digest) is now published. */
  | 'published'
  /** A published issue with new errata was frozen again. */
  | 'refrozen'
  /** Already published and unchanged: nothing written. */
  | 'unchanged';

export interface PublishResult {
  outcome: PublishOutcome;
  /** `2023-6` or `zhuanbao/2023-6`. */
  ref: string;
  /** `2023年第6期` */
  name: string;
  /** Relative to the content directory. */
  file: string;
  digest: IssueDigest;
  /** Number of entries frozen with it. */
  entries: number;
  errata: number;
  /** Earlier issues of the same series still drafts (`2025年第1期`…), oldest first: publishing this one before them is likely a slip. */
  earlierDrafts: { ref: string; name: string }[];
}

const PUBLISHED = ISSUE_STATUSES.find((status) => status.id === 'published')!;

/** Rules that describe the frozen state itself; publish handles these instead of refusing. */
const FROZEN_RULES = new Set(['issue/frozen-changed', 'issue/digest-missing', 'issue/errata-pending']);

/** Does this front matter use Chinese keys (most of its top-level keys are not ASCII)? */
function usesChineseKeys(document: Document): boolean {
  if (!isMap(document.contents)) return false;
  const keys = document.contents.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
  // eslint-disable-next-line no-control-regex -- \x00-\x7f is ASCII
  const chinese = keys.filter((key) => /[^\x00-\x7f]/.test(key)).length;
  return chinese > keys.length - chinese;
}

/** The pair of a top-level key written in any of its spellings. */
function findPair(document: Document, spellings: string[]): Pair | undefined {
  if (!isMap(document.contents)) return undefined;
  return document.contents.items.find((pair) => spellings.includes(String(isScalar(pair.key) ? pair.key.value : pair.key)));
}

/**
 * The issue file with status published and the digest recorded. Only those
 * two keys' text changes: the status value in place, the digest block in
 * place or added at the end of the front matter; every other byte (comments
 * and their spacing, blank lines, quoting, key order) stays as written.
 */
export function frozenText(text: string, digest: IssueDigest): string {
  const split = splitFrontMatter(text);
  if (split.yaml === undefined || split.unclosed) throw new Error('publish: the issue file lost its front matter');
  const yaml = split.yaml;
  const document = parseDocument(yaml);
  const chinese = usesChineseKeys(document);
  const status = findPair(document, keySpellingsOf(issueSchema, 'status'));
  const digestPair = findPair(document, keySpellingsOf(issueSchema, 'digest'));
  const statusText = chinese ? PUBLISHED.name : PUBLISHED.id;
  const digestKey = digestPair && isScalar(digestPair.key) ? String(digestPair.key.value) : chinese ? chineseKey(issueSchema, 'digest') : 'digest';
  // The digest block as its own little document: `摘要:\n  期刊: …\n`.
  const block = new Document({ [digestKey]: localiseKeys({ ...digest }, digestSchema, chinese) }).toString({ lineWidth: 0, flowCollectionPadding: false });
  const edits: { start: number; end: number; text: string }[] = [];
  const statusValue = status?.value as { range?: [number, number, number] } | null | undefined;
  if (status && statusValue?.range) edits.push({ start: statusValue.range[0], end: statusValue.range[1], text: statusText });
  const statusLine = status ? undefined : `${chinese ? chineseKey(issueSchema, 'status') : 'status'}: ${statusText}\n`;
  const keyRange = (digestPair?.key as { range?: [number, number, number] } | undefined)?.range;
  const valueRange = (digestPair?.value as { range?: [number, number, number] } | null | undefined)?.range;
  if (keyRange && valueRange) {
    // From the key to the end of its block (the block's own trailing comments and blank lines stay).
    const end = yaml.lastIndexOf('\n', Math.max(valueRange[1] - 1, keyRange[0])) + 1 || yaml.length;
    edits.push({ start: keyRange[0], end: Math.max(end, valueRange[1]), text: block.endsWith('\n') && yaml[Math.max(end, valueRange[1]) - 1] !== '\n' ? block.slice(0, -1) : block });
  }
  // What is new goes right after the last key's value (its line), before any closing comment of the front matter.
  const append = `${statusLine ?? ''}${keyRange && valueRange ? '' : block}`;
  if (append) {
    const last = isMap(document.contents) ? document.contents.items.at(-1) : undefined;
    const lastEnd = (last?.value as { range?: [number, number, number] } | null | undefined)?.range?.[1] ?? (last?.key as { range?: [number, number, number] } | undefined)?.range?.[1];
    const lineEnd = lastEnd === undefined ? -1 : yaml.indexOf('\n', Math.max(0, lastEnd - 1));
    const at = lineEnd === -1 ? yaml.length : lineEnd + 1;
    edits.push({ start: at, end: at, text: `${at > 0 && yaml[at - 1] !== '\n' ? '\n' : ''}${append}` });
  }
  let next = yaml;
  for (const edit of edits.sort((a, b) => b.start - a.start)) next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  const lines = text.split('\n');
  const fence = lines[split.bodyLine - 2]!;
  return `${lines[0]}\n${next.endsWith('\n') ? next : `${next}\n`}${fence}\n${lines.slice(split.bodyLine - 1).join('\n')}`;
}

/** Publish (or re-freeze) the issue an ISSUE argument names. */
export async function publishIssue(contentDir: string, refText: string): Promise<PublishResult> {
  const { content, registry, diagnostics } = await checkContent(contentDir);
  if (!content.site) {
    throw new WorkflowError('jianbao.yaml 有错误，无法发布', { diagnostics: diagnostics.filter((d) => d.severity === 'error' && d.file === SETTINGS_FILES.settings) });
  }
  const issue = findIssue(content, registry, refText);
  const ref = issueRefOf(issue, registry);
  const name = issueName(issue.data.year, issue.data.number);
  const byId = entriesById(content.entries);
  const entryFiles = new Set(issue.data.entries.map((id) => byId.get(id.normalize('NFC'))?.file ?? `${ENTRIES_DIR}/${id}.md`));
  const settingsFiles = new Set<string>(Object.values(SETTINGS_FILES));
  const concerned = (d: Diagnostic) => d.file === issue.file || entryFiles.has(d.file) || settingsFiles.has(d.file);
  const errors = diagnostics.filter((d) => d.severity === 'error' && concerned(d) && !(d.file === issue.file && FROZEN_RULES.has(d.rule)));
  if (errors.length) {
    throw new WorkflowError(`${name}有错误，不能发布`, { diagnostics: errors, hint: '改正上面的错误后再运行 jianbao publish' });
  }
  // An entry still empty, or only the template's opening, is a warning in check and a refusal here.
  const unedited = diagnostics.filter((d) => d.rule === 'entry/unedited' && entryFiles.has(d.file));
  if (unedited.length) {
    throw new WorkflowError(`${name}有 ${unedited.length} 篇稿件还没有写正文，不能发布`, {
      diagnostics: unedited,
      hint: `写好正文后再运行 jianbao publish；不编入本期的稿件，从 ${issue.file} 的 稿件 中删去`,
    });
  }

  const { data } = issue;
  const series = issueSeries(registry, issue);
  const earlierDrafts = content.issues
    .filter((other) => other !== issue && other.data.status === 'draft' && issueSeries(registry, other) === series)
    .filter((other) => other.data.year < data.year || (other.data.year === data.year && other.data.number < data.number))
    .sort((a, b) => a.data.year - b.data.year || a.data.number - b.data.number)
    .map((other) => ({ ref: issueRefOf(other, registry), name: issueName(other.data.year, other.data.number) }));
  const current = computeDigest(issue, byId);
  let outcome: PublishOutcome = 'published';
  if (data.status === 'published' && data.digest) {
    const changed = hasChanges(compareDigest(data.digest, current));
    const errataGrew = data.errata.length > data.digest.errata;
    if (!errataGrew && !changed) {
      return { outcome: 'unchanged', ref, name, file: issue.file, digest: data.digest, entries: Object.keys(data.digest.entries).length, errata: data.errata.length, earlierDrafts };
    }
    if (!errataGrew) {
      // Changed after publishing without an erratum: say exactly what check says.
      throw new WorkflowError(`${name}已发布，发布后被修改，不能重新发布`, {
        diagnostics: validateFrozen(issue, byId, ref),
        hint: '撤销修改，或在 勘误 中加一项 {日期, 说明} 说明更正，再运行 jianbao publish',
      });
    }
    outcome = 'refrozen';
  }

  const path = join(contentDir, issue.file);
  // The text as check read it: decoded, LF line ends (BOM and CRLF are dropped on the way).
  const original = content.files.find((file) => file.path === issue.file)!.text;
  const next = frozenText(original, current);
  await replaceFile(path, next);

  // Make sure what was written reads back as frozen and unchanged; restore the file if not.
  const reread = await loadContent(contentDir);
  const again = reread.issues.find((item) => item.file === issue.file);
  const problems = again ? validateFrozen(again, entriesById(reread.entries), ref) : [];
  if (!again || again.data.status !== 'published' || problems.length) {
    await replaceFile(path, original);
    throw new Error(`publish: ${issue.file} did not read back as frozen (${problems.map((d) => d.rule).join(', ') || 'unparsable'})`);
  }
  return { outcome, ref, name, file: issue.file, digest: current, entries: Object.keys(current.entries).length, errata: data.errata.length, earlierDrafts };
}
