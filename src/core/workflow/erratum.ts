/**
 * The 勘误 form: add an erratum {日期, 说明} to an issue's 勘误 list, in the
 * file's own key language, the rest of the file untouched. Only for a
 * published issue (a draft is simply edited); after it, `publish` freezes
 * the corrected issue as a new version.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedContent } from '../load/content.ts';
import { decode, toLf } from '../load/decode.ts';
import type { Registry } from '../registry.ts';
import { parseDateText } from '../schema/fields.ts';
import { issueSchema } from '../schema/issue.ts';
import { issueName } from '../format.ts';
import { WorkflowError } from './errors.ts';
import { editFrontMatter, type EditContext } from './front-matter-edit.ts';
import { findIssue } from './issue-ref.ts';
import { replaceFile } from './write.ts';

export interface ErratumRequest {
  /** `2025-12-08` or `2025年12月8日`; default today. */
  date?: string | undefined;
  /** What was corrected. */
  text: string;
}

/** Add an erratum to a published issue's file; returns the file (relative) and how many errata it now lists. */
export async function addErratum(
  contentDir: string,
  checked: { content: Pick<LoadedContent, 'issues'>; registry: Registry },
  ref: string,
  request: ErratumRequest,
  options: { today: string },
): Promise<{ file: string; errata: number }> {
  const issue = findIssue(checked.content, checked.registry, ref);
  const name = issueName(issue.data.year, issue.data.number, issue.data.kind === 'supplement');
  if (issue.data.status !== 'published')
    throw new WorkflowError(`${name}还没有发布，不需要勘误`, {
      usage: true,
      field: 'text',
      hint: '未发布的期刊直接修改即可',
    });
  const text = request.text.replace(/\s+/g, ' ').trim();
  if (!text)
    throw new WorkflowError('勘误要写明更正了什么', {
      usage: true,
      field: 'text',
      hint: '如：《区应急管理局开展冬季安全生产大检查》补充一句',
    });
  const date = request.date?.trim() ? parseDateText(request.date) : options.today;
  if (!date)
    throw new WorkflowError(`日期「${request.date}」无效`, {
      usage: true,
      field: 'date',
      hint: '写作 2025-12-08 或 2025年12月8日',
    });
  const path = join(contentDir, issue.file);
  const original = toLf(decode(await readFile(path)).text);
  const next = editFrontMatter(original, issueSchema, {
    errata: ({ chinese, current }: EditContext) => [
      ...(Array.isArray(current) ? (current as unknown[]) : []),
      chinese ? { 日期: date, 说明: text } : { date, note: text },
    ],
  });
  await replaceFile(path, next);
  return { file: issue.file, errata: issue.data.errata.length + 1 };
}
