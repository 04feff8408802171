/** Rules that tie an entry to the settings: unit, leaders, series, section, title. */
import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.ts';
import type { EntryRecord } from '../load/content.ts';
import { entrySeries, findPerson, titleOn, type Registry } from '../registry.ts';
import { sectionName } from '../schema/sections.ts';

/**
 * The body of an entry nobody has written yet: empty, or still only the
 * template's opening — a date and a unit or a phrase (`12月10日，区消防救援大队`,
 * `12月3日，带队到`), short, with no sentence ended. Undefined when written.
 */
export function uneditedBody(body: string): 'empty' | 'opening' | undefined {
  const text = body.trim();
  if (!text) return 'empty';
  if (text.length <= 40 && !text.includes('\n') && !/[。！？；]/.test(text) && /^[0-9０-９]{1,2}月[0-9０-９]{1,2}日[，,]/.test(text)) return 'opening';
  return undefined;
}

/** `周正宇、黄志远`, `应急局,消防大队`: names run together with 、，, ; or spaces; undefined for one name. */
function severalNames(text: string): string[] | undefined {
  const parts = text.split(/[、，,;；\s]+/).map((part) => part.trim()).filter(Boolean);
  return parts.length > 1 ? parts : undefined;
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
        { line: unedited === 'empty' ? 1 : entry.bodyLine + entry.body.slice(0, entry.body.indexOf(shown)).split('\n').length - 1, column: 1 },
        unedited === 'empty' ? '稿件正文是空的' : `稿件正文还只有模板的开头「${shown}」`,
        { hint: '写好正文再编入期刊（含这篇稿件的期刊不能发布）；暂时不用的稿件把状态改为 草稿' },
      ),
    );
  }
  const unitParts = severalNames(data.unit);
  if (!registry.unitBySpelling.has(data.unit) && unitParts && unitParts.every((part) => registry.unitBySpelling.has(part))) {
    const names = unitParts.map((part) => registry.unitBySpelling.get(part)!.name);
    out.push(
      diagnostic('entry/unknown-unit', file, positions.at(['unit']), `一篇稿件只写一个报送单位，「${data.unit}」写了 ${unitParts.length} 个`, {
        hint: `写报送这篇稿件的单位，如 单位: ${names[0]}；其他单位写在正文中`,
      }),
    );
  } else if (!registry.unitBySpelling.has(data.unit)) {
    const suggestion = didYouMean(data.unit, registry.unitBySpelling.keys());
    out.push(
      diagnostic('entry/unknown-unit', file, positions.at(['unit']), `报送单位「${data.unit}」不在 units.yaml 中`, {
        hint: suggestion ? `是不是「${suggestion}」？也可以在 units.yaml 中为该单位添加别名` : '在 units.yaml 中添加此单位，或改用已有单位的名称、简称',
        ...(suggestion ? { suggestion } : {}),
      }),
    );
  }
  data.people.forEach((name, index) => {
    const person = findPerson(registry, name);
    const parts = person ? undefined : severalNames(name);
    if (parts && parts.every((part) => findPerson(registry, part))) {
      out.push(
        diagnostic('entry/unknown-person', file, positions.at(['people', index]), `「${name}」是 ${parts.length} 位领导，要写成列表`, {
          hint: `写作 领导: [${parts.join(', ')}]`,
        }),
      );
    } else if (!person) {
      const suggestion = didYouMean(name, registry.personByName.keys());
      out.push(
        diagnostic('entry/unknown-person', file, positions.at(['people', index]), `领导「${name}」不在 people.yaml 中`, {
          hint: suggestion ? `是不是「${suggestion}」？` : '在 people.yaml 中添加此人及其职务',
          ...(suggestion ? { suggestion } : {}),
        }),
      );
    } else if (!titleOn(person, data.date)) {
      out.push(diagnostic('entry/person-no-title', file, positions.at(['people', index]), `people.yaml 中「${person.name}」在 ${data.date} 没有职务`, { hint: '检查稿件日期，或在 people.yaml 中补全此人的职务起止日期' }));
    }
  });
  if (data.series !== undefined && !registry.seriesById.has(data.series)) {
    const suggestion = didYouMean(data.series, registry.seriesById.keys());
    out.push(
      diagnostic('entry/unknown-series', file, positions.at(['series']), `刊物「${data.series}」未在 jianbao.yaml 中定义`, {
        hint: suggestion ? `是不是「${suggestion}」？` : `可用的刊物：${[...registry.seriesById.keys()].join('、')}`,
        ...(suggestion ? { suggestion } : {}),
      }),
    );
    return out;
  }
  if (data.series === undefined && registry.series.length > 1) {
    out.push(diagnostic('entry/series-required', file, positions.at([]), '有多个刊物，稿件需要写明属于哪个刊物', { hint: `加一行 刊物: ${registry.series.map((s) => s.id).join(' 或 ')}` }));
    return out;
  }
  const series = entrySeries(registry, entry);
  if (!series) return out;
  if (!series.sections.includes(data.section)) {
    out.push(
      diagnostic('entry/section-not-in-series', file, positions.at(['section']), `栏目「${sectionName(data.section)}」不属于刊物「${series.name}」`, {
        hint: `该刊物的栏目：${series.sections.map(sectionName).join('、')}`,
      }),
    );
  }
  if (series.layout === 'articles' && !data.title) {
    out.push(diagnostic('issue/entry-title-required', file, positions.at([]), `刊物「${series.name}」是文章版式，每篇稿件都需要标题`, { hint: '加一行 标题: …' }));
  }
  return out;
}
