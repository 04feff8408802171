/**
 * Read one file to import and turn it into a Markdown syntax tree, by kind:
 * Word (.docx, through mammoth's HTML), web pages (.html), plain text
 * (.txt) and Markdown (.md). Text encodings are detected (UTF-8, GBK/GB18030,
 * Big5) and always reported, never guessed silently.
 */
import { errnoReason } from '../../errno.ts';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Root, RootContent, Text } from 'mdast';
import mammoth from 'mammoth';
import { decode, toLf, type Encoding } from '../../load/decode.ts';
import { splitFrontMatter } from '../../load/frontmatter.ts';
import { parseBody } from '../blocks.ts';
import { cleanWebPage, cleanWordHtml, splitSignOffParagraphs, type Removed } from './html.ts';
import { applyWordNumbering } from './numbering.ts';
import { cleanPageItems, cleanTextPage, removeMarkers } from './text-page.ts';
import { stripBylines } from './chrome.ts';
import {
  captionsAsAltText,
  hastToMdast,
  paragraphsFromLines,
  parseHtml,
  plainText,
  recoverOfficialHeadings,
} from './markdown.ts';
import { UserError } from '../../errors.ts';
import { findBulletin } from './bulletin.ts';

export type SourceKind = 'docx' | 'doc' | 'html' | 'text' | 'markdown';

export const SOURCE_KIND_NAMES: Record<SourceKind, string> = {
  docx: 'Word 文档',
  doc: '旧版 Word 文档',
  html: '网页',
  text: '文本文件',
  markdown: 'Markdown 文件',
};

/** What to import: a file, or text given directly (standard input: a paste). */
export type ImportInput = string | { label: string; bytes: Buffer; kind: SourceKind };

/** An image found in a Word file, referenced from the tree by `placeholder`. */
export interface SourceImage {
  placeholder: string;
  extension: string;
  data: Buffer;
}

export interface ImportSource {
  kind: SourceKind;
  encoding?: Encoding;
  tree: Root;
  /** A title the source states outside its text (a web page's h1 or <title>). */
  title?: string;
  /** A date the page chrome states (发布时间), ISO. */
  pageDate?: string;
  removed: Removed[];
  images: SourceImage[];
  /** Things the clerk should know, in Chinese. */
  notes: string[];
  /** The source is a whole bulletin (masthead and 版记 removed): its entries are split by bulletin rules. */
  bulletin?: boolean;
}

type Cleaned = {
  kept: RootContent[];
  title?: string | undefined;
  pageDate?: string | undefined;
  removed: Removed[];
  bulletin?: boolean;
};

/** A whole bulletin loses its masthead and 版记 (and is no web page); anything else goes through the page chrome rules. */
function cleanNodes(nodes: RootContent[], knownTitle?: string): Cleaned {
  const bulletin = findBulletin(nodes);
  if (bulletin)
    return { kept: bulletin.nodes, pageDate: bulletin.issueDate, removed: bulletin.removed, bulletin: true };
  return cleanPageItems(
    nodes,
    (node) => (node.type === 'paragraph' || node.type === 'heading' ? plainText(node) : undefined),
    stripNodeBylines,
    knownTitle,
  );
}

function bulletinFields(page: Cleaned): Pick<ImportSource, 'bulletin' | 'notes'> {
  return page.bulletin
    ? { bulletin: true, notes: ['这是一期简报：版头、版记和编者按已去掉，正文中没有日期的稿件取本期的编发日期'] }
    : { notes: [] };
}

/** Why a file cannot be imported, in Chinese. */
export class ImportError extends UserError {}

function sourceKind(path: string): SourceKind | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.docx') return 'docx';
  if (extension === '.doc' || extension === '.wps') return 'doc';
  if (extension === '.html' || extension === '.htm' || extension === '.shtml') return 'html';
  if (extension === '.txt' || extension === '.text') return 'text';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return undefined;
}

