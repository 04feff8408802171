/**
 * Splitting front matter from the body (frontmatter.ts) cuts the text at
 * the fences, and gives what the definition by lines gives — split the
 * file into lines, find the closing `---` (or `...`), join the lines on
 * either side — for every arrangement of fences, blank lines and ends.
 */
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/core/load/frontmatter.ts';

/** The definition, line by line. */
function byLines(text: string) {
  const fence = (line: string) => /^---[ \t]*$/.test(line);
  const lines = text.split('\n');
  if (!fence(lines[0]!)) return { yaml: undefined, yamlLine: 1, body: text, bodyLine: 1, unclosed: false };
  for (let index = 1; index < lines.length; index++) {
    if (fence(lines[index]!) || /^\.\.\.[ \t]*$/.test(lines[index]!))
      return {
        yaml: lines.slice(1, index).join('\n'),
        yamlLine: 2,
        body: lines.slice(index + 1).join('\n'),
        bodyLine: index + 2,
        unclosed: false,
      };
  }
  return { yaml: lines.slice(1).join('\n'), yamlLine: 2, body: '', bodyLine: lines.length + 1, unclosed: true };
}

const PIECES = ['---', '--- ', '---\t', '...', '----', ' ---', 'title: 检查', '', '正文。', '- 列表', '---x'];

describe('splitting front matter', () => {
  it('finds the YAML, the body and their lines', () => {
    expect(splitFrontMatter('---\ntitle: 检查\n---\n\n正文。\n')).toEqual({
      yaml: 'title: 检查',
      yamlLine: 2,
      body: '\n正文。\n',
      bodyLine: 4,
      unclosed: false,
    });
  });

  it('agrees with the definition by lines on every text of up to four lines of fences, YAML and body', () => {
    let texts = 0;
    const build = (prefix: string[], depth: number) => {
      for (const ending of ['', '\n']) {
        const text = prefix.join('\n') + ending;
        expect(splitFrontMatter(text), JSON.stringify(text)).toEqual(byLines(text));
        texts++;
      }
      if (depth === 4) return;
      for (const piece of PIECES) build([...prefix, piece], depth + 1);
    };
    build([], 0);
    expect(texts).toBeGreaterThan(30_000);
  });
});
