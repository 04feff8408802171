/**
 * What changed between a published issue's record and the issue compiled
 * now, in words a clerk understands: `报头 刊物名称：「…专报」→「…快报」`,
 * `稿件「…」正文第2段`, `领导 李健 的职务`. Both sides are records
 * (records.ts: file locations and status left out).
 */
import type { Block, Body, Inline } from '../model/blocks.ts';
import type { CompiledEntry, CompiledIssue } from '../model/issue.ts';
import { SETTINGS_FILES } from '../paths.ts';
import { canonicalJson } from './records.ts';

/** One difference, worded; `source` names the file the new value most likely comes from. */
export interface Change {
  what: string;
  source?: string;
}

const quote = (value: string | number | undefined) =>
  value === undefined || value === '' ? '（无）' : `「${short(String(value))}」`;

function short(text: string): string {
  const chars = [...text];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : text;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Two texts shown around where they first differ: `「…汛期值守↵」→「…汛期值守」`. */
function contrast(a: string, b: string): string {
  const x = [...a];
  const y = [...b];
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const from = Math.max(0, start - 8);
  const cut = (chars: string[]) => {
    const middle = chars.slice(from, Math.max(start + 1, chars.length - end + 8));
    const text = middle.length > 30 ? `${middle.slice(0, 30).join('')}…` : middle.join('');
    return `「${from > 0 ? '…' : ''}${text}」`;
  };
  return `${cut(x)}→${cut(y)}`;
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) =>
      'value' in inline
        ? inline.value
        : 'children' in inline
          ? inlineText(inline.children)
          : inline.type === 'break'
            ? '↵'
            : '',
    )
    .join('');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'list':
      return block.items.map((item) => item.children.map(blockText).join(' ')).join(' ');
    case 'table':
      return block.rows.map((row) => row.cells.map(inlineText).join(' ')).join(' ');
    case 'figure':
      return `［图：${block.caption}］`;
    case 'quote':
      return block.children.map(blockText).join(' ');
    case 'codeBlock':
      return block.value;
    case 'rule':
      return '';
  }
}

/** Paragraph-level changes of a body: `正文第2段：「…」→「…」`. */
function bodyChanges(label: string, before: Body | undefined, after: Body | undefined): string[] {
  if (same(before, after)) return [];
  if (!before || !after) return [`${label}${before ? '被删除' : '为新增'}`];
  const out: string[] = [];
  const count = Math.max(before.blocks.length, after.blocks.length);
  for (let index = 0; index < count; index++) {
    const a = before.blocks[index];
    const b = after.blocks[index];
    if (same(a, b)) continue;
    const where = `${label}第${index + 1}段`;
    if (!a) out.push(`${where}为新增：${quote(blockText(b!))}`);
    else if (!b) out.push(`${where}被删除：${quote(blockText(a))}`);
    else if (blockText(a) === blockText(b)) out.push(`${where}的格式（加粗、换行、链接或图片）`);
    else out.push(`${where}：${contrast(blockText(a), blockText(b))}`);
    if (out.length >= 3) break;
  }
  if (out.length === 0 && !same(before.footnotes, after.footnotes)) out.push(`${label}的注释`);
  return out;
}

function entryName(entry: CompiledEntry): string {
  return `稿件「${short(entry.headline)}」`;
}

function entryChanges(before: CompiledEntry, after: CompiledEntry): Change[] {
  const name = entryName(before);
  const out: Change[] = [];
  const field = (label: string, a: string | undefined, b: string | undefined, source?: string) => {
    if (!same(a, b)) out.push({ what: `${name}的${label}：${quote(a)}→${quote(b)}`, ...(source ? { source } : {}) });
  };
  field('标题', before.title, after.title);
  field('日期', before.dateText, after.dateText);
  field('栏目', before.sectionName, after.sectionName);
  field(
    '报送单位',
    before.unitName,
    after.unitName,
    before.unit?.id === after.unit?.id ? SETTINGS_FILES.units : undefined,
  );
  const people = new Map(after.people.map((person) => [person.name, person]));
  for (const person of before.people) {
    const now = people.get(person.name);
    if (!now) out.push({ what: `${name}的领导：${person.name} 被去掉` });
    else if (now.title !== person.title)
      out.push({
        what: `领导 ${person.name} 的职务：${quote(person.title)}→${quote(now.title)}（${name}）`,
        source: SETTINGS_FILES.people,
      });
  }
  for (const person of after.people)
    if (!before.people.some((p) => p.name === person.name)) out.push({ what: `${name}的领导：新增 ${person.name}` });
  const images = (entry: CompiledEntry) => entry.images.map((image) => image.sha256);
  if (!same(images(before), images(after))) out.push({ what: `${name}的图片被更换或增删` });
  for (const what of bodyChanges('正文', before.body, after.body)) out.push({ what: `${name}${what}` });
  if (out.length === 0 && !same(before, after)) out.push({ what: `${name}的内容` });
  return out;
}

/**
 * `value` with only the keys `shape` has, recursively: what a newer jianbao
 * adds to the model (a field the record was written without) is not a change
 * of the issue. A value the record has and `value` lacks stays a difference.
 */