function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const decoded = decode(bytes);
  if (decoded.binary)
    throw new ImportError('这不是文本文件（可能是 Word 等二进制格式：.docx、.doc、.wps 文件请保留原扩展名再导入）');
  if (!decoded.encoding)
    throw new ImportError(
      '无法识别文件编码（不是 UTF-8，也不像 GBK/GB18030 或 Big5）；请用文本编辑器以 UTF-8 另存后再导入',
    );
  return { text: toLf(decoded.text), encoding: decoded.encoding };
}

async function fromDocx(bytes: Buffer): Promise<ImportSource> {
  const images: SourceImage[] = [];
  let result: { value: string; messages: { type: string; message: string }[] };
  let numbered: number;
  try {
    const withNumbers = await applyWordNumbering(bytes);
    numbered = withNumbers.numbered;
    result = await mammoth.convertToHtml(
      { buffer: withNumbers.buffer },
      {
        convertImage: mammoth.images.imgElement(async (image) => {
          const extension = (image.contentType.split('/')[1] ?? 'png').replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '');
          const placeholder = `jianbao-image-${images.length + 1}.${extension}`;
          images.push({ placeholder, extension, data: Buffer.from(await image.readAsBuffer()) });
          return { src: placeholder };
        }),
      },
    );
  } catch {
    throw new ImportError(`无法读取 Word 文档（文件损坏，或不是 .docx 格式）。${SAVE_AS_DOCX}`);
  }
  const hast = parseHtml(result.value);
  const removed = cleanWordHtml(hast);
  const signOffs = splitSignOffParagraphs(hast);
  const tree = hastToMdast(hast);
  const recovered = recoverOfficialHeadings(tree);
  const captions = captionsAsAltText(tree);
  // A Word file is often a web page pasted into Word: the same chrome rules as for text.
  const page = cleanNodes(tree.children);
  tree.children = page.kept;
  removed.push(...page.removed);
  const { notes, ...bulletin } = bulletinFields(page);
  if (recovered) notes.push(`按“一、（一）1.（1）”恢复了 ${recovered} 个小标题`);
  if (numbered) notes.push(`保留了 Word 自动编号 ${numbered} 处（照 Word 显示的序号写成文字）`);
  if (signOffs) notes.push(`用制表符或空格隔开的落款 ${signOffs} 处分成了单位、日期两行`);
  if (captions) notes.push(`${captions} 张图片下方的图片说明用作图片说明文字`);
  const warnings = result.messages.filter((message) => message.type === 'warning').length;
  if (warnings) notes.push(`Word 文档中有 ${warnings} 处格式无法转换（如文本框、批注），请对照原件核对`);
  return {
    kind: 'docx',
    tree,
    ...(page.title ? { title: page.title } : {}),
    ...(page.pageDate ? { pageDate: page.pageDate } : {}),
    removed,
    images,
    notes,
    ...bulletin,
  };
}

/** Bylines glued to the start or end of a paragraph's text; undefined when nothing is left. */
function stripNodeBylines(node: RootContent, removed: Removed[]): RootContent | undefined {
  if (node.type !== 'paragraph') return node;
  const ends = [node.children[0], node.children.at(-1)].filter(
    (child, index, all) => child?.type === 'text' && all.indexOf(child) === index,
  ) as Text[];
  for (const child of ends) child.value = stripBylines(child.value, removed);
  return plainText(node) === '' && node.children.every((child) => child.type === 'text') ? undefined : node;
}

