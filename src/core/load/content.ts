/**
 * Load a content directory: read each file once, decode it, split front
 * matter, parse and validate each file on its own. Cross-file rules live in
 * `validate/`.
 */
import { realpath } from 'node:fs/promises';
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import {
  ENTRIES_DIR,
  entryIdFromPath,
  isIgnoredName,
  ISSUES_DIR,
  SETTINGS_FILES,
  type SettingsKind,
} from '../paths.ts';
import { entrySchema, type EntryData } from '../schema/entry.ts';
import { issueSchema, type IssueData } from '../schema/issue.ts';
import { peopleSchema, type Person } from '../schema/people.ts';
import { recipientsSchema, type Recipients } from '../schema/recipients.ts';
import { siteSchema, type SiteSettings } from '../schema/site.ts';
import { unitsSchema, type Unit } from '../schema/units.ts';
import { decode, ENCODING_NAMES, toLf, type Encoding } from './decode.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { findImages, ImageReader, type FoundImage, type ImageReference } from './images.ts';
import { structureProblem } from './structure.ts';
import { parseYaml, PositionIndex, type ParsedYaml } from './yaml.ts';
import { FileSystemSource } from '../source/fs.ts';
import type { ContentSource, FileInfo, FileRead } from '../source/source.ts';
import { listMarkdown as listFolder, type Listing, type ListProblem } from './list-files.ts';
import type { LoadedArchive } from '../archive/load.ts';
import type { FileStates } from './file-states.ts';

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
  /**
   * Folders under entries/ (with a trailing `/`; `''` for entries/ itself)
   * that could not be listed and were reported: the entries in them are not
   * missing, only unread.
   */
  unlistedEntryFolders?: string[];
  /**
   * units.yaml or people.yaml when it is there but could not be read or does
   * not validate: its own errors are reported, and the entries' units or
   * leaders are not checked against the empty list it leaves (one bad line
   * would otherwise bring an unknown-unit error for every entry).
   */
  unreadableSettings?: ('units' | 'people')[];
}

/**
 * The Markdown files under `folder`. On the file system, walked folder by
 * folder (list-files.ts): unreadable folders and links out of the content
 * are reported, not silently skipped or followed; other sources list.
 */
async function listMarkdown(source: ContentSource, folder: string): Promise<Listing> {
  if (source instanceof FileSystemSource) return listFolder(source.dir, folder);
  const paths = (await source.list(folder))
    .filter((name) => name.toLowerCase().endsWith('.md') && !name.split('/').some(isIgnoredName))
    .sort();
  return { paths, problems: [], unlisted: [] };
}

/** A problem listing entries/ or issues/ as a diagnostic naming the path. */
function listDiagnostic(problem: ListProblem): Diagnostic {
  const at = { line: 1, column: 1 };
  if (problem.kind === 'outside') return outsideDiagnostic({ path: problem.path, target: problem.target ?? '' });
  if (problem.kind === 'not-a-folder') {
    return diagnostic('file/read', problem.path, at, `${problem.path} 应是一个文件夹，却是一个文件`, {
      hint: `把这个文件改名或移走，新建文件夹 ${problem.path}/ 存放${problem.path.startsWith(ENTRIES_DIR) ? '稿件' : '期刊'}`,
    });
  }
  return diagnostic(
    'file/read',
    problem.path,
    at,
    `无法读取文件夹 ${problem.path}：${ERROR_REASONS[problem.code ?? ''] ?? `系统错误 ${problem.code ?? '（没有错误代码）'}`}，其中的文件未检查`,
    {
      hint: '检查这个文件夹的权限（ls -ld），让运行 jianbao 的用户可以读取和进入它',
    },
  );
}

/** A settings file reached through a link leading out of the content directory (with where it leads, on the file system), or undefined. */
async function outsideLink(source: ContentSource, path: string): Promise<{ path: string; target: string } | undefined> {
  if (!(await source.stat(path))?.outside) return undefined;
  const target = source instanceof FileSystemSource ? await realpath(`${source.dir}/${path}`).catch(() => '') : '';
  return { path, target };
}

function outsideDiagnostic(link: { path: string; target: string }): Diagnostic {
  return diagnostic(
    'file/outside',
    link.path,
    { line: 1, column: 1 },
    `${link.path} 是指向内容目录之外的链接${link.target ? `（${link.target}）` : ''}，不会读取`,
    {
      hint: '把文件或文件夹本身复制到内容目录中，删除这个链接',
    },
  );
}

