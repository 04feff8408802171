/**
 * A whole bulletin imported: each sample issue is written as Word by
 * `jianbao docx`, imported back with `jianbao import --split` into a fresh
 * copy of the content, and the drafts must be the issue's entries — same
 * titles, sections and text, in order — with no masthead, 编者按 or 版记 left.
 * An `articles` layout prints no 栏目 headings, so there only titles and
 * text can come back (the sections are the --section default).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/core/load/frontmatter.ts';
import { SECTIONS } from '../../../src/core/schema/sections.ts';
import { copyContent, runCli, SAMPLE_CONTENT, tempDir } from '../../helpers/index.ts';

/**
 * Text without spacing, Markdown emphasis, table delimiter rows (Word keeps
 * no column alignment) and link targets (the Word file prints a link's
 * text): what a reader sees.
 */
function words(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/^\|?[\s:|-]+\|?$/gm, '').replace(/[\s\u3000*\\]/g, '');
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
  const section = SECTIONS.find((item) => item.id === value || item.name === value || (item.aliases as readonly string[]).includes(value))?.name ?? value;
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
  const made = await runCli(['docx', '--content', sample, '--out', out]);
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
    const yamlConfig = parse(await readFile(join(sample, 'jianbao.yaml'), 'utf8')) as { series: { id: string; name: string; layout?: string }[] };
    const seriesNames = yamlConfig.series.map((series) => series.name);
    for (const issue of issues) {
      const front = parse(splitFrontMatter(await readFile(issue.file, 'utf8')).yaml ?? '') as Record<string, unknown>;
      // Sample issues are written with English or Chinese keys.
      const entries = (front.entries ?? front.稿件) as string[];
      const total = (front.total ?? front.总期号) as number;
      const expected = await Promise.all(entries.map((entry) => readEntry(join(sample, 'entries', `${entry}.md`))));
      const docx = join(out, issue.series, String(issue.year), String(issue.number), `${issue.series}-${issue.year}-${issue.number}.docx`);
      const fresh = await copyContent(SAMPLE_CONTENT);
      const result = await runCli(['import', docx, '--split', '--content', fresh]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('删除 版头');
      expect(result.stdout).toContain('删除 版记');
      const drafts = await Promise.all(written(result.stdout).map((path) => readEntry(path)));
      const label = `${issue.series} ${issue.year}-${issue.number}`;
      const sections = yamlConfig.series.find((series) => series.id === issue.series)?.layout !== 'articles';
      const shown = (entry: Entry) => [sections ? entry.section : '', entry.title ?? ''];
      expect(drafts.map(shown), label).toEqual(expected.map(shown));
      expect(drafts.map((draft) => draft.text), label).toEqual(expected.map((entry) => entry.text));
      for (const draft of drafts) {
        for (const chrome of ['注意保存', '共印', '签发：', '联系人：', '编者按', `总第${total}期`, ...seriesNames]) expect(draft.text, label).not.toContain(chrome);
        expect(SECTIONS.some((section) => section.name === draft.section)).toBe(true);
      }
    }
  }, 600_000);
});
