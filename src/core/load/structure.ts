/**
 * Bounds on how deeply a Markdown body nests and how much work it may ask
 * of the parser, checked in one linear pass before any Markdown library sees
 * the text. The Markdown tools recurse once per level (6,000 `>` overflow the
 * stack) and some constructs cost more than linear time (thousands of nested
 * lists take seconds each), while a real bulletin nests three or four levels.
 * A body past a bound gets one diagnostic at the line where it crosses it and
 * is never parsed.
 */

/** Quote and list levels a line may open (a real bulletin: 3 or 4). */
export const MAX_CONTAINER_DEPTH = 32;
/** Unclosed `[` (links, images, footnotes) at once in a paragraph. */
export const MAX_BRACKET_DEPTH = 32;
/** One run of `*`, `_` or `~` (emphasis delimiters); a decorative line of stars is far shorter. */
export const MAX_DELIMITER_RUN = 100;
/** Emphasis delimiter runs in one paragraph: each may be matched against every earlier one. */
export const MAX_DELIMITER_RUNS = 2000;
/** Characters in one body (a long bulletin entry is 10,000). */
export const MAX_BODY_CHARS = 500_000;
/** Lines in one body (a long entry is 200; the parser's cost per line grows inside lists). */
export const MAX_BODY_LINES = 2_000;
/** Lines that open a list item or a quote (each may be checked against every open one). */
export const MAX_CONTAINER_LINES = 500;

