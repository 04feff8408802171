/**
 * The same entry twice: importing one file twice, or running the same
 * `new entry` twice, would write `…-2.md` and both would go into the next
 * issue. An entry is taken for one already there when its date, unit and
 * title are the same (no title counts as the same title in the same
 * section), or when its body is the same text (spaces aside) and more than
 * the template's opening. `import` and `new entry` refuse such an entry
 * unless `--force`.
 */
import type { EntryRecord } from '../load/content.ts';
import type { Registry } from '../registry.ts';
import { uneditedBody } from '../validate/entries.ts';

export interface EntryLike {
  date: string;
  /** As written (id, name or alias; a list for a joint submission); compared through units.yaml. */
  unit: string | readonly string[] | undefined;
  title: string | undefined;
  section: string;
  body: string;
}

export interface Duplicate {
  /** Content-relative path of the entry already there. */
  file: string;
  /** What is the same, in Chinese: `标题、日期、单位` or `正文`. */
  same: string;
}

function unitKey(registry: Registry | undefined, unit: string | readonly string[] | undefined): string {
  const one = (written: string) => registry?.unitBySpelling.get(written)?.id ?? written.trim();
  return typeof unit === 'string' ? one(unit) : (unit ?? []).map(one).join('\u0001');
}

function bodyKey(body: string): string | undefined {
  if (uneditedBody(body)) return undefined;
  return body.replace(/\s+/g, '').normalize('NFC');
}

/** Existing entries (and those written earlier in the same run), to look a new one up in. */
export class EntryIndex {
  private readonly byFacts = new Map<string, string>();
  private readonly byBody = new Map<string, string>();

  constructor(private readonly registry: Registry | undefined) {}

  static of(entries: readonly EntryRecord[], registry: Registry | undefined): EntryIndex {
    const index = new EntryIndex(registry);
    for (const entry of entries) {
      index.add(entry.file, {
        date: entry.data.date,
        unit: entry.data.unit,
        title: entry.data.title,
        section: entry.data.section,
        body: entry.body,
      });
    }
    return index;
  }

  private factsKey(entry: EntryLike): string {
    const title = entry.title?.trim();
    return [
      entry.date,
      unitKey(this.registry, entry.unit),
      title ? `标题:${title.normalize('NFC')}` : `栏目:${entry.section}`,
    ].join('\0');
  }

  /**
   * `untitledByFacts: false` for an entry written in the same run (the items
   * of one bulletin): two untitled items of a day and unit there are two
   * entries unless their text is the same.
   */
  add(file: string, entry: EntryLike, { untitledByFacts = true } = {}): void {
    const facts = this.factsKey(entry);
    if ((untitledByFacts || entry.title?.trim()) && !this.byFacts.has(facts)) this.byFacts.set(facts, file);
    const body = bodyKey(entry.body);
    if (body && !this.byBody.has(body)) this.byBody.set(body, file);
  }

  /** The entry this one repeats, or undefined. */
  find(entry: EntryLike): Duplicate | undefined {
    const titled = Boolean(entry.title?.trim());
    const facts = this.byFacts.get(this.factsKey(entry));
    if (facts && titled) return { file: facts, same: '标题、日期、单位' };
    // Untitled, the same text first: of several untitled entries of a day and unit, the one it really repeats.
    const body = bodyKey(entry.body);
    const same = body ? this.byBody.get(body) : undefined;
    if (same) return { file: same, same: '正文' };
    return facts ? { file: facts, same: '栏目、日期、单位（都没有标题）' } : undefined;
  }
}
