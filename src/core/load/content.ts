/**
 * Load a content directory: read each file once, decode it, split front
 * matter, parse and validate each file on its own. Cross-file rules live in
 * `validate/`.
 */
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { ENTRIES_DIR, entryIdFromPath, isIgnoredName, ISSUES_DIR, SETTINGS_FILES, type SettingsKind } from '../paths.ts';
import { entrySchema, type EntryData } from '../schema/entry.ts';
import { issueSchema, type IssueData } from '../schema/issue.ts';
import { peopleSchema, type Person } from '../schema/people.ts';
import { recipientsSchema, type Recipients } from '../schema/recipients.ts';
import { siteSchema, type SiteSettings } from '../schema/site.ts';
import { unitsSchema, type Unit } from '../schema/units.ts';
import { decode, ENCODING_NAMES, toLf, type Encoding } from './decode.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { ImageReader, type ImageReference } from './images.ts';
import { parseYaml, PositionIndex, type ParsedYaml } from './yaml.ts';
import { FileSystemSource } from '../source/fs.ts';
import type { ContentSource, FileRead } from '../source/source.ts';
import type { LoadedArchive } from '../archive/load.ts';

/** One file as read from disk. */
export interface SourceFile {
  /** Relative to the content directory, `/` separators. */
  path: string;
  encoding: Encoding | undefined;
  bom: boolean;
  crlf: boolean;
  /** Decoded text with LF line ends. */
  text: string;
  /** Positions of full-width colons after known keys (fixable). */
  fullWidthColons: { line: number; column: number }[];
}

export interface EntryRecord {
  /** Path under entries/ without .md, e.g. `2023/08/联动检查`. */
  id: string;
  file: string;
  data: EntryData;
  /** Markdown body. */
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
  positions: PositionIndex;
  /** Images the body references, resolved and read (set by loadContent). */
  images?: ImageReference[];
}

export interface IssueRecord {
  file: string;
  data: IssueData;
  /** The 按语 (Markdown body), possibly empty. */
  note: string;
  noteLine: number;
  positions: PositionIndex;
}

export interface Settings {
  site: SiteSettings | undefined;
  units: Unit[];
  people: Person[];
  recipients: Recipients;
}

export interface LoadedContent extends Settings {
  /** The content directory (the source's id when it is not the file system). */
  dir: string;
  /** Where the files were read from. */
  source: ContentSource;
  entries: EntryRecord[];
  issues: IssueRecord[];
  files: SourceFile[];
  /** Positions inside the settings files, for cross-file diagnostics. */
  settingsPositions: Partial<Record<SettingsKind, PositionIndex>>;
  /** The published issues' records (set by check: archive/load.ts); published issues compile from them. */
  archive?: LoadedArchive;
  /** Problems found while loading single files. */
  diagnostics: Diagnostic[];
}

async function listMarkdown(source: ContentSource, folder: string): Promise<string[]> {
  return (await source.list(folder))
    .filter((name) => name.toLowerCase().endsWith('.md') && !name.split('/').some(isIgnoredName))
    .sort();
}

export interface ReadResult {
  source: SourceFile | undefined;
  diagnostics: Diagnostic[];
}

/** Read and decode one file, with hygiene diagnostics. */
export async function readSource(source: ContentSource, path: string): Promise<ReadResult> {
  return readResult(await source.read(path));
}

/** A file that could not be read (`code`: ENOENT, EISDIR…). */
function unreadable(path: string, code: string | undefined): ReadResult {
  const reason = code === 'EISDIR' ? '这是一个文件夹，不是文件' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : code === 'ENOENT' ? '文件不存在' : `系统错误 ${code ?? '未知'}`;
  return {
    source: undefined,
    diagnostics: [diagnostic('file/read', path, { line: 1, column: 1 }, `无法读取文件：${reason}`, { hint: code === 'EISDIR' ? '文件夹名不要以 .md 结尾' : '检查文件是否存在、是否有读取权限' })],
  };
}

function readResult(read: FileRead): ReadResult {
  return read.bytes ? sourceFromBytes(read.path, read.bytes) : unreadable(read.path, read.code);
}

