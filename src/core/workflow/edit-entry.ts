/**
 * Editing an existing entry (the studio's 保存): the front matter changed
 * key by key through the yaml Document API (comments, key order and
 * spellings survive; a field the clerk did not change keeps its spelling,
 * e.g. `单位: 应急局`), the body replaced, the file swapped in atomically.
 * Never overwrites a file changed on disk since it was opened (the version
 * is the digest of its bytes), and never touches an entry of a published
 * issue: those change only through an erratum.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decode, toLf } from '../load/decode.ts';
import { splitFrontMatter } from '../load/frontmatter.ts';
import type { EntryRecord, LoadedContent } from '../load/content.ts';
import { findPerson, type Registry } from '../registry.ts';
import { ENTRY_STATUSES, entrySchema, type EntryStatus } from '../schema/entry.ts';
import { enumLookup, parseDateText } from '../schema/fields.ts';
import { sectionName } from '../schema/sections.ts';
import { frozenEntryIds } from '../text/lint.ts';
import { WorkflowError } from './errors.ts';
import { editFrontMatter, type EditContext } from './front-matter-edit.ts';
import { keySpellingsOf } from './keys.ts';
import { sectionFromText, type EntryField } from './new-entry.ts';
import { replaceFile } from './write.ts';

/** The entry form as the studio shows it: texts as the clerk reads and types them. */
export interface EntryForm {
  series: string;
  section: string;
  date: string;
  unit: string;
  people: string[];
  title: string;
  /** 待编, 草稿 or 撤稿. */
  status: string;
  body: string;
}

/** An entry file as opened for editing. */
export interface OpenedEntry {
  id: string;
  file: string;
  /** Digest of the file's bytes when read: saving requires it unchanged. */
  version: string;
  /** The file's text (decoded, LF). */
  text: string;
  form: EntryForm;
}

/** The file changed on disk since it was opened: nothing was written. */
export class EntryConflict extends WorkflowError {
  constructor(
    readonly file: string,
    /** The text on disk now (empty when the file was deleted). */
    readonly current: string,
    /** Its version, to save over it on purpose after looking. */
    readonly currentVersion: string,
  ) {
    super(`${file} 在打开之后被改动过（可能在别的编辑器里改了），没有保存`, {
      hint: '对照磁盘上的版本和您的修改，合并后再保存',
    });
  }
}

const STATUS_LOOKUP = enumLookup(ENTRY_STATUSES);

