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
const END = /^\.\.\.[ \t]*$/;

/** Text must already have LF line ends. Walks the lines up to the closing fence only: the body is cut, not split and joined. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  let lineEnd = text.indexOf('\n');
  if (!FENCE.test(lineEnd === -1 ? text : text.slice(0, lineEnd))) {
    return { yaml: undefined, yamlLine: 1, body: text, bodyLine: 1, unclosed: false };
  }
  // `line` is the file line number (1-based) of the line starting at `lineStart`.
  const yamlStart = lineEnd === -1 ? text.length : lineEnd + 1;
  let line = 2;
  let lineStart = yamlStart;
  while (lineEnd !== -1) {
    lineEnd = text.indexOf('\n', lineStart);
    const current = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    if (FENCE.test(current) || END.test(current)) {
      return {
        yaml: text.slice(yamlStart, Math.max(yamlStart, lineStart - 1)),
        yamlLine: 2,
        body: lineEnd === -1 ? '' : text.slice(lineEnd + 1),
        bodyLine: line + 1,
        unclosed: false,
      };
    }
    lineStart = lineEnd + 1;
    line++;
  }
  return { yaml: text.slice(yamlStart), yamlLine: 2, body: '', bodyLine: line, unclosed: true };
}
