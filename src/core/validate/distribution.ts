/** 报/送/发 items must name a group, a unit or a listed recipient (else a warning). */
import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.ts';
import type { PositionIndex } from '../load/yaml.ts';
import type { Registry } from '../registry.ts';
import type { Distribution } from '../schema/site.ts';

const KINDS = ['report', 'send', 'distribute'] as const;
const KIND_NAMES = { report: '报', send: '送', distribute: '发' } as const;

/** Does this item name something we know? */
export function isKnownRecipient(registry: Registry, item: string): boolean {
  return registry.groupNames.has(item) || registry.recipientNames.has(item) || registry.unitBySpelling.has(item);
}

export function validateDistribution(
  distribution: Distribution | undefined,
  registry: Registry,
  file: string,
  positions: PositionIndex,
  basePath: PropertyKey[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!distribution) return out;
  const known = () => [...registry.groupNames, ...registry.recipientNames, ...registry.unitBySpelling.keys()];
  for (const kind of KINDS) {
    (distribution[kind] ?? []).forEach((item, index) => {
      if (isKnownRecipient(registry, item)) return;
      const suggestion = didYouMean(item, known());
      out.push(
        diagnostic(
          'issue/unknown-recipient',
          file,
          positions.at([...basePath, kind, index]),
          `${KIND_NAMES[kind]}：「${item}」不是已知的发送对象`,
          {
            hint: suggestion
              ? `是不是「${suggestion}」？如确为新对象，把它加到 recipients.yaml 的 名单 中`
              : '把它加到 recipients.yaml 的 名单 中，或改用 units.yaml 中的单位名称',
            ...(suggestion ? { suggestion } : {}),
          },
        ),
      );
    });
  }
  return out;
}