/** Decode bytes read from `path` into a source file, with hygiene diagnostics. */
export function sourceFromBytes(path: string, bytes: Uint8Array): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const decoded = decode(bytes);
  const at = { line: 1, column: 1 };
  if (decoded.binary) {
    diagnostics.push(diagnostic('file/binary', path, at, '这不是文本文件（可能是 Word 文档或图片改了扩展名）', { hint: '用 jianbao import 导入 Word 文件，或删除此文件' }));
    return { source: undefined, diagnostics };
  }
  if (!decoded.encoding) {
    diagnostics.push(diagnostic('encoding/unknown', path, at, '无法识别文件编码（不是 UTF-8，也不像 GBK 或 Big5）', { hint: '用文本编辑器以 UTF-8 编码另存此文件' }));
    return { source: undefined, diagnostics };
  }
  if (decoded.encoding !== 'utf-8') {
    diagnostics.push(
      diagnostic('encoding/not-utf8', path, at, `文件是 ${ENCODING_NAMES[decoded.encoding]} 编码，不是 UTF-8`, {
        hint: '运行 jianbao check --fix 转为 UTF-8，或在编辑器中以 UTF-8 另存',
        fixable: true,
      }),
    );
  }
  if (decoded.bom) {
    diagnostics.push(diagnostic('encoding/bom', path, at, '文件开头有 BOM（字节顺序标记）', { hint: '运行 jianbao check --fix 删除，或以“UTF-8 无 BOM”另存', fixable: true }));
  }
  if (decoded.crlf) {
    diagnostics.push(diagnostic('encoding/crlf', path, at, '文件使用 Windows 换行符（CRLF）', { hint: '运行 jianbao check --fix 改为 LF 换行', fixable: true }));
  }
  const text = toLf(decoded.text);
  return {
    source: { path, encoding: decoded.encoding, bom: decoded.bom, crlf: decoded.crlf, text, fullWidthColons: [] },
    diagnostics,
  };
}

function parseSettingsFile<S extends z.ZodType>(source: SourceFile, schema: S): ParsedYaml<z.output<S>> {
  const parsed = parseYaml({ text: source.text, file: source.path, firstLine: 1 }, schema);
  source.fullWidthColons = parsed.fullWidthColons;
  return parsed;
}

interface MarkdownParse<T> {
  data: T | undefined;
  body: string;
  bodyLine: number;
  positions: PositionIndex;
  diagnostics: Diagnostic[];
}

/** Parse a Markdown file with required front matter. */
export function parseMarkdownFile<S extends z.ZodType>(source: SourceFile, schema: S, what: string): MarkdownParse<z.output<S>> {
  const at = { line: 1, column: 1 };
  const empty = new PositionIndex(at);
  if (source.text.trim() === '') {
    return { data: undefined, body: '', bodyLine: 1, positions: empty, diagnostics: [diagnostic('file/empty', source.path, at, `${what}文件是空的`, { hint: '写入前置信息和正文，或删除此文件' })] };
  }
  const split = splitFrontMatter(source.text);
  if (split.yaml === undefined) {
    return {
      data: undefined,
      body: split.body,
      bodyLine: 1,
      positions: empty,
      diagnostics: [diagnostic('frontmatter/missing', source.path, at, `${what}缺少前置信息（第一行应为 ---）`, { hint: '在文件开头加上 --- 包起来的前置信息，可用 jianbao new 生成模板' })],
    };
  }
  if (split.unclosed) {
    return {
      data: undefined,
      body: '',
      bodyLine: split.bodyLine,
      positions: empty,
      diagnostics: [diagnostic('frontmatter/unclosed', source.path, at, '前置信息以 --- 开始，但没有结束的 --- 行', { hint: '在前置信息最后一个键之后加一行 ---' })],
    };
  }
  const parsed = parseYaml({ text: split.yaml, file: source.path, firstLine: split.yamlLine }, schema);
  source.fullWidthColons = parsed.fullWidthColons;
  return { data: parsed.data, body: split.body, bodyLine: split.bodyLine, positions: parsed.positions, diagnostics: parsed.diagnostics };
}

