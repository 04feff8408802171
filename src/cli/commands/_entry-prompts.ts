/**
 * The interactive side of `new entry`: ask, in Chinese, for what the flags
 * did not give, with choices taken from jianbao.yaml, units.yaml and
 * people.yaml. Only used when stdin is a terminal.
 */
import { Writable } from 'node:stream';
import { checkbox, input, search, select } from '@inquirer/prompts';
import type { Registry } from '../../core/index.ts';
import { dateProblem, parseDateText } from '../../core/index.ts';
import { sectionName } from '../../core/index.ts';
import type { Series } from '../../core/index.ts';
import {
  defaultSeries,
  leadersOn,
  peopleRequired,
  sectionFromText,
  titleRequired,
  matchUnits,
  type EntryRequest,
} from '../../core/index.ts';

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const LIST_HELP = { navigation: '↑↓ 移动，回车选定', pager: '↑↓ 移动（还有更多选项），回车选定' };
const SEARCH_HELP = {
  navigation: '输入文字筛选，↑↓ 移动，回车选定',
  pager: '输入文字筛选，↑↓ 移动（还有更多），回车选定',
};

/**
 * A view of `output` for one prompt: each prompt ends its output when done,
 * which must not end the terminal stream the next prompt writes to.
 */
function promptOutput(output: NodeJS.WritableStream): NodeJS.WritableStream {
  const view = new Writable({
    // decodeStrings (the default) hands every chunk over as a Buffer.
    write(chunk: Buffer, _encoding, callback) {
      output.write(chunk, () => callback());
    },
  });
  const terminal = output as NodeJS.WritableStream & { columns?: number; rows?: number };
  Object.defineProperties(view, {
    columns: { get: () => terminal.columns },
    rows: { get: () => terminal.rows },
  });
  return view;
}

/** Ask for every missing part of a request; returns the completed request. */
export async function promptEntry(
  registry: Registry,
  given: EntryRequest,
  today: string,
  streams: PromptStreams,
): Promise<EntryRequest> {
  const contextOf = () => ({ input: streams.input, output: promptOutput(streams.output) });
  const request: EntryRequest = { ...given };
  let section = request.section ? sectionFromText(request.section) : undefined;

  let series: Series | undefined = request.series
    ? registry.seriesById.get(request.series)
    : defaultSeries(registry, section);
  if (!series) {
    const id = await select(
      {
        message: '刊物',
        choices: registry.series.map((item) => ({ name: `${item.name}（${item.id}）`, value: item.id })),
        instructions: LIST_HELP,
      },
      contextOf(),
    );
    series = registry.seriesById.get(id)!;
    request.series = id;
  }

  if (!section) {
    section = await select(
      {
        message: '栏目',
        choices: series.sections.map((id) => ({ name: sectionName(id), value: id })),
        instructions: LIST_HELP,
      },
      contextOf(),
    );
    request.section = section;
  }

  if (!request.unit) {
    request.unit = await search(
      {
        message: '报送单位',
        instructions: SEARCH_HELP,
        // The prompt's only English line: say it in Chinese.
        theme: {
          style: {
            error: (text: string) =>
              `> ${text === 'No results found' ? '没有这个单位：换个字试试（名称、简称都可以），或先在 units.yaml 中添加' : text}`,
          },
        },
        source: (term) =>
          matchUnits(registry, term ?? '', today).map((unit) => ({
            name: unit.aliases.length ? `${unit.name}（${unit.aliases.join('、')}）` : unit.name,
            value: unit.id,
          })),
      },
      contextOf(),
    );
  }

  if (!request.date) {
    request.date = await input(
      {
        message: '日期',
        default: today,
        validate: (value) => (parseDateText(value, { year: today.slice(0, 4) }) ? true : dateProblem(value)),
      },
      contextOf(),
    );
  }
  const date = parseDateText(request.date, { year: today.slice(0, 4) }) ?? today;

  if (!request.title) {
    const required = titleRequired(series, section);
    const title = await input(
      {
        message: required ? '标题' : '标题（可不填，直接回车）',
        validate: (value) => (!required || value.trim() ? true : `「${sectionName(section)}」稿件需要标题`),
      },
      contextOf(),
    );
    request.title = title.trim() || undefined;
  }

  if (peopleRequired(section) && !(request.people ?? []).some((name) => name.trim())) {
    const serving = leadersOn(registry, date);
    const leaders = serving.length ? serving : registry.people.map((person) => ({ name: person.name, title: '' }));
    request.people = await checkbox(
      {
        message: '领导（可多选）',
        choices: leaders.map((leader) => ({ name: `${leader.title}${leader.name}`, value: leader.name })),
        instructions: '↑↓ 移动，空格选择，回车确认',
        validate: (chosen) => (chosen.length ? true : '至少选一位领导'),
      },
      contextOf(),
    );
  }
  return request;
}