/** Why a file or folder could not be read, by error code. */
const ERROR_REASONS: Record<string, string> = {
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  ENOENT: '不存在',
  EISDIR: '这是一个文件夹，不是文件',
  ELOOP: '链接指向自己（循环链接）',
  EIO: '磁盘读写错误',
  ENAMETOOLONG: '路径过长',
};

/**
 * The earlier path whose entry id equals this one's after NFC (NFD and NFC
 * spellings, CJK compatibility ideographs), recording this one when none.
 */
function twinOf(ids: Map<string, string>, id: string, path: string): string | undefined {
  const earlier = ids.get(id);
  if (earlier === undefined) ids.set(id, path);
  return earlier;
}

/** An entry file skipped as the twin of `earlier` (the path of the file with the same id after NFC). */
export function duplicateIdDiagnostic(file: string, earlier: string): Diagnostic {
  return diagnostic(
    'entry/duplicate-id',
    file,
    { line: 1, column: 1 },
    `稿件文件名与 ${earlier} 只是 Unicode 写法不同，是同一篇稿件`,
    {
      hint: '两个文件名看起来一样（一个用了组合字符或兼容汉字）：合并为一个文件，删除另一个',
    },
  );
}

export interface ReadResult {
  source: SourceFile | undefined;
  diagnostics: Diagnostic[];
  /** The file does not exist (ENOENT). */
  missing?: boolean;
}

/** Read and decode one file, with hygiene diagnostics. */
export async function readSource(source: ContentSource, path: string): Promise<ReadResult> {
  return readResult(await source.read(path));
}

/** A file that could not be read (`code`: ENOENT, EISDIR…). */
function unreadable(path: string, code: string | undefined): ReadResult {
  const reason =
    code === 'EISDIR'
      ? '这是一个文件夹，不是文件'
      : code === 'EACCES' || code === 'EPERM'
        ? '没有读取权限'
        : code === 'ENOENT'
          ? '文件不存在'
          : `系统错误 ${code ?? '未知'}`;
  return {
    source: undefined,
    ...(code === 'ENOENT' ? { missing: true } : {}),
    diagnostics: [
      diagnostic('file/read', path, { line: 1, column: 1 }, `无法读取文件：${reason}`, {
        hint: code === 'EISDIR' ? '文件夹名不要以 .md 结尾' : '检查文件是否存在、是否有读取权限',
      }),
    ],
  };
}

function readResult(read: FileRead): ReadResult {
  return read.bytes ? sourceFromBytes(read.path, read.bytes, read.text) : unreadable(read.path, read.code);
}

