/**
 * Templates (模板) for `new entry` and `new issue`: Markdown files with YAML
 * front matter in which `{{name}}` marks a placeholder.
 *
 * The syntax, as documented for clerks:
 * - `{{标题}}` (or the English `{{title}}`) is replaced by the value; spaces
 *   inside the braces are allowed. Any other name is an error.
 * - In the front matter, a line `键: {{名称}}` whose value is empty is left
 *   out, so optional keys simply disappear; a list or a group (稿件, 发送…)
 *   is written as a block under the key, with keys in Chinese when the
 *   placeholder is written in Chinese and in English otherwise.
 * - In the body, a placeholder becomes plain text (a list joined with 、).
 *
 * A clerk's own `templates/` folder inside the content directory overrides
 * the templates shipped with jianbao, file by file.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Document, isSeq, stringify, visit } from 'yaml';
import type { z } from 'zod';
import { diagnostic, didYouMean, type Diagnostic, type Position } from '../diagnostics.ts';
import type { TemplateRuleId } from '../rules.ts';
import { decode, toLf } from '../load/decode.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { splitFrontMatter } from '../load/frontmatter.ts';
import { WorkflowError } from './errors.ts';
import { localiseKeys } from './keys.ts';

/** Where templates live, in a content directory and in jianbao itself. */
const TEMPLATES_DIR = 'templates';

/** The templates shipped with jianbao (the repository's `templates/`). */
const BUILTIN_TEMPLATES = `${join(PACKAGE_ROOT, TEMPLATES_DIR)}${sep}`;

export interface Placeholder {
  /** English name, e.g. `title`. */
  id: string;
  /** Chinese name, e.g. `标题`: the one templates normally use. */
  name: string;
  /** What it becomes, in Chinese (for docs and error hints). */
  description: string;
  /** The schema of a group value (发送, 联系人), for its key names. */
  schema?: z.ZodType;
  /** Write a list on one line, `[甲, 乙]`, instead of one item per line. */
  flow?: boolean;
}

export type TemplateValue = string | number | readonly string[] | Record<string, unknown> | undefined;

export interface Template {
  /** Absolute path of the file used. */
  path: string;
  /** Path relative to the content directory, for diagnostics. */
  file: string;
  text: string;
  placeholders: readonly Placeholder[];
}

export interface Rendered {
  text: string;
  /** Template line (1-based) of each output line, for diagnostics. */
  lineMap: number[];
  template: Template;
}

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

function lookup(placeholders: readonly Placeholder[], name: string): Placeholder | undefined {
  return placeholders.find((placeholder) => placeholder.name === name || placeholder.id === name);
}

function templateDiagnostic(
  rule: TemplateRuleId,
  file: string,
  at: Position,
  message: string,
  hint?: string,
): Diagnostic {
  return diagnostic(rule, file, at, message, hint ? { hint } : {});
}

/**
 * Read the first template found among `names`, looking in the content
 * directory's `templates/` first, then in jianbao's own. Throws a
 * WorkflowError when none exists.
 */
export async function loadTemplate(
  contentDir: string,
  names: readonly string[],
  placeholders: readonly Placeholder[],
  builtinDir: string = BUILTIN_TEMPLATES,
): Promise<Template> {
  const dirs = [join(contentDir, TEMPLATES_DIR), builtinDir];
  for (const dir of dirs) {
    for (const name of names) {
      const path = join(dir, name);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(path);
      } catch {
        continue;
      }
      const file = relative(contentDir, path).replace(/\\/g, '/');
      const decoded = decode(bytes);
      if (decoded.encoding === undefined) {
        throw new WorkflowError(`模板 ${file} 无法读取`, {
          diagnostics: [
            templateDiagnostic(
              'template/front-matter',
              file,
              { line: 1, column: 1 },
              '模板不是文本文件，或编码无法识别',
              '用文本编辑器以 UTF-8 编码另存此模板',
            ),
          ],
        });
      }
      return { path, file, text: toLf(decoded.text), placeholders };
    }
  }
  throw new WorkflowError(`找不到模板 ${names.map((name) => `${TEMPLATES_DIR}/${name}`).join(' 或 ')}`, {
    hint: `在内容目录中建立 ${TEMPLATES_DIR}/${names.at(-1)}，或从 jianbao 自带的 templates/ 复制一份`,
  });
}

/** Every problem of a template before filling: front matter and placeholder names. */
function templateProblems(template: Template): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const split = splitFrontMatter(template.text);
  if (split.yaml === undefined) {
    problems.push(
      templateDiagnostic(
        'template/front-matter',
        template.file,
        { line: 1, column: 1 },
        '模板缺少前置信息（第一行应为 ---）',
        '模板要以 --- 开头，写上前置信息的键，再以 --- 结束',
      ),
    );
  } else if (split.unclosed) {
    problems.push(
      templateDiagnostic(
        'template/front-matter',
        template.file,
        { line: 1, column: 1 },
        '模板的前置信息以 --- 开始，但没有结束的 --- 行',
        '在前置信息最后一个键之后加一行 ---',
      ),
    );
  }
  const names = template.placeholders.flatMap((placeholder) => [placeholder.name, placeholder.id]);
  template.text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(TOKEN)) {
      const name = match[1]!;
      if (lookup(template.placeholders, name)) continue;
      const suggestion = didYouMean(name, names) ?? names.find((known) => known.includes(name) || name.includes(known));
      problems.push(
        templateDiagnostic(
          'template/unknown-placeholder',
          template.file,
          { line: index + 1, column: match.index + 1 },
          `模板中有未知的占位符「{{${name}}}」`,
          suggestion
            ? `是不是「{{${suggestion}}}」？`
            : `可用的占位符：${template.placeholders.map((placeholder) => `{{${placeholder.name}}}`).join('、')}`,
        ),
      );
    }
  });
  return problems;
}

