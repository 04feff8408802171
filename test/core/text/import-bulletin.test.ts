/**
 * A whole bulletin imported: each sample issue is written as Word by
 * `jianbao docx`, imported back with `jianbao import --split` into a fresh
 * copy of the content, and the drafts must be the issue's entries — same
 * titles, sections and text, in order — with no masthead, 编者按 or 版记 left.
 * An `articles` layout prints no 栏目 headings, so there only titles and
 * text can come back (the sections are the --section default).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/core/load/frontmatter.ts';
import { SECTIONS } from '../../../src/core/schema/sections.ts';
import { copyContent, FIXTURES, runCli, SAMPLE_CONTENT, tempDir } from '../../helpers/index.ts';

/**
 * Text without spacing, Markdown emphasis, table delimiter rows (Word keeps
 * no column alignment) and link targets (the Word file prints a link's
 * text): what a reader sees.
 */
function words(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\|?[\s:|-]+\|?$/gm, '')
    .replace(/[\s\u3000*\\]/g, '');
}

interface Entry {
  section: string;
  title: string | undefined;
  text: string;
}

async function readEntry(path: string): Promise<Entry> {
  const split = splitFrontMatter(await readFile(path, 'utf8'));
  const data = parse(split.yaml ?? '') as Record<string, string>;
  const value = data.section ?? data.栏目!;
  const section =
    SECTIONS.find(
      (item) => item.id === value || item.name === value || (item.aliases as readonly string[]).includes(value),
    )?.name ?? value;
  return { section, title: data.title ?? data.标题, text: words(split.body) };
}

/** The drafts an import wrote, in the order it reports them. */
function written(stdout: string): string[] {
  return [...stdout.matchAll(/已写入 (\S+\.md)（草稿/g)].map((match) => match[1]!);
}

const issues: { series: string; year: number; number: number; file: string }[] = [];
let out: string;
let sample: string;

beforeAll(async () => {
  sample = await copyContent(SAMPLE_CONTENT);
  out = await tempDir('jianbao-bulletin-');
  const made = await runCli(['docx', '--drafts', '--content', sample, '--out', out]);
  expect(made.code, made.stderr).toBe(0);
  for (const series of await readdir(join(sample, 'issues'))) {
    for (const file of (await readdir(join(sample, 'issues', series))).sort()) {
      const [year, number] = file.replace(/\.md$/, '').split('-').map(Number) as [number, number];
      issues.push({ series, year, number, file: join(sample, 'issues', series, file) });
    }
  }
}, 600_000);