/** Decode bytes read from `path` into a source file, with hygiene diagnostics (`plain`: decoded already, FileRead `text`). */
export function sourceFromBytes(path: string, bytes: Uint8Array, plain?: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const decoded = decode(bytes, plain);
  const at = { line: 1, column: 1 };
  if (decoded.binary) {
    diagnostics.push(
      diagnostic('file/binary', path, at, '这不是文本文件（可能是 Word 文档或图片改了扩展名）', {
        hint: '用 jianbao import 导入 Word 文件，或删除此文件',
      }),
    );
    return { source: undefined, diagnostics };
  }
  if (!decoded.encoding) {
    diagnostics.push(
      diagnostic('encoding/unknown', path, at, '无法识别文件编码（不是 UTF-8，也不像 GBK 或 Big5）', {
        hint: '用文本编辑器以 UTF-8 编码另存此文件',
      }),
    );
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
    diagnostics.push(
      diagnostic('encoding/bom', path, at, '文件开头有 BOM（字节顺序标记）', {
        hint: '运行 jianbao check --fix 删除，或以“UTF-8 无 BOM”另存',
        fixable: true,
      }),
    );
  }
  if (decoded.crlf) {
    diagnostics.push(
      diagnostic('encoding/crlf', path, at, '文件使用 Windows 换行符（CRLF）', {
        hint: '运行 jianbao check --fix 改为 LF 换行',
        fixable: true,
      }),
    );
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

export interface MarkdownParse<T> {
  data: T | undefined;
  body: string;
  bodyLine: number;
  positions: PositionIndex;
  diagnostics: Diagnostic[];
}

/** Parse a Markdown file with required front matter. */
export function parseMarkdownFile<S extends z.ZodType>(
  source: SourceFile,
  schema: S,
  what: string,
): MarkdownParse<z.output<S>> {
  const at = { line: 1, column: 1 };
  const empty = new PositionIndex(at);
  if (source.text.trim() === '') {
    return {
      data: undefined,
      body: '',
      bodyLine: 1,
      positions: empty,
      diagnostics: [
        diagnostic('file/empty', source.path, at, `${what}文件是空的`, { hint: '写入前置信息和正文，或删除此文件' }),
      ],
    };
  }
  const split = splitFrontMatter(source.text);
  if (split.yaml === undefined) {
    return {
      data: undefined,
      body: split.body,
      bodyLine: 1,
      positions: empty,
      diagnostics: [
        diagnostic('frontmatter/missing', source.path, at, `${what}缺少前置信息（第一行应为 ---）`, {
          hint: '在文件开头加上 --- 包起来的前置信息，可用 jianbao new 生成模板',
        }),
      ],
    };
  }
  if (split.unclosed) {
    return {
      data: undefined,
      body: '',
      bodyLine: split.bodyLine,
      positions: empty,
      diagnostics: [
        diagnostic('frontmatter/unclosed', source.path, at, '前置信息以 --- 开始，但没有结束的 --- 行', {
          hint: '在前置信息最后一个键之后加一行 ---',
        }),
      ],
    };
  }
  const parsed = parseYaml({ text: split.yaml, file: source.path, firstLine: split.yamlLine }, schema);
  source.fullWidthColons = parsed.fullWidthColons;
  return {
    data: parsed.data,
    body: split.body,
    bodyLine: split.bodyLine,
    positions: parsed.positions,
    diagnostics: parsed.diagnostics,
  };
}

/**
 * The body as the Markdown tools may see it: past a nesting or size bound
 * (structure.ts) it is reported at its line and replaced by an empty body, so
 * no parser ever recurses into it; the error keeps the site from being built.
 */
export function boundedBody(file: string, body: string, bodyLine: number, diagnostics: Diagnostic[]): string {
  const problem = structureProblem(body);
  if (!problem) return body;
  diagnostics.push(
    diagnostic('markdown/too-deep', file, { line: bodyLine + problem.line, column: problem.column }, problem.message, {
      hint: problem.hint,
    }),
  );
  return '';
}

/** What loading a Markdown file gave: reused while the file is unchanged (file-states.ts). */
export interface MarkdownLoad<T> {
  read: ReadResult;
  parsed: MarkdownParse<T> | undefined;
  /** The body bounded for the Markdown tools (boundedBody) and what that reported. */
  bounded?: { body: string; diagnostics: Diagnostic[] };
  /** The images an entry's body shows (found on first use). */
  images?: FoundImage[];
}

/** What loading a settings file gave. */
export interface SettingsLoad {
  read: ReadResult;
  parsed: ParsedYaml<unknown> | undefined;
}

export interface LoadOptions {
  /** Read the entries and issues on a worker thread (default: for large directories, see read-files.ts). */
  parallelRead?: boolean;
  /**
   * What earlier loads read (the project's): files whose stamp is unchanged
   * are taken from it instead of being read and parsed again; it is updated
   * with this load's files.
   */
  states?: FileStates;
  /**
   * A recheck told what changed (with `states`): only these paths (relative
   * to the content directory) may differ from the last load; every other
   * file is taken as it was read, without being stamped again (unless it was
   * racy then). Paths that may be folders make it list everything again.
   */
  recheck?: Recheck;
  /** Told how the content was assembled (with `states`), for a recheck that patches it. */
  index?: (index: LoadIndex) => void;
}

/** What a recheck is told, and what loads keep for the next recheck (in memory only). */
export interface Recheck {
  /** Undefined: anything may have changed (every file is stamped, everything listed). */
  changed: ReadonlySet<string> | undefined;
  kept: RecheckMemory;
}

export interface RecheckMemory {
  /** The last load's listings of entries/ and issues/. */
  listings?: [Listing, Listing];
  /** What each entry's or issue's load gives the content, reused while the load is (the same object). */
  records: WeakMap<object, LoadPart>;
}

/** What one entry or issue file gives the content, past what reading it reported. */
export interface LoadPart {
  /** An entry's id. */
  id: string | undefined;
  /** What parsing and bounding it reported. */
  diagnostics: Diagnostic[];
  /** The record, when it parsed. */
  record: EntryRecord | IssueRecord | undefined;
}

/** What one entry or issue file gives the content (its record, its diagnostics). */
export function loadPart(load: MarkdownLoad<unknown>, id: string | undefined): LoadPart {
  const { read, parsed, bounded } = load;
  const source = read.source;
  if (!source || !parsed) return { id, diagnostics: [], record: undefined };
  const diagnostics = bounded && parsed.data ? [...parsed.diagnostics, ...bounded.diagnostics] : parsed.diagnostics;
  if (!parsed.data || !bounded) return { id, diagnostics, record: undefined };
  const record: EntryRecord | IssueRecord =
    id !== undefined
      ? {
          id,
          file: source.path,
          data: parsed.data as EntryData,
          body: bounded.body,
          bodyLine: parsed.bodyLine,
          positions: parsed.positions,
        }
      : {
          file: source.path,
          data: parsed.data as IssueData,
          note: bounded.body.trim(),
          noteLine: parsed.bodyLine,
          positions: parsed.positions,
        };
  return { id, diagnostics, record };
}

/** Extensions of files a check never lists (images, read afresh by every check): their change does not change the listings. */
export const NOT_LISTED = /\.(jpe?g|png|gif|webp|svg|bmp|tiff?|avif)$/i;

/**
 * The listing of `folder` after `changed`, from the last one, or undefined
 * when it must be listed again: a changed path that may be a folder (no .md,
 * not an image), a file gone (deleted or renamed: it may have been a
 * folder), or a link out of the content.
 */
async function relisted(
  source: ContentSource,
  folder: string,
  kept: Listing,
  changed: ReadonlySet<string>,
): Promise<Listing | undefined> {
  const prefix = `${folder}/`;
  let paths: string[] | undefined;
  for (const path of changed) {
    if (path === folder || prefix.startsWith(`${path}/`)) return undefined;
    if (!path.startsWith(prefix)) continue;
    const relative = path.slice(prefix.length);
    // Names never listed (and everything in folders never listed): a save's temporary file, an editor's backup.
    if (relative.split('/').some(isIgnoredName)) continue;
    if (!relative.toLowerCase().endsWith('.md')) {
      if (NOT_LISTED.test(relative)) continue;
      return undefined;
    }
    const stamp = await source.stat(path);
    if (!stamp || stamp.outside) return undefined;
    paths ??= [...kept.paths];
    // Sorted as the full listing sorts (code units).
    let low = 0;
    let high = paths.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (paths[middle]! < relative) low = middle + 1;
      else high = middle;
    }
    if (paths[low] !== relative) paths.splice(low, 0, relative);
  }
  return paths ? { ...kept, paths } : kept;
}

/** Read, parse and bound one entry or issue file (what a load keeps of it: file-states.ts). */
export function markdownLoad(file: FileRead, isEntry: boolean): MarkdownLoad<unknown> {
  const read = readResult(file);
  const parsed = read.source
    ? parseMarkdownFile(read.source, isEntry ? entrySchema : issueSchema, isEntry ? '稿件' : '期刊')
    : undefined;
  const load: MarkdownLoad<unknown> = { read, parsed };
  if (read.source && parsed?.data) {
    const reported: Diagnostic[] = [];
    load.bounded = {
      body: boundedBody(read.source.path, parsed.body, parsed.bodyLine, reported),
      diagnostics: reported,
    };
  }
  return load;
}

/**
 * How a load assembled the content from its entry and issue files, path by
 * path: what a recheck of a few modified files patches instead of loading
 * again (check-patch.ts).
 */
export interface LoadIndex {
  /** entries/… in listing order, then issues/…. */
  paths: string[];
  entryCount: number;
  /** Each path's position in `paths` (made by the first recheck that needs it). */
  at?: Map<string, number>;
  loads: MarkdownLoad<unknown>[];
  parts: LoadPart[];
  /** Skipped as the twin of an earlier entry id (entry/duplicate-id). */
  twin: boolean[];
  /** What the path added to `content.diagnostics` (undefined: nothing). */
  diagnostics: (Diagnostic[] | undefined)[];
  /** How many of `content.diagnostics` come before the paths' (the listings', the settings'). */
  head: number;
  /** The path's place in `content.files`, and in `content.entries` or `content.issues` (-1: not there). */
  fileAt: Int32Array;
  recordAt: Int32Array;
  /** The settings files' stamps (SETTINGS_FILES order) and when they were taken. */
  settingsStamps: (FileInfo | undefined)[];
  stampedAt: number;
}

/** A load index of `paths` with nothing assembled yet (every place -1, no twins). */
export function newLoadIndex(
  paths: string[],
  entryCount: number,
  loads: MarkdownLoad<unknown>[],
  head: number,
  stampedAt: number,
  settingsStamps: (FileInfo | undefined)[],
): LoadIndex {
  return {
    paths,
    entryCount,
    loads,
    parts: new Array<LoadPart>(paths.length),
    twin: new Array<boolean>(paths.length).fill(false),
    diagnostics: new Array<Diagnostic[] | undefined>(paths.length),
    head,
    fileAt: new Int32Array(paths.length).fill(-1),
    recordAt: new Int32Array(paths.length).fill(-1),
    settingsStamps,
    stampedAt,
  };
}

const SETTINGS_SCHEMAS: Record<SettingsKind, z.ZodType> = {
  settings: siteSchema,
  units: unitsSchema,
  people: peopleSchema,
  recipients: recipientsSchema,
};

/**
 * Load a content directory. Never throws for content problems: they are
 * returned as diagnostics, and the files that did parse are returned as data.
 */
export async function loadContent(from: string | ContentSource, options: LoadOptions = {}): Promise<LoadedContent> {
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

  const states = source.stamps ? options.states : undefined;
  const changed = states ? options.recheck?.changed : undefined;
  const kept = options.recheck?.kept.listings;
  const again =
    changed && kept
      ? await Promise.all([
          relisted(source, ENTRIES_DIR, kept[0], changed),
          relisted(source, ISSUES_DIR, kept[1], changed),
        ])
      : [];
  const [entryListing, issueListing] = await Promise.all([
    again[0] ?? listMarkdown(source, ENTRIES_DIR),
    again[1] ?? listMarkdown(source, ISSUES_DIR),
  ]);
  if (options.recheck) options.recheck.kept.listings = [entryListing, issueListing];
  for (const problem of [...entryListing.problems, ...issueListing.problems]) diagnostics.push(listDiagnostic(problem));
  content.unlistedEntryFolders = entryListing.unlisted;
  const entryPaths = entryListing.paths;
  const issuePaths = issueListing.paths;
  const settingsKinds = Object.keys(SETTINGS_FILES) as SettingsKind[];
  const settingsPaths = settingsKinds.map((kind) => SETTINGS_FILES[kind]);
  const paths = [
    ...entryPaths.map((path) => `${ENTRIES_DIR}/${path}`),
    ...issuePaths.map((path) => `${ISSUES_DIR}/${path}`),
  ];

  // Stamps first, then reads: a file changed after its stamp was taken has a newer stamp next time.
  // A recheck told what changed stamps only those, the settings and the files racy when last stamped.
  states?.startLoad();
  const stampedAt = Date.now();
  const stampOf = new Map<string, FileInfo | undefined>();
  const all = [...settingsPaths, ...paths];
  const toStamp = changed
    ? all.filter((path, index) => index < settingsPaths.length || changed.has(path) || !states!.settled(path))
    : all;
  const stamps = states ? await source.stamps!(toStamp) : [];
  if (states) toStamp.forEach((path, index) => stampOf.set(path, stamps[index]));
  // Told what changed: a file not stamped now is taken with the stamp that proved it unchanged.
  const stampFor = (path: string) => (changed && !stampOf.has(path) ? states!.settled(path) : stampOf.get(path));
  const reuse = <T>(path: string) => states?.take<T>(path, stampFor(path));
  const keep = (path: string, value: unknown) => states?.keep(path, stampFor(path), stampedAt, value);

  const settings = await Promise.all(
    settingsKinds.map(async (kind) => {
      const path = SETTINGS_FILES[kind];
      const link = await outsideLink(source, path);
      if (link)
        return {
          kind,
          path,
          load: { read: { source: undefined, diagnostics: [outsideDiagnostic(link)] }, parsed: undefined },
        };
      let load = reuse<SettingsLoad>(path);
      if (!load) {
        const read = await readSource(source, path);
        load = { read, parsed: read.source ? parseSettingsFile(read.source, SETTINGS_SCHEMAS[kind]) : undefined };
        keep(path, load);
      }
      return { kind, path, load };
    }),
  );

  for (const { kind, path, load } of settings) {
    const { read, parsed } = load;
    if ((kind === 'units' || kind === 'people') && read.missing !== true && parsed?.data === undefined)
      (content.unreadableSettings ??= []).push(kind);
    if (!read.source || !parsed) {
      // Only a file that does not exist is optional (or, for jianbao.yaml, missing); one that cannot be read is an error.
      const missing = read.missing === true;
      if (missing && kind !== 'settings') continue; // optional files
      if (missing) {
        diagnostics.push(
          diagnostic('file/missing', path, { line: 1, column: 1 }, `内容目录中没有 ${path}`, {
            hint: `检查 --content 指向的目录（${dir}）是否正确，或用 jianbao 的示例内容作为起点`,
          }),
        );
      } else diagnostics.push(...read.diagnostics);
      continue;
    }
    diagnostics.push(...read.diagnostics);
    files.push(read.source);
    diagnostics.push(...parsed.diagnostics);
    settingsPositions[kind] = parsed.positions;
    if (kind === 'settings') content.site = parsed.data as SiteSettings | undefined;
    else if (kind === 'units') content.units = (parsed.data as Unit[] | undefined) ?? [];
    else if (kind === 'people') content.people = (parsed.data as Person[] | undefined) ?? [];
    else content.recipients = (parsed.data as Recipients | undefined) ?? { groups: {}, names: [] };
  }

  // Entries, then issues, in path order; only the files not reusable are read (as they are read).
  const loads: (MarkdownLoad<unknown> | undefined)[] = paths.map((path) => reuse<MarkdownLoad<unknown>>(path));
  const toRead = paths.filter((_, index) => !loads[index]);
  if (toRead.length > 0) {
    const positions = new Map(paths.map((path, index) => [path, index]));
    for await (const file of source.readMany(toRead)) {
      const index = positions.get(file.path)!;
      const load = markdownLoad(file, index < entryPaths.length);
      loads[index] = load;
      keep(paths[index]!, load);
    }
  }
  // Files gone since are forgotten (nothing to forget when the listings are the last ones, unchanged).
  if (!(kept && again[0] === kept[0] && again[1] === kept[1])) {
    const seen = new Set(paths);
    states?.retain(`${ENTRIES_DIR}/`, seen);
    states?.retain(`${ISSUES_DIR}/`, seen);
  }

  const entryLoads: MarkdownLoad<unknown>[] = [];
  const entryIds = new Map<string, string>();
  const parts = options.recheck?.kept.records;
  const index = options.index
    ? newLoadIndex(paths, entryPaths.length, loads as MarkdownLoad<unknown>[], diagnostics.length, stampedAt, [
        ...settingsPaths.map((path) => stampOf.get(path)),
      ])
    : undefined;
  for (let at = 0; at < paths.length; at++) {
    const load = loads[at]!;
    const isEntry = at < entryPaths.length;
    // What the file gives the content, made once per load (a recheck reuses it while the file is unchanged).
    let part = parts?.get(load);
    if (!part) {
      part = loadPart(load, isEntry ? entryIdFromPath(entryPaths[at]!) : undefined);
      parts?.set(load, part);
    }
    const before = diagnostics.length;
    const { read } = load;
    if (read.diagnostics.length) diagnostics.push(...read.diagnostics);
    if (index) index.parts[at] = part;
    if (read.source) {
      const twin = part.id !== undefined ? twinOf(entryIds, part.id, entryPaths[at]!) : undefined;
      if (twin !== undefined) {
        diagnostics.push(duplicateIdDiagnostic(read.source.path, `${ENTRIES_DIR}/${twin}`));
        if (index) index.twin[at] = true;
      } else {
        if (index) index.fileAt[at] = files.length;
        files.push(read.source);
        if (part.diagnostics.length) diagnostics.push(...part.diagnostics);
        if (part.record && isEntry) {
          if (index) index.recordAt[at] = content.entries.length;
          content.entries.push(part.record as EntryRecord);
          entryLoads.push(load);
        } else if (part.record) {
          if (index) index.recordAt[at] = content.issues.length;
          content.issues.push(part.record as IssueRecord);
        }
      }
    }
    if (index && diagnostics.length > before) index.diagnostics[at] = diagnostics.slice(before);
  }
  if (index) options.index!(index);
  // Images are looked at every time: an image file changes without its entry changing.
  // (Most entries show none: they are done here, without a promise each.)
  const images = new ImageReader(source);
  const looking: Promise<void>[] = [];
  content.entries.forEach((entry, index) => {
    const found = (entryLoads[index]!.images ??= findImages(entry.body));
    if (found.length === 0) {
      if (entry.images?.length !== 0) entry.images = [];
    } else
      looking.push(
        images
          .references(entry.file, entry.body, entry.bodyLine, found)
          .then((references) => void (entry.images = references)),
      );
  });
  await Promise.all(looking);
  return content;
}