/** `Array.isArray` narrows a readonly array to `any[]`; this keeps its element type. */
function isList(value: TemplateValue): value is readonly string[] {
  return Array.isArray(value);
}

function isEmpty(value: TemplateValue): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object')
    return Object.values(value).every((item) => item === undefined || (Array.isArray(item) && item.length === 0));
  return false;
}

/** A value as plain text (body, or inside a longer YAML value). */
function plainText(value: TemplateValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'object') return '';
  return String(value);
}

/** A value as one YAML scalar, quoted only when it must be. */
function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return stringify(value.replace(/\s*\n\s*/g, ' '), { lineWidth: 0 }).replace(/\n$/, '');
}

/** A group as YAML lines (lists inside it in flow style, as clerks write them). */
function groupLines(value: Record<string, unknown>): string[] {
  const document = new Document(value);
  visit(document, {
    Seq(_, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '').split('\n');
}

const WHOLE_VALUE = /^(\s*)(-\s+)?([^\s#'"{][^:#]*?)\s*:\s*\{\{\s*([^{}]*?)\s*\}\}\s*(#.*)?$/;
const WHOLE_ITEM = /^(\s*)-\s*\{\{\s*([^{}]*?)\s*\}\}\s*(#.*)?$/;

/**
 * Fill a template. Throws a WorkflowError (with diagnostics at the template's
 * lines) when the template is broken; the caller still validates the result.
 */
export function fillTemplate(template: Template, values: Record<string, TemplateValue>): Rendered {
  const problems = templateProblems(template);
  if (problems.length) throw brokenTemplate(template, problems);
  const valueOf = (name: string): { value: TemplateValue; chinese: boolean; placeholder: Placeholder } => {
    const placeholder = lookup(template.placeholders, name)!;
    return { value: values[placeholder.id], chinese: placeholder.name === name, placeholder };
  };
  const split = splitFrontMatter(template.text);
  const lines = template.text.split('\n');
  const out: string[] = [];
  const lineMap: number[] = [];
  const emit = (text: string, line: number) => {
    out.push(text);
    lineMap.push(line);
  };
  const yamlEnd = split.bodyLine - 1; // the closing --- line
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const inYaml = lineNumber > 1 && lineNumber < yamlEnd;
    if (!inYaml) {
      emit(
        line.replace(TOKEN, (_, name: string) => plainText(valueOf(name).value)),
        lineNumber,
      );
      return;
    }
    const whole = WHOLE_VALUE.exec(line);
    if (whole) {
      const [, indent = '', dash = '', key = '', name = '', comment] = whole;
      const { value, chinese, placeholder } = valueOf(name);
      if (isEmpty(value)) return; // optional key: leave the line out
      const head = `${indent}${dash}${key}:`;
      const tail = comment ? ` ${comment}` : '';
      const childIndent = ' '.repeat(indent.length + dash.length + 2);
      if (isList(value) && placeholder.flow) {
        emit(
          `${head} [${value.map((item) => (/[,[\]{}]/.test(String(item)) ? JSON.stringify(item) : yamlScalar(item))).join(', ')}]${tail}`,
          lineNumber,
        );
      } else if (isList(value)) {
        emit(`${head}${tail}`, lineNumber);
        for (const item of value) emit(`${childIndent}- ${yamlScalar(item)}`, lineNumber);
      } else if (typeof value === 'object') {
        emit(`${head}${tail}`, lineNumber);
        for (const child of groupLines(localiseKeys(value, placeholder.schema, chinese)))
          emit(`${childIndent}${child}`, lineNumber);
      } else {
        emit(`${head} ${yamlScalar(value as string | number)}${tail}`, lineNumber);
      }
      return;
    }
    const item = WHOLE_ITEM.exec(line);
    if (item) {
      const [, indent = '', name = ''] = item;
      const { value } = valueOf(name);
      if (isEmpty(value)) return;
      const items = isList(value) ? value : [typeof value === 'object' ? '' : (value as string | number)];
      for (const one of items) emit(`${indent}- ${yamlScalar(one)}`, lineNumber);
      return;
    }
    emit(
      line.replace(TOKEN, (_, name: string) => plainText(valueOf(name).value)),
      lineNumber,
    );
  });
  return { text: out.join('\n'), lineMap, template };
}

export function brokenTemplate(template: Template, diagnostics: Diagnostic[]): WorkflowError {
  return new WorkflowError(`模板 ${template.file} 有问题，什么也没有写入`, {
    diagnostics,
    hint: `改正模板 ${template.file}（占位符的写法见 jianbao 自带的 templates/README.md）`,
  });
}

/**
 * Problems found in the filled text, moved back onto the template's lines
 * so the clerk knows which template line to fix.
 */
export function onTemplate(rendered: Rendered, diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({
    ...d,
    rule: d.rule.startsWith('template/') ? d.rule : 'template/invalid',
    file: rendered.template.file,
    line: rendered.lineMap[d.line - 1] ?? d.line,
    message: `按模板生成的内容无效：${d.message}`,
    hint: d.hint ? `${d.hint}（请改模板的这一行）` : '请改模板的这一行',
  }));
}