export function projectOnto<T>(value: T, shape: unknown): T {
  if (Array.isArray(value) && Array.isArray(shape))
    return (value as unknown[]).map((item, index) =>
      index < shape.length ? projectOnto(item, shape[index]) : item,
    ) as T;
  if (
    value &&
    typeof value === 'object' &&
    shape &&
    typeof shape === 'object' &&
    !Array.isArray(value) &&
    !Array.isArray(shape)
  ) {
    const known = shape as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key in known)
        .map(([key, item]) => [key, projectOnto(item, known[key])]),
    ) as T;
  }
  return value;
}

/** Every difference between the record and now, in reading order; empty when equal. */
export function describeChanges(before: CompiledIssue, current: CompiledIssue): Change[] {
  const after = projectOnto(current, before);
  if (same(before, after)) return [];
  const out: Change[] = [];
  const push = (what: string, source?: string) => out.push({ what, ...(source ? { source } : {}) });
  const settings = SETTINGS_FILES.settings;
  const m = [before.masthead, after.masthead] as const;
  if (m[0].name !== m[1].name) push(`报头 刊物名称：${quote(m[0].name)}→${quote(m[1].name)}`, settings);
  if (!same(m[0].lines, m[1].lines))
    push(`报头的分行：${quote(m[0].lines.join('／'))}→${quote(m[1].lines.join('／'))}`, settings);
  if (m[0].publisher !== m[1].publisher)
    push(`报头 编印单位：${quote(m[0].publisher)}→${quote(m[1].publisher)}`, settings);
  if (m[0].marking !== m[1].marking) push(`报头 密级标注：${quote(m[0].marking)}→${quote(m[1].marking)}`, settings);
  if (m[0].numbering !== m[1].numbering) push(`期号：${quote(m[0].numbering)}→${quote(m[1].numbering)}`);
  if (m[0].dateText !== m[1].dateText) push(`印发日期：${quote(m[0].dateText)}→${quote(m[1].dateText)}`);
  if (before.series.layout !== after.series.layout)
    push(`刊物版式：${quote(before.series.layout)}→${quote(after.series.layout)}`, settings);
  for (const what of bodyChanges('按语', before.note, after.note)) push(what);

  const now = new Map(after.entries.map((entry) => [entry.id, entry]));
  const ids = (issue: CompiledIssue) => issue.entries.map((entry) => entry.id);
  for (const entry of before.entries) {
    const current = now.get(entry.id);
    if (!current) push(`${entryName(entry)}不在本期了`);
    else out.push(...entryChanges(entry, current));
  }
  for (const entry of after.entries)
    if (!before.entries.some((e) => e.id === entry.id)) push(`新增${entryName(entry)}`);
  const kept = ids(before).filter((id) => now.has(id));
  const order = ids(after).filter((id) => kept.includes(id));
  if (!same(kept, order)) push('稿件的先后顺序');

  const c = [before.colophon, after.colophon] as const;
  for (const kind of ['report', 'send', 'distribute'] as const) {
    const line = (colophon: (typeof c)[0]) => colophon.distribution.find((item) => item.kind === kind);
    const [a, b] = [line(c[0]), line(c[1])];
    if (!same(a, b)) {
      const text = (value: typeof a) =>
        value?.items
          .map((item) => (item.type === 'text' ? item.text : `${item.names.join('、')}${item.suffix}`))
          .join('，');
      push(`版记「${a?.label ?? b?.label ?? kind}」：${quote(text(a))}→${quote(text(b))}`, SETTINGS_FILES.recipients);
    }
  }
  if (!same(c[0].contact, c[1].contact))
    push(
      `版记 联系方式：${quote(c[0].contact.map((i) => i.text).join(' '))}→${quote(c[1].contact.map((i) => i.text).join(' '))}`,
    );
  if (!same(c[0].copies, c[1].copies)) push(`印数：${quote(c[0].copies?.text)}→${quote(c[1].copies?.text)}`);
  if (!same(c[0].staff, c[1].staff))
    push(
      `编辑、审核、签发：${quote(c[0].staff.map((i) => i.text).join(' '))}→${quote(c[1].staff.map((i) => i.text).join(' '))}`,
    );
  before.errata.forEach((erratum, index) => {
    const now = after.errata[index];
    if (!same(erratum, now))
      push(
        now
          ? `勘误第${index + 1}条：${quote(`${erratum.dateText} ${erratum.note}`)}→${quote(`${now.dateText} ${now.note}`)}`
          : `勘误第${index + 1}条被删除`,
      );
  });
  if (!same(before.print, after.print)) push('打印设置（红色、报头字号、分行或红线）', settings);
  if (out.length === 0) push('期刊的内容');
  return out;
}

/** The changes as one line: `报头 刊物名称：…（jianbao.yaml）；稿件「…」正文第2段…`. */
export function changesText(changes: readonly Change[], limit = 6): string {
  const shown = changes.slice(0, limit).map((change) => `${change.what}${change.source ? `（${change.source}）` : ''}`);
  if (changes.length > limit) shown.push(`等 ${changes.length} 处`);
  return shown.join('；');
}