/** The version of a file's bytes (empty text: the file does not exist). */
export function fileVersion(bytes: Uint8Array | undefined): string {
  return bytes === undefined ? 'missing' : createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** The body as the editor shows it: without the blank line after the front matter. */
function editorBody(body: string): string {
  return body.replace(/^\n+/, '');
}

function statusName(status: EntryStatus): string {
  return ENTRY_STATUSES.find((item) => item.id === status)!.name;
}

/** The form of an entry as loaded. */
export function entryForm(entry: EntryRecord): EntryForm {
  const { data } = entry;
  return {
    series: data.series ?? '',
    section: sectionName(data.section),
    date: data.date,
    // A joint submission shows its units joined with 、 (formChanges splits them again).
    unit: data.unit.join('、'),
    people: [...data.people],
    title: data.title ?? '',
    status: statusName(data.status),
    body: editorBody(entry.body),
  };
}

async function readBytes(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function textOf(bytes: Buffer): string {
  return toLf(decode(bytes).text);
}

/** Open a loaded entry for editing: its file as it is on disk now, with its version. */
export async function openEntry(contentDir: string, entry: EntryRecord): Promise<OpenedEntry> {
  const bytes = await readBytes(join(contentDir, entry.file));
  if (!bytes) throw new WorkflowError(`${entry.file} 已不存在`, { hint: '刷新稿件列表' });
  return { id: entry.id, file: entry.file, version: fileVersion(bytes), text: textOf(bytes), form: entryForm(entry) };
}

/** Is the entry in a published issue (frozen)? */
export function isFrozen(content: Pick<LoadedContent, 'issues'>, entry: Pick<EntryRecord, 'id'>): boolean {
  return frozenEntryIds(content).has(entry.id);
}

/** The front-matter changes from the entry as loaded to the form: only the fields that changed. */
function formChanges(entry: EntryRecord, form: EntryForm, registry: Registry): Record<string, unknown> {
  const { data } = entry;
  const changes: Record<string, unknown> = {};
  const section = sectionFromText(form.section);
  if (section !== data.section) changes.section = form.section.trim() || undefined;
  if ((parseDateText(form.date) ?? form.date.trim()) !== data.date) changes.date = form.date.trim() || undefined;
  // 单位 typed as 应急局、消防大队 is a joint submission: written as a list.
  const units = form.unit
    .split(/[、，,；;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const unitKey = (written: readonly string[]) =>
    written.map((spelling) => registry.unitBySpelling.get(spelling)?.id ?? `?${spelling}`).join('\n');
  if (unitKey(units) !== unitKey(data.unit)) changes.unit = units.length > 1 ? units : units[0];
  const people = form.people.map((name) => name.trim()).filter(Boolean);
  const canonical = (names: readonly string[]) =>
    names.map((name) => findPerson(registry, name)?.name ?? name).join('\n');
  if (canonical(people) !== canonical(data.people)) changes.people = people.length ? people : undefined;
  const title = form.title.replace(/\s+/g, ' ').trim();
  if (title !== (data.title ?? '')) changes.title = title || undefined;
  const series = form.series.trim();
  if (series !== (data.series ?? '')) changes.series = series || undefined;
  const status = STATUS_LOOKUP.get(form.status.trim()) as EntryStatus | undefined;
  if (status !== data.status) {
    const written = form.status.trim();
    changes.status = ({ chinese }: EditContext) =>
      status ? (chinese ? statusName(status) : status) : written || undefined;
  }
  return changes;
}

/** The text the form makes of the entry's file. */
export function editedEntryText(text: string, entry: EntryRecord, form: EntryForm, registry: Registry): string {
  const current = editorBody(splitFrontMatter(text).body);
  const wanted = form.body.replace(/\r\n?/g, '\n');
  const body = wanted.trimEnd() === current.trimEnd() ? undefined : `\n${wanted.replace(/^\n+/, '').trimEnd()}\n`;
  return editFrontMatter(text, entrySchema, formChanges(entry, form, registry), body);
}

/**
 * Save the form over an entry's file, if the file is still the version that
 * was opened; returns the new version. Throws EntryConflict when it changed,
 * a WorkflowError when the entry is in a published issue.
 */
export async function saveEntry(
  contentDir: string,
  checked: { content: Pick<LoadedContent, 'issues'>; registry: Registry },
  entry: EntryRecord,
  form: EntryForm,
  openedVersion: string,
): Promise<{ version: string; text: string; changed: boolean }> {
  if (isFrozen(checked.content, entry)) {
    throw new WorkflowError(`稿件「${entry.id}」已编入已发布的期刊，不能直接修改`, {
      hint: '确需更正：在该期的 勘误 中加一项说明（编辑台“发布”页的勘误表），改正后重新发布该期',
    });
  }
  const path = join(contentDir, entry.file);
  const bytes = await readBytes(path);
  const version = fileVersion(bytes);
  if (version !== openedVersion) throw new EntryConflict(entry.file, bytes ? textOf(bytes) : '', version);
  const text = textOf(bytes!);
  const next = editedEntryText(text, entry, form, checked.registry);
  if (next === text && decode(bytes!).encoding === 'utf-8' && !decode(bytes!).bom && !decode(bytes!).crlf)
    return { version, text, changed: false };
  await replaceFile(path, next);
  return { version: fileVersion(Buffer.from(next, 'utf8')), text: next, changed: true };
}

/**
 * The form field a diagnostic on line `line` of an entry file concerns: the
 * front-matter key written on that line (or above it, for a list's items),
 * `body` below the front matter, undefined for the file as a whole.
 */
export function fieldOfLine(text: string, line: number): EntryField | 'body' | undefined {
  const split = splitFrontMatter(text);
  if (split.yaml === undefined) return line > 1 ? 'body' : undefined;
  if (line >= split.bodyLine) return 'body';
  const lines = split.yaml.split('\n');
  const fields: EntryField[] = ['series', 'section', 'date', 'unit', 'people', 'title', 'status'];
  for (let index = line - split.yamlLine; index >= 0; index--) {
    const key = /^([^\s#:：][^:：]*?)\s*[:：]/.exec(lines[index] ?? '')?.[1];
    if (!key) continue;
    return fields.find((field) => keySpellingsOf(entrySchema, field).includes(key));
  }
  return undefined;
}
