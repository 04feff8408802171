/**
 * A leader named in the body with a title people.yaml does not give that
 * person on the entry's date (区长孙立 after 孙立 moved to the 人大): the
 * title written right before (or after) the name is checked, part by part
 * (区委副书记、区长), against the title held that day.
 */
import { chineseDate } from '../../format.ts';
import { titleOn, type Registry } from '../../registry.ts';
import type { Person } from '../../schema/people.ts';
import { defineRule, type RuleFinding } from '../rule.ts';

interface TitleIndex {
  /** Every title part any leader ever held, longest first. */
  parts: string[];
  people: { person: Person; name: string }[];
}

const indexes = new WeakMap<Registry, TitleIndex>();

function splitTitle(title: string): string[] {
  return title.split(/[、，,\s]+/).filter(Boolean);
}

function titleIndex(registry: Registry): TitleIndex {
  let index = indexes.get(registry);
  if (!index) {
    const parts = new Set<string>();
    for (const person of registry.people)
      for (const span of person.titles) for (const part of splitTitle(span.title)) parts.add(part);
    index = {
      parts: [...parts].sort((a, b) => b.length - a.length),
      people: registry.people
        .map((person) => ({ person, name: person.name.replace(/[\s\u3000]/g, '') }))
        .filter(({ name }) => name.length >= 2),
    };
    indexes.set(registry, index);
  }
  return index;
}

/** The title parts written right before `at`: 区委副书记、区长|孙立 → [区长, 区委副书记]. */
function partsBefore(text: string, at: number, parts: string[]): { part: string; from: number }[] {
  const found: { part: string; from: number }[] = [];
  let end = at;
  for (;;) {
    const head = text.slice(Math.max(0, end - 20), end);
    const part = parts.find((candidate) => head.endsWith(candidate));
    if (!part) break;
    found.push({ part, from: end - part.length });
    end -= part.length;
    if (text[end - 1] !== '、') break;
    end -= 1;
  }
  return found;
}

export default defineRule('lint/leader-titles', {
  check(block, context) {
    const { registry, date } = context;
    if (!registry || !date || registry.people.length === 0) return [];
    const { text } = block;
    const index = titleIndex(registry);
    const findings: RuleFinding[] = [];
    for (const { person, name } of index.people) {
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
        const held = titleOn(person, date);
        if (!held) continue;
        const heldParts = new Set(splitTitle(held));
        const written = partsBefore(text, at, index.parts);
        const tail = text.slice(at + name.length, at + name.length + 20);
        const after = index.parts.find((candidate) => tail.startsWith(candidate));
        const wrong = written.filter(({ part }) => !heldParts.has(part)).map(({ part }) => part);
        if (after && !heldParts.has(after)) wrong.push(after);
        if (wrong.length === 0) continue;
        const from = written.length ? written.at(-1)!.from : at;
        findings.push({
          from,
          to: at + name.length + (after && !heldParts.has(after) ? after.length : 0),
          message: `${name}在 ${chineseDate(date)} 的职务是“${held}”，正文写的是“${wrong.join('、')}”`,
          hint: `改为“${held}${name}”，或核对 people.yaml 中的任职时间`,
        });
      }
    }
    return findings;
  },
});
