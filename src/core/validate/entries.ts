/** Rules that tie an entry to the settings: unit, leaders, series, section, title. */
import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.ts';
import type { EntryRecord } from '../load/content.ts';
import { chineseDate } from '../format.ts';
import {
  entrySeries,
  findPerson,
  resolveUnit,
  titleOn,
  unitNameOn,
  unitSpellingsOn,
  type Registry,
  type UnitResolution,
} from '../registry.ts';
import { sectionName } from '../schema/sections.ts';

/**
 * The body of an entry nobody has written yet: empty, or still only the
 * template's opening — a date and a unit or a phrase (`12月10日，区消防救援大队`,
 * `12月3日，带队到`), short, with no sentence ended. Undefined when written.
 */
export function uneditedBody(body: string): 'empty' | 'opening' | undefined {
  const text = body.trim();
  if (!text) return 'empty';
  if (
    text.length <= 40 &&
    !text.includes('\n') &&
    !/[。！？；]/.test(text) &&
    /^[0-9０-９]{1,2}月[0-9０-９]{1,2}日[，,]/.test(text)
  )
    return 'opening';
  return undefined;
}

/** `周正宇、黄志远`, `应急局,消防大队`: names run together with 、，, ; or spaces; undefined for one name. */
function severalNames(text: string): string[] | undefined {
  const parts = text
    .split(/[、，,;；\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 1 ? parts : undefined;
}

/** What is wrong with a unit an entry names on its date: rule, message, fix; undefined when nothing. */
export function unitProblem(
  resolution: UnitResolution,
  written: string,
  date: string,
):
  | { rule: 'entry/unit-renamed' | 'entry/unit-inactive'; message: string; hint: string; suggestion?: string }
  | undefined {
  const { problem } = resolution;
  if (!problem) return undefined;
  if (problem.kind === 'renamed') {
    return {
      rule: 'entry/unit-renamed',
      message: `报送单位「${written}」在${chineseDate(date)}已改名`,
      hint: `自${chineseDate(problem.since)}起改称「${problem.name}」：写 单位: ${problem.name}（或它的别名）`,
      suggestion: problem.name,
    };
  }
  if (problem.kind === 'not-established') {
    return {
      rule: 'entry/unit-inactive',
      message: `报送单位「${written}」${chineseDate(problem.established)}才成立，稿件日期是${chineseDate(date)}`,
      hint: '检查稿件的日期和单位；units.yaml 中该单位的 成立 日期写错了就改正它',
    };
  }
  const successor = problem.successor ? unitNameOn(problem.successor, date) : undefined;
  return successor
    ? {
        rule: 'entry/unit-inactive',
        message: `报送单位「${written}」已于${chineseDate(problem.abolished)}撤销，并入「${successor}」`,
        hint: `写 单位: ${successor}`,
        suggestion: successor,
      }
    : {
        rule: 'entry/unit-inactive',
        message: `报送单位「${written}」已于${chineseDate(problem.abolished)}撤销，稿件日期是${chineseDate(date)}`,
        hint: '检查稿件的日期和单位；units.yaml 中该单位的 撤销 日期写错了就改正它',
      };
}

/** The entry's units (one, or the list of a joint submission), each known and in existence under that name on the entry's date. */
function unitDiagnostics(entry: EntryRecord, registry: Registry): Diagnostic[] {
  const { data, file, positions } = entry;
  const out: Diagnostic[] = [];
  if (registry.unitsUnreadable) return out;
  /** The spelling each unit was first written as in this entry, by unit id. */
  const firstWritten = new Map<string, string>();
  data.unit.forEach((written, index) => {
    // Positions come from the precise YAML parse, made only when asked: ask only for a finding.
    const at = () => positions.at(['unit', index]);
    const resolution = resolveUnit(registry, written, data.date);
    if (resolution) {
      const earlier = firstWritten.get(resolution.unit.id);
      if (earlier !== undefined) {
        out.push(
          diagnostic(
            'entry/unit-repeated',
            file,
            at(),
            `「${written}」和「${earlier}」是同一个单位（${resolution.name}），写了两次`,
            {
              hint: `删去列表中的「${written}」；联合报送时每个单位只写一次，统计中也只计一次`,
            },
          ),
        );
        return;
      }
      firstWritten.set(resolution.unit.id, written);
      const problem = unitProblem(resolution, written, data.date);
      if (problem)
        out.push(
          diagnostic(problem.rule, file, at(), problem.message, {
            hint: problem.hint,
            ...(problem.suggestion ? { suggestion: problem.suggestion } : {}),
          }),
        );
      return;
    }
    const parts = severalNames(written);
    if (parts && parts.every((part) => registry.unitBySpelling.has(part))) {
      const names = parts.map((part) => unitNameOn(registry.unitBySpelling.get(part)!, data.date));
      out.push(
        diagnostic('entry/unknown-unit', file, at(), `「${written}」是 ${parts.length} 个单位，要写成列表`, {
          hint: `几个单位联合报送写作 单位: [${names.join(', ')}]，第一个是报送单位；只有一个报送单位时写 单位: ${names[0]}，其他单位写在正文中`,
        }),
      );
      return;
    }
    const suggestion = didYouMean(written, unitSpellingsOn(registry, data.date));
    out.push(
      diagnostic('entry/unknown-unit', file, at(), `报送单位「${written}」不在 units.yaml 中`, {
        hint: suggestion
          ? `是不是「${suggestion}」？也可以在 units.yaml 中为该单位添加别名`
          : '在 units.yaml 中添加此单位，或改用已有单位的名称、简称',
        ...(suggestion ? { suggestion } : {}),
      }),
    );
  });
  return out;
}

export function validateEntry(entry: EntryRecord, registry: Registry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { data, file, positions } = entry;
  const unedited = data.status === 'ready' ? uneditedBody(entry.body) : undefined;
  if (unedited) {
    const shown = entry.body.trim();
    out.push(
      diagnostic(
        'entry/unedited',
        file,
        {
          line:
            unedited === 'empty'
              ? 1
              : entry.bodyLine + entry.body.slice(0, entry.body.indexOf(shown)).split('\n').length - 1,
          column: 1,
        },
        unedited === 'empty' ? '稿件正文是空的' : `稿件正文还只有模板的开头「${shown}」`,
        { hint: '写好正文再编入期刊（含这篇稿件的期刊不能发布）；暂时不用的稿件把状态改为 草稿' },
      ),
    );
  }
  out.push(...unitDiagnostics(entry, registry));
  (registry.peopleUnreadable ? [] : data.people).forEach((name, index) => {
    const person = findPerson(registry, name);
    const parts = person ? undefined : severalNames(name);
    if (parts && parts.every((part) => findPerson(registry, part))) {
      out.push(
        diagnostic(
          'entry/unknown-person',
          file,
          positions.at(['people', index]),
          `「${name}」是 ${parts.length} 位领导，要写成列表`,
          {
            hint: `写作 领导: [${parts.join(', ')}]`,
          },
        ),
      );
    } else if (!person) {
      const suggestion = didYouMean(name, registry.personByName.keys());
      out.push(
        diagnostic(
          'entry/unknown-person',
          file,
          positions.at(['people', index]),
          `领导「${name}」不在 people.yaml 中`,
          {
            hint: suggestion ? `是不是「${suggestion}」？` : '在 people.yaml 中添加此人及其职务',
            ...(suggestion ? { suggestion } : {}),
          },
        ),
      );
    } else if (!titleOn(person, data.date)) {
      out.push(
        diagnostic(
          'entry/person-no-title',
          file,
          positions.at(['people', index]),
          `people.yaml 中「${person.name}」在 ${data.date} 没有职务`,
          { hint: '检查稿件日期，或在 people.yaml 中补全此人的职务起止日期' },
        ),
      );
    }
  });
  if (data.series !== undefined && !registry.seriesById.has(data.series)) {
    const suggestion = didYouMean(data.series, registry.seriesById.keys());
    out.push(
      diagnostic(
        'entry/unknown-series',
        file,
        positions.at(['series']),
        `刊物「${data.series}」未在 jianbao.yaml 中定义`,
        {
          hint: suggestion ? `是不是「${suggestion}」？` : `可用的刊物：${[...registry.seriesById.keys()].join('、')}`,
          ...(suggestion ? { suggestion } : {}),
        },
      ),
    );
    return out;
  }
  if (data.series === undefined && registry.series.length > 1) {
    out.push(
      diagnostic('entry/series-required', file, positions.at([]), '有多个刊物，稿件需要写明属于哪个刊物', {
        hint: `加一行 刊物: ${registry.series.map((s) => s.id).join(' 或 ')}`,
      }),
    );
    return out;
  }
  const series = entrySeries(registry, entry);
  if (!series) return out;
  if (!series.sections.includes(data.section)) {
    out.push(
      diagnostic(
        'entry/section-not-in-series',
        file,
        positions.at(['section']),
        `栏目「${sectionName(data.section)}」不属于刊物「${series.name}」`,
        {
          hint: `该刊物的栏目：${series.sections.map(sectionName).join('、')}`,
        },
      ),
    );
  }
  if (series.layout === 'articles' && !data.title) {
    out.push(
      diagnostic(
        'issue/entry-title-required',
        file,
        positions.at([]),
        `刊物「${series.name}」是文章版式，每篇稿件都需要标题`,
        { hint: '加一行 标题: …' },
      ),
    );
  }
  return out;
}