export interface StructureProblem {
  /** 0-based line of the body where the bound is crossed. */
  line: number;
  /** 1-based column (code points). */
  column: number;
  message: string;
  hint: string;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A line's first character that may open a quote or a list item. */
const CONTAINER_START = /^[ \t]*[>\-*+0-9]/;
/** Characters the bracket and delimiter bounds count: a line without them is passed over at once. */
const COUNTED = /[\\[\]*_~]/;

/** Quote and list markers opening a line, counting indentation of nested list items as levels. */
function containerDepth(line: string): { depth: number; column: number } {
  let depth = 0;
  let index = 0;
  let indent = 0;
  for (;;) {
    let spaces = 0;
    while (index < line.length && (line[index] === ' ' || line[index] === '\t')) {
      spaces += line[index] === '\t' ? 4 : 1;
      index++;
    }
    // The one space after a marker belongs to it; more is indentation (a nested list item).
    indent += depth > 0 ? Math.max(0, spaces - 1) : spaces;
    const rest = line.slice(index, index + 12);
    if (line[index] === '>') {
      depth++;
      index++;
      continue;
    }
    const list = LIST_MARKER.exec(rest);
    if (list) {
      depth++;
      index += list[0].length;
      if (list[0].endsWith(' ') || list[0].endsWith('\t')) index--; // its space is read with the next indentation
      continue;
    }
    break;
  }
  // Each two columns of indentation before a marker can be one more list level.
  if (depth > 0) depth += Math.floor(indent / 2);
  return { depth, column: index + 1 };
}

/** The first bound `body` crosses, or undefined when it is within all of them. */
export function structureProblem(body: string): StructureProblem | undefined {
  if (body.length > MAX_BODY_CHARS) {
    return {
      line: 0,
      column: 1,
      message: `正文过长（${body.length} 个字符，最多 ${MAX_BODY_CHARS} 个）`,
      hint: '一篇稿件不应这样长：检查是否误把整份文件或二进制内容粘贴进来，或拆成几篇稿件',
    };
  }
  let brackets = 0;
  let runs = 0;
  let containers = 0;
  let lineNumber = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    const line = body.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      brackets = 0;
      runs = 0;
    } else {
      if (lineNumber >= MAX_BODY_LINES) {
        return {
          line: lineNumber,
          column: 1,
          message: `正文超过 ${MAX_BODY_LINES} 行`,
          hint: '一篇稿件不应这样长：拆成几篇稿件，或检查是否误粘贴了整份文件',
        };
      }
      const { depth, column } = CONTAINER_START.test(line) ? containerDepth(line) : { depth: 0, column: 1 };
      if (depth > 0 && ++containers > MAX_CONTAINER_LINES) {
        return {
          line: lineNumber,
          column: 1,
          message: `列表项和引用行超过 ${MAX_CONTAINER_LINES} 行`,
          hint: '把很长的列表改写成段落，或拆成几篇稿件',
        };
      }
      if (depth > MAX_CONTAINER_DEPTH) {
        return {
          line: lineNumber,
          column,
          message: `引用（>）或列表嵌套了 ${depth} 层，超过 ${MAX_CONTAINER_DEPTH} 层`,
          hint: '减少行首的 > 或列表符号（- * + 1.）；正文一般不超过三四层',
        };
      }
      for (let index = COUNTED.test(line) ? 0 : line.length; index < line.length; index++) {
        const char = line[index];
        if (char === '\\') {
          index++;
        } else if (char === '[') {
          if (++brackets > MAX_BRACKET_DEPTH) {
            return {
              line: lineNumber,
              column: index + 1,
              message: `方括号 [ 嵌套超过 ${MAX_BRACKET_DEPTH} 层`,
              hint: '删去多余的 [，或写成 \\[ 表示方括号本身',
            };
          }
        } else if (char === ']') {
          if (brackets > 0) brackets--;
        } else if (char === '*' || char === '_' || char === '~') {
          let end = index;
          while (line[end + 1] === char) end++;
          const length = end - index + 1;
          if (length > MAX_DELIMITER_RUN) {
            return {
              line: lineNumber,
              column: index + 1,
              message: `连续 ${length} 个「${char}」，超过 ${MAX_DELIMITER_RUN} 个`,
              hint: `删去多余的「${char}」，或写成 \\${char} 表示符号本身`,
            };
          }
          if (++runs > MAX_DELIMITER_RUNS) {
            return {
              line: lineNumber,
              column: index + 1,
              message: `一段中的加粗、斜体符号（* _ ~）超过 ${MAX_DELIMITER_RUNS} 处`,
              hint: '检查是否误粘贴了大量符号，或把这一段分成几段',
            };
          }
          index = end;
        }
      }
    }
    lineNumber++;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Flow collections (`[`, `{`) open at once in a YAML document. */
export const MAX_YAML_FLOW_DEPTH = 64;
/** Collections a YAML line may open by itself (`- - - x`, `a: b: c`, `? ? x`). */
export const MAX_YAML_LINE_NESTING = 32;
/** Columns of indentation of a YAML line (each level is two). */
export const MAX_YAML_INDENT = 128;

/**
 * The first place a YAML text nests too deeply for the YAML parser (it
 * recurses once per level), or undefined. Quoted text is skipped.
 */
export function yamlStructureProblem(text: string): StructureProblem | undefined {
  let flow = 0;
  let quote: string | undefined;
  let lineNumber = 0;
  let lineStart = 0;
  const hint = '前置信息和设置文件一般只有两三层：删去多余的 [ { - 或缩进';
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent > MAX_YAML_INDENT && line.trim() !== '') {
      return {
        line: lineNumber,
        column: indent + 1,
        message: `YAML 缩进了 ${indent} 列，层次过深（最多 ${MAX_YAML_INDENT} 列）`,
        hint,
      };
    }
    let nesting = 0;
    for (let index = 0; index < line.length; index++) {
      const char = line[index]!;
      if (quote) {
        if (char === quote) quote = undefined;
        else if (char === '\\' && quote === '"') index++;
        continue;
      }
      if (char === '#' && (index === 0 || line[index - 1] === ' ' || line[index - 1] === '\t')) break; // a comment
      if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '[' || char === '{') {
        if (++flow > MAX_YAML_FLOW_DEPTH)
          return {
            line: lineNumber,
            column: index + 1,
            message: `YAML 的 [ 或 { 嵌套超过 ${MAX_YAML_FLOW_DEPTH} 层`,
            hint,
          };
      } else if (char === ']' || char === '}') {
        if (flow > 0) flow--;
      } else if (
        (char === '-' || char === '?' || char === ':') &&
        (line[index + 1] === ' ' || line[index + 1] === '\t' || index + 1 === line.length)
      ) {
        if (++nesting > MAX_YAML_LINE_NESTING)
          return {
            line: lineNumber,
            column: index + 1,
            message: `YAML 的一行中嵌套超过 ${MAX_YAML_LINE_NESTING} 层（- ? : 过多）`,
            hint,
          };
      }
    }
    // A quoted scalar may run over lines (then it is still open here); block scalars are plain text to this scan.
    lineNumber++;
    lineStart = lineEnd + 1;
  }
  return undefined;
}
