/** Rules over the settings files: unique ids and names, groups naming known leaders. */
import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.ts';
import type { LoadedContent } from '../load/content.ts';
import { RESERVED_SITE_DIRS, SETTINGS_FILES } from '../paths.ts';
import { findPerson, type Registry } from '../registry.ts';
import { chineseDate } from '../format.ts';

export function validateSettings(content: LoadedContent, registry: Registry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const unitPositions = content.settingsPositions.units;
  if (unitPositions) {
    const ids = new Map<string, number>();
    const spellings = new Map<string, number>();
    content.units.forEach((unit, index) => {
      if (ids.has(unit.id)) {
        out.push(
          diagnostic(
            'settings/duplicate-id',
            SETTINGS_FILES.units,
            unitPositions.at([index, 'id']),
            `单位编号「${unit.id}」重复`,
            { hint: `第 ${ids.get(unit.id)! + 1} 个单位已用此编号，请换一个` },
          ),
        );
      } else ids.set(unit.id, index);
      // Former names count too: an old entry's 单位 must point at one unit.
      const written: [string, (string | number)[]][] = [
        [unit.name, ['name']],
        ...unit.aliases.map((alias): [string, (string | number)[]] => [alias, ['aliases']]),
        ...unit.formerNames.flatMap((former, at) => [
          [former.name, ['formerNames', at, 'name']] as [string, (string | number)[]],
          ...former.aliases.map((alias): [string, (string | number)[]] => [alias, ['formerNames', at, 'aliases']]),
        ]),
      ];
      const own = new Set<string>();
      for (const [spelling, path] of written) {
        if (own.has(spelling)) continue;
        own.add(spelling);
        const other = spellings.get(spelling);
        if (other !== undefined && other !== index) {
          out.push(
            diagnostic(
              'settings/duplicate-name',
              SETTINGS_FILES.units,
              unitPositions.at([index, ...path]),
              `「${spelling}」同时是「${content.units[other]!.name}」和「${unit.name}」的名称或别名`,
              { hint: '同一名称只能指向一个单位：删掉其中一个' },
            ),
          );
        } else spellings.set(spelling, index);
      }
      const successor = unit.mergedInto === undefined ? undefined : registry.unitBySpelling.get(unit.mergedInto);
      if (unit.mergedInto !== undefined && (!successor || successor === unit)) {
        const suggestion = successor ? undefined : didYouMean(unit.mergedInto, registry.unitBySpelling.keys());
        out.push(
          diagnostic(
            'settings/unknown-unit',
            SETTINGS_FILES.units,
            unitPositions.at([index, 'mergedInto']),
            successor ? `单位「${unit.name}」不能并入它自己` : `并入的单位「${unit.mergedInto}」不在 units.yaml 中`,
            {
              hint: suggestion
                ? `是不是「${suggestion}」？并入 写接收单位的 id、名称或别名`
                : '并入 写接收单位的 id、名称或别名（units.yaml 中已有的单位）',
              ...(suggestion ? { suggestion } : {}),
            },
          ),
        );
      } else if (successor && unit.abolished) {
        // The receiving unit must exist the day this one is abolished: not abolished itself (A 并入 B 并入 A), not yet to come.
        const gone = successor.abolished !== undefined && successor.abolished <= unit.abolished;
        const unborn = successor.established !== undefined && successor.established > unit.abolished;
        if (gone || unborn)
          out.push(
            diagnostic(
              'settings/unknown-unit',
              SETTINGS_FILES.units,
              unitPositions.at([index, 'mergedInto']),
              gone
                ? `单位「${unit.name}」于${chineseDate(unit.abolished)}撤销时并入「${successor.name}」，但「${successor.name}」已于${chineseDate(successor.abolished!)}撤销`
                : `单位「${unit.name}」于${chineseDate(unit.abolished)}撤销时并入「${successor.name}」，但「${successor.name}」${chineseDate(successor.established!)}才成立`,
              {
                hint: gone
                  ? `并入 写${chineseDate(unit.abolished)}那天还在的单位（两个单位不能互相并入）`
                  : `改正「${successor.name}」的 成立 日期，或 并入 写${chineseDate(unit.abolished)}那天已有的单位`,
              },
            ),
          );
      }
    });
  }
  const settingsPositions = content.settingsPositions.settings;
  if (settingsPositions) {
    const seen = new Set<string>();
    registry.series.forEach((series, index) => {
      if ((RESERVED_SITE_DIRS as readonly string[]).includes(series.id)) {
        out.push(
          diagnostic(
            'settings/reserved-id',
            SETTINGS_FILES.settings,
            settingsPositions.at(['series', index, 'id']),
            `刊物 id「${series.id}」与站点的「${series.id}/」目录重名`,
            {
              hint: `换一个 id，如 ${series.id}-bao；这些名称由站点使用：${RESERVED_SITE_DIRS.join('、')}`,
            },
          ),
        );
      }
      if (seen.has(series.id)) {
        out.push(
          diagnostic(
            'settings/duplicate-id',
            SETTINGS_FILES.settings,
            settingsPositions.at(['series', index, 'id']),
            `刊物 id「${series.id}」重复`,
            { hint: '每个刊物要有自己的 id' },
          ),
        );
      }
      seen.add(series.id);
    });
  }
  const recipientPositions = content.settingsPositions.recipients;
  if (recipientPositions) {
    for (const [group, spec] of Object.entries(content.recipients.groups)) {
      spec.people.forEach((name, index) => {
        if (findPerson(registry, name)) return;
        const suggestion = didYouMean(name, registry.personByName.keys());
        out.push(
          diagnostic(
            'settings/unknown-person',
            SETTINGS_FILES.recipients,
            recipientPositions.at(['groups', group, 'people', index]),
            `分组「${group}」中的「${name}」不在 people.yaml 中`,
            {
              hint: suggestion ? `是不是「${suggestion}」？` : '先在 people.yaml 中添加此人',
              ...(suggestion ? { suggestion } : {}),
            },
          ),
        );
      });
    }
  }
  return out;
}