describe('jianbao import of a whole bulletin', () => {
  it('gives back every sample issue entry by entry: titles, sections, text, order; no masthead or 版记', async () => {
    expect(issues.length).toBeGreaterThan(5);
    const yamlConfig = parse(await readFile(join(sample, 'jianbao.yaml'), 'utf8')) as {
      series: { id: string; name: string; layout?: string }[];
    };
    const seriesNames = yamlConfig.series.map((series) => series.name);
    for (const issue of issues) {
      const front = parse(splitFrontMatter(await readFile(issue.file, 'utf8')).yaml ?? '') as Record<string, unknown>;
      // Sample issues are written with English or Chinese keys.
      const entries = (front.entries ?? front.稿件) as string[];
      const total = (front.total ?? front.总期号) as number;
      const expected = await Promise.all(entries.map((entry) => readEntry(join(sample, 'entries', `${entry}.md`))));
      const docx = join(
        out,
        issue.series,
        String(issue.year),
        String(issue.number),
        `${issue.series}-${issue.year}-${issue.number}.docx`,
      );
      const fresh = await copyContent(SAMPLE_CONTENT);
      // The copy holds the very entries being imported: without --force each one is refused as a duplicate.
      const refused = await runCli(['import', docx, '--split', '--dry-run', '--content', fresh]);
      expect(refused.stdout).toContain('与已有稿件');
      const result = await runCli(['import', docx, '--split', '--force', '--content', fresh]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('删除 版头');
      expect(result.stdout).toContain('删除 版记');
      const drafts = await Promise.all(written(result.stdout).map((path) => readEntry(path)));
      const label = `${issue.series} ${issue.year}-${issue.number}`;
      const sections = yamlConfig.series.find((series) => series.id === issue.series)?.layout !== 'articles';
      const shown = (entry: Entry) => [sections ? entry.section : '', entry.title ?? ''];
      expect(drafts.map(shown), label).toEqual(expected.map(shown));
      expect(
        drafts.map((draft) => draft.text),
        label,
      ).toEqual(expected.map((entry) => entry.text));
      for (const draft of drafts) {
        for (const chrome of ['注意保存', '共印', '签发：', '联系人：', '编者按', `总第${total}期`, ...seriesNames])
          expect(draft.text, label).not.toContain(chrome);
        expect(SECTIONS.some((section) => section.name === draft.section)).toBe(true);
      }
    }
  }, 600_000);
});

// Laid out like the reference 工作专报 (series name over two lines, unit and date apart, a 版记 of
// paragraphs with the leader list ending 同志), with fictional sentences; the .docx is LibreOffice's conversion of the .html.
const page = join(FIXTURES, 'import/bulletin-sections.html');

/** The fixture as text copied out of Word: one paragraph a line, bold lost, a converter's bookmark marker left in. */
async function textCopy(): Promise<string> {
  const html = await readFile(page, 'utf8');
  const lines = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
  lines[12] = `[bookmark: _Hlk10000001]${lines[12]}`;
  const file = join(await tempDir('jianbao-bulletin-text-'), 'bulletin-sections.txt');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

describe.each(['html', 'docx', 'txt'])('jianbao import of the fixture bulletin (.%s)', (extension) => {
  let fixture: string;
  beforeAll(async () => {
    fixture = extension === 'txt' ? await textCopy() : join(FIXTURES, `import/bulletin-sections.${extension}`);
  });

  it('splits a bulletin per entry: 栏目, titles, leaders, the issue year; every word of the entries kept', async () => {
    const content = await copyContent(SAMPLE_CONTENT);
    const result = await runCli(['import', fixture, '--split', '--content', content]);
    expect(result.code, result.stderr).toBe(0);
    for (const kind of ['删除 版头 6 处', '删除 编者按 1 处', '删除 版记 7 处']) expect(result.stdout).toContain(kind);
    const paths = written(result.stdout);
    const drafts = await Promise.all(paths.map((path) => readEntry(path)));
    expect(drafts.map((draft) => [draft.section, draft.title ?? ''])).toEqual([
      ['上级会议精神', '全市防汛备汛推进会精神'],
      ['调研指导', ''],
      ['调研指导', ''],
      ['调研指导', ''],
      ['工作动态', ''],
      ['工作动态', ''],
      ['经验推介', '青山镇“网格员+预警喇叭”打通防汛预警最后一公里'],
      ['工作提示', ''],
    ]);
    const fronts = await Promise.all(
      paths.map(
        async (path) => parse(splitFrontMatter(await readFile(path, 'utf8')).yaml ?? '') as Record<string, unknown>,
      ),
    );
    expect(fronts.map((front) => front.领导 ?? null)).toEqual([
      null,
      ['周正宇'],
      ['林海'],
      null,
      null,
      null,
      null,
      null,
    ]);
    // No date in the 经验推介 text: the issue's date from the masthead.
    expect(fronts.map((front) => front.日期)).toEqual([
      '2025-06-09',
      '2025-06-11',
      '2025-06-13',
      '2025-06-15',
      '2025-06-10',
      '2025-06-12',
      '2025-06-18',
      '2025-06-25',
    ]);
    // A lead people.yaml does not know stays in the text, for a person to fill in 领导.
    expect(drafts[3]!.text.startsWith('区防汛办主任方志清6月15日')).toBe(true);
    expect(drafts[2]!.text).toContain('现场要求监测员每天巡查两次');
    // Every word between the masthead and the 版记, less the 编者按, 栏目 headings and known leads, is in the drafts.
    const html = await readFile(page, 'utf8');
    const lines = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    const body = lines.slice(
      lines.findIndex((line) => line.startsWith('编者按')) + 1,
      lines.findIndex((line) => line.startsWith('报：')),
    );
    const expected = body
      .filter((line) => !/^【.*】$/.test(line))
      .map((line) => line.replace(/^(?:区委书记周正宇|区委副书记林海)\s/, ''));
    expect(drafts.map((draft) => words(draft.title ?? '') + draft.text).join('')).toBe(words(expected.join('')));
    for (const draft of drafts)
      for (const chrome of ['注意保存', '工作专报', '第3期', '工作专班', '编者按', '同志', '联系人', '共印'])
        expect(draft.text).not.toContain(chrome);
  });

  it('without --split: one draft without masthead or 版记, and the report suggests --split', async () => {
    const content = await copyContent(SAMPLE_CONTENT);
    const result = await runCli(['import', fixture, '--content', content]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('约有 8 篇稿件；加 --split');
    const paths = written(result.stdout);
    expect(paths).toHaveLength(1);
    const draft = await readEntry(paths[0]!);
    expect(draft.section).toBe('上级会议精神');
    expect(draft.title).toBe('全市防汛备汛推进会精神');
    for (const chrome of ['注意保存', '工作专报', '编者按', '报：', '共印']) expect(draft.text).not.toContain(chrome);
    expect(draft.text).toContain('提前转移低洼地带群众');
  });
});