/**
 * Load a content directory. Never throws for content problems: they are
 * returned as diagnostics, and the files that did parse are returned as data.
 * `parallelRead`: read the entries and issues on a worker thread (default:
 * for large directories, see read-files.ts).
 */
export async function loadContent(from: string | ContentSource, options: { parallelRead?: boolean } = {}): Promise<LoadedContent> {
  const source = typeof from === 'string' ? new FileSystemSource(from, options.parallelRead) : from;
  const dir = source.id;
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  const settingsPositions: LoadedContent['settingsPositions'] = {};
  const content: LoadedContent = {
    dir,
    source,
    site: undefined,
    units: [],
    people: [],
    recipients: { groups: {}, names: [] },
    entries: [],
    issues: [],
    files,
    settingsPositions,
    diagnostics,
  };

  const [entryPaths, issuePaths] = await Promise.all([listMarkdown(source, ENTRIES_DIR), listMarkdown(source, ISSUES_DIR)]);

  const settingsKinds = Object.keys(SETTINGS_FILES) as SettingsKind[];
  const settingsReads = settingsKinds.map(async (kind) => {
    const path = SETTINGS_FILES[kind];
    const read = await readSource(source, path);
    return { kind, path, read };
  });
  const settings = await Promise.all(settingsReads);

  for (const { kind, path, read } of settings) {
    if (!read.source) {
      const missing = read.diagnostics[0]?.rule === 'file/read';
      if (missing && kind !== 'settings') continue; // optional files
      if (missing) {
        diagnostics.push(diagnostic('file/missing', path, { line: 1, column: 1 }, `内容目录中没有 ${path}`, { hint: `检查 --content 指向的目录（${dir}）是否正确，或用 jianbao 的示例内容作为起点` }));
      } else diagnostics.push(...read.diagnostics);
      continue;
    }
    diagnostics.push(...read.diagnostics);
    files.push(read.source);
    const source = read.source;
    const parse = <S extends z.ZodType>(schema: S, apply: (data: z.output<S> | undefined) => void) => {
      const parsed = parseSettingsFile(source, schema);
      diagnostics.push(...parsed.diagnostics);
      apply(parsed.data);
      settingsPositions[kind] = parsed.positions;
    };
    if (kind === 'settings') parse(siteSchema, (data) => (content.site = data));
    else if (kind === 'units') parse(unitsSchema, (data) => (content.units = data ?? []));
    else if (kind === 'people') parse(peopleSchema, (data) => (content.people = data ?? []));
    else parse(recipientsSchema, (data) => (content.recipients = data ?? { groups: {}, names: [] }));
  }

  // Entries, then issues, parsed in path order as they are read.
  const paths = [...entryPaths.map((path) => `${ENTRIES_DIR}/${path}`), ...issuePaths.map((path) => `${ISSUES_DIR}/${path}`)];
  const issues: { read: ReadResult }[] = [];
  let index = 0;
  for await (const file of source.readMany(paths)) {
    const read = readResult(file);
    if (index >= entryPaths.length) {
      issues.push({ read });
      continue;
    }
    const path = entryPaths[index++]!;
    diagnostics.push(...read.diagnostics);
    if (!read.source) continue;
    files.push(read.source);
    const parsed = parseMarkdownFile(read.source, entrySchema, '稿件');
    diagnostics.push(...parsed.diagnostics);
    if (parsed.data) {
      content.entries.push({ id: entryIdFromPath(path), file: read.source.path, data: parsed.data, body: parsed.body, bodyLine: parsed.bodyLine, positions: parsed.positions });
    }
  }
  const images = new ImageReader(source);
  await Promise.all(content.entries.map(async (entry) => (entry.images = await images.references(entry.file, entry.body, entry.bodyLine))));
  for (const { read } of issues) {
    diagnostics.push(...read.diagnostics);
    if (!read.source) continue;
    files.push(read.source);
    const parsed = parseMarkdownFile(read.source, issueSchema, '期刊');
    diagnostics.push(...parsed.diagnostics);
    if (parsed.data) {
      content.issues.push({ file: read.source.path, data: parsed.data, note: parsed.body.trim(), noteLine: parsed.bodyLine, positions: parsed.positions });
    }
  }
  return content;
}