function fromHtml(bytes: Uint8Array): ImportSource {
  const { text, encoding } = decodeText(bytes);
  // A bulletin saved as a web page is no site page: its masthead and 版记 go, nothing else (the web rules would take its date line).
  const whole = hastToMdast(parseHtml(text));
  const wholeRecovered = recoverOfficialHeadings(whole);
  const found = findBulletin(whole.children);
  if (found) {
    const page: Cleaned = { kept: found.nodes, pageDate: found.issueDate, removed: found.removed, bulletin: true };
    const { notes, ...bulletin } = bulletinFields(page);
    if (wholeRecovered) notes.push(`按“一、（一）1.（1）”恢复了 ${wholeRecovered} 个小标题`);
    // As for any web page: its images are not imported (remote, or data: URLs no entry can use).
    const images = dropImages(found.nodes);
    if (images) notes.push(`网页中的 ${images} 张图片未导入（站点不引用外网图片；需要时请另存后手工加入）`);
    return {
      kind: 'html',
      encoding,
      tree: { type: 'root', children: found.nodes },
      ...(found.issueDate ? { pageDate: found.issueDate } : {}),
      removed: found.removed,
      images: [],
      notes,
      ...bulletin,
    };
  }
  const page = cleanWebPage(parseHtml(text));
  const tree = hastToMdast(page.tree);
  const recovered = recoverOfficialHeadings(tree);
  // What the page's markup did not mark as chrome goes by the shared line rules (bylines, the tail, a title above the article).
  const lines = cleanNodes(tree.children, page.title);
  tree.children = lines.kept;
  const title = lines.bulletin ? undefined : (page.title ?? lines.title);
  const pageDate = lines.pageDate ?? page.pageDate;
  const { notes, ...bulletin } = bulletinFields(lines);
  if (recovered) notes.push(`按“一、（一）1.（1）”恢复了 ${recovered} 个小标题`);
  if (page.images) notes.push(`网页中的 ${page.images} 张图片未导入（站点不引用外网图片；需要时请另存后手工加入）`);
  return {
    kind: 'html',
    encoding,
    tree,
    ...(title ? { title } : {}),
    ...(pageDate ? { pageDate } : {}),
    removed: [...page.removed, ...lines.removed],
    images: [],
    notes,
    ...bulletin,
  };
}

/** Remove the images of a tree's nodes (in place), and paragraphs left with nothing; how many images went. */
function dropImages(nodes: RootContent[]): number {
  let dropped = 0;
  const walk = (children: RootContent[]): RootContent[] =>
    children.flatMap((node): RootContent[] => {
      if (node.type === 'image' || node.type === 'imageReference') {
        dropped++;
        return [];
      }
      if (!('children' in node)) return [node];
      const had = node.children.length;
      (node as { children: RootContent[] }).children = walk(node.children);
      return node.type === 'paragraph' &&
        had > 0 &&
        plainText(node) === '' &&
        node.children.every((child) => child.type === 'text' || child.type === 'break')
        ? []
        : [node];
    });
  const kept = walk(nodes);
  nodes.splice(0, nodes.length, ...kept);
  return dropped;
}

/** Plain text: one paragraph a line (as text copied from a page, Word or WeChat comes), page chrome removed. */
function fromPlainText(
  text: string,
): Pick<ImportSource, 'tree' | 'title' | 'pageDate' | 'removed' | 'bulletin' | 'notes'> {
  const markers: Removed[] = [];
  const lines = removeMarkers(text, markers)
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''))
    .filter(Boolean);
  const bulletin = findBulletin(paragraphsFromLines(lines).children);
  if (bulletin) {
    const page: Cleaned = {
      kept: bulletin.nodes,
      pageDate: bulletin.issueDate,
      removed: bulletin.removed,
      bulletin: true,
    };
    return {
      tree: { type: 'root', children: bulletin.nodes },
      ...(bulletin.issueDate ? { pageDate: bulletin.issueDate } : {}),
      removed: [...markers, ...bulletin.removed],
      ...bulletinFields(page),
    };
  }
  const page = cleanTextPage(text);
  return {
    tree: paragraphsFromLines(page.lines),
    ...(page.title ? { title: page.title } : {}),
    ...(page.pageDate ? { pageDate: page.pageDate } : {}),
    removed: page.removed,
    notes: [],
  };
}

function fromText(bytes: Uint8Array): ImportSource {
  const { text, encoding } = decodeText(bytes);
  return { kind: 'text', encoding, ...fromPlainText(text), images: [] };
}

