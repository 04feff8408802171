/** Split a Markdown file into its YAML front matter and its body, keeping line numbers. */

export interface FrontMatterSplit {
  /** The YAML between the --- lines; undefined when there is none. */
  yaml: string | undefined;
  /** File line of the first YAML line (the one after the opening ---). */
  yamlLine: number;
  /** The Markdown body after the closing ---. */
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
  /** The front matter opened with --- but never closed. */
  unclosed: boolean;
}

const FENCE = /^---[ \t]*$/;

/** Text must already have LF line ends. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return { yaml: undefined, yamlLine: 1, body: text, bodyLine: 1, unclosed: false };
  }
  for (let index = 1; index < lines.length; index++) {
    if (FENCE.test(lines[index]!) || /^\.\.\.[ \t]*$/.test(lines[index]!)) {
      return {
        yaml: lines.slice(1, index).join('\n'),
        yamlLine: 2,
        body: lines.slice(index + 1).join('\n'),
        bodyLine: index + 2,
        unclosed: false,
      };
    }
  }
  return { yaml: lines.slice(1).join('\n'), yamlLine: 2, body: '', bodyLine: lines.length + 1, unclosed: true };
}
