/** 报/送/发 expanded for print: groups become rank-ordered, padded name lists. */
import { padName } from '../format.ts';
import { findPerson, titleOn, type Registry } from '../registry.ts';
import type { Recipients } from '../schema/recipients.ts';
import type { Distribution } from '../schema/site.ts';
import type { DistributionItem, DistributionLine } from '../model/issue.ts';

const DISTRIBUTION_LABELS = { report: '报', send: '送', distribute: '发' } as const;

/**
 * Expand 报/送/发 for an issue dated `date` (ISO). A group's leaders are listed
 * in rank order; a leader with no title on that date (not yet or no longer in
 * office) is left out. Without a date every member is listed.
 */
export function expandDistribution(
  distribution: Distribution | undefined,
  recipients: Recipients,
  registry: Registry,
  date?: string,
): DistributionLine[] {
  const lines: DistributionLine[] = [];
  for (const kind of ['report', 'send', 'distribute'] as const) {
    const list = distribution?.[kind] ?? [];
    if (list.length === 0) continue;
    const items: DistributionItem[] = list.map((item) => {
      const group = recipients.groups[item];
      if (!group) return { type: 'text', text: item };
      const people = group.people
        .map((name, index) => ({ name, index, person: findPerson(registry, name) }))
        .filter(({ person }) => !date || !person || titleOn(person, date) !== undefined)
        .sort(
          (a, b) =>
            (a.person?.rank ?? Number.MAX_SAFE_INTEGER) - (b.person?.rank ?? Number.MAX_SAFE_INTEGER) ||
            a.index - b.index,
        )
        .map(({ name, person }) => padName(person?.name ?? name));
      return { type: 'people', names: people, suffix: group.suffix };
    });
    lines.push({ kind, label: DISTRIBUTION_LABELS[kind], items });
  }
  return lines;
}

/** One line of plain text per 报/送/发, e.g. `报：市安委办、曾梦龙、李　健同志`. */
export function distributionText(line: DistributionLine): string {
  return `${line.label}：${line.items.map((item) => (item.type === 'text' ? item.text : `${item.names.join('、')}${item.suffix}`)).join('、')}`;
}