const SAVE_AS_DOCX =
  '请在 Word 中打开，点“文件 → 另存为”，保存类型选“Word 文档（*.docx）”；WPS 文字中点“文件 → 另存为”，文件类型选“Word 文件（*.docx）”，再导入 .docx';

/** Word 97–2003 (.doc) and WPS (.wps, the same binary format) through word-extractor: text only. */
async function fromDoc(bytes: Buffer): Promise<ImportSource> {
  let body: string;
  try {
    const { default: WordExtractor } = await import('word-extractor');
    body = (await new WordExtractor().extract(bytes)).getBody();
  } catch {
    throw new ImportError(`无法读取这个旧版 Word/WPS 文件（可能已损坏，或是较新的 WPS 专用格式）。${SAVE_AS_DOCX}`);
  }
  const page = fromPlainText(toLf(body).replace(/\r/g, '\n'));
  const notes = [
    '旧版 Word/WPS 文件只读出了文字：图片、表格线和自动编号（如“一、”“（一）”）不在其中，请对照原件核对；需要时另存为 .docx 再导入',
    ...(page.notes ?? []),
  ];
  return { kind: 'doc', ...page, images: [], notes };
}

function fromMarkdown(bytes: Uint8Array): ImportSource {
  const { text, encoding } = decodeText(bytes);
  const split = splitFrontMatter(text);
  const notes = split.yaml !== undefined ? ['文件原有的前置信息未沿用，已按导入参数和正文重新生成'] : [];
  return { kind: 'markdown', encoding, tree: parseBody(split.body), removed: [], images: [], notes };
}

/** Read a file (or given text) and convert it to a Markdown tree. Throws ImportError for input that cannot be imported. */
export async function readImportSource(input: ImportInput): Promise<ImportSource> {
  let bytes: Buffer;
  let kind: SourceKind | undefined;
  if (typeof input === 'string') {
    if ((await stat(input).catch(() => undefined))?.isDirectory())
      throw new ImportError('这是一个文件夹：写出其中要导入的文件，如 jianbao import 文件夹/*.docx');
    kind = sourceKind(input);
    if (!kind) throw new ImportError('不支持的文件类型：只能导入 .docx、.doc、.wps、.html、.txt、.md 文件');
    try {
      bytes = await readFile(input);
    } catch (error) {
      throw new ImportError(`无法读取文件：${errnoReason((error as NodeJS.ErrnoException).code)}`);
    }
  } else {
    ({ bytes, kind } = input);
  }
  if (bytes.length === 0 || (kind === 'text' && !bytes.toString('utf8').trim()))
    throw new ImportError(typeof input === 'string' ? '文件是空的' : '没有读到任何文字');
  // Word files as portals and mail give them: a web page saved as .doc, a .docx renamed .doc, and the other way round.
  const actual = kind === 'doc' || kind === 'docx' ? sniffWordKind(bytes) : undefined;
  if (actual && actual !== kind) {
    const source = await readAs(actual, bytes);
    source.notes.unshift(
      `文件扩展名是 ${extname(typeof input === 'string' ? input : '').toLowerCase() || `.${kind}`}，内容其实是${SOURCE_KIND_NAMES[actual]}，已按${SOURCE_KIND_NAMES[actual]}导入`,
    );
    return source;
  }
  return readAs(kind, bytes);
}

/** What a .doc/.docx file really holds, by its first bytes: a zip (.docx), an OLE file (.doc), or a web page. */
function sniffWordKind(bytes: Buffer): SourceKind | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'doc';
  const head = bytes
    .subarray(0, 2048)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (/^<(?:!doctype\s+html|html|\?xml[^>]*>\s*<html)/i.test(head)) return 'html';
  return undefined;
}

async function readAs(kind: SourceKind, bytes: Buffer): Promise<ImportSource> {
  switch (kind) {
    case 'docx':
      return fromDocx(bytes);
    case 'doc':
      return fromDoc(bytes);
    case 'html':
      return fromHtml(bytes);
    case 'text':
      return fromText(bytes);
    case 'markdown':
      return fromMarkdown(bytes);
  }
}
