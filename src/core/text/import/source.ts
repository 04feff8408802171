/**
 * Read one file to import and turn it into a Markdown syntax tree, by kind:
 * Word (.docx, through mammoth's HTML), web pages (.html), plain text
 * (.txt) and Markdown (.md). Text encodings are detected (UTF-8, GBK/GB18030,
 * Big5) and always reported, never guessed silently.
 */
import { errnoReason } from '../../errno.ts';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Root } from 'mdast';
import mammoth from 'mammoth';
import { decode, toLf, type Encoding } from '../../load/decode.ts';
import { splitFrontMatter } from '../../load/frontmatter.ts';
import { parseBody } from '../blocks.ts';
import { cleanWebPage, cleanWordHtml, type Removed } from './html.ts';
import { hastToMdast, paragraphsFromLines, parseHtml, recoverOfficialHeadings } from './markdown.ts';

export type SourceKind = 'docx' | 'html' | 'text' | 'markdown';

export const SOURCE_KIND_NAMES: Record<SourceKind, string> = { docx: 'Word 文档', html: '网页', text: '文本文件', markdown: 'Markdown 文件' };

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
}

/** Why a file cannot be imported, in Chinese. */
export class ImportError extends Error {}

export function sourceKind(path: string): SourceKind | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.docx') return 'docx';
  if (extension === '.html' || extension === '.htm' || extension === '.shtml') return 'html';
  if (extension === '.txt' || extension === '.text') return 'text';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return undefined;
}

function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const decoded = decode(bytes);
  if (decoded.binary) throw new ImportError('这不是文本文件（可能是 .doc 等二进制格式；旧版 .doc 请在 Word 中另存为 .docx）');
  if (!decoded.encoding) throw new ImportError('无法识别文件编码（不是 UTF-8，也不像 GBK/GB18030 或 Big5）；请用文本编辑器以 UTF-8 另存后再导入');
  return { text: toLf(decoded.text), encoding: decoded.encoding };
}

async function fromDocx(bytes: Buffer): Promise<ImportSource> {
  const images: SourceImage[] = [];
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: bytes },
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
    throw new ImportError('无法读取 Word 文档（文件损坏，或不是 .docx 格式；旧版 .doc 请在 Word 中另存为 .docx）');
  }
  const hast = parseHtml(result.value);
  const removed = cleanWordHtml(hast);
  const tree = hastToMdast(hast);
  const recovered = recoverOfficialHeadings(tree);
  const notes = recovered ? [`按“一、（一）1.（1）”恢复了 ${recovered} 个小标题`] : [];
  const warnings = result.messages.filter((message) => message.type === 'warning').length;
  if (warnings) notes.push(`Word 文档中有 ${warnings} 处格式无法转换（如文本框、批注），请对照原件核对`);
  return { kind: 'docx', tree, removed, images, notes };
}

function fromHtml(bytes: Uint8Array): ImportSource {
  const { text, encoding } = decodeText(bytes);
  const page = cleanWebPage(parseHtml(text));
  const tree = hastToMdast(page.tree);
  const recovered = recoverOfficialHeadings(tree);
  const notes: string[] = [];
  if (recovered) notes.push(`按“一、（一）1.（1）”恢复了 ${recovered} 个小标题`);
  if (page.images) notes.push(`网页中的 ${page.images} 张图片未导入（站点不引用外网图片；需要时请另存后手工加入）`);
  return { kind: 'html', encoding, tree, ...(page.title ? { title: page.title } : {}), ...(page.pageDate ? { pageDate: page.pageDate } : {}), removed: page.removed, images: [], notes };
}

function fromText(bytes: Uint8Array): ImportSource {
  const { text, encoding } = decodeText(bytes);
  // One paragraph per line, as text exported from Word or WeChat comes; indentation goes.
  const lines = text.split('\n').map((line) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '')).filter(Boolean);
  return { kind: 'text', encoding, tree: paragraphsFromLines(lines), removed: [], images: [], notes: [] };
}

function fromMarkdown(bytes: Uint8Array): ImportSource {
  const { text, encoding } = decodeText(bytes);
  const split = splitFrontMatter(text);
  const notes = split.yaml !== undefined ? ['文件原有的前置信息未沿用，已按导入参数和正文重新生成'] : [];
  return { kind: 'markdown', encoding, tree: parseBody(split.body), removed: [], images: [], notes };
}

/** Read a file and convert it to a Markdown tree. Throws ImportError for files that cannot be imported. */
export async function readImportSource(path: string): Promise<ImportSource> {
  const kind = sourceKind(path);
  if (!kind) throw new ImportError('不支持的文件类型：只能导入 .docx、.html、.txt、.md 文件');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ImportError(`无法读取文件：${errnoReason((error as NodeJS.ErrnoException).code)}`);
  }
  if (bytes.length === 0) throw new ImportError('文件是空的');
  switch (kind) {
    case 'docx':
      return fromDocx(bytes);
    case 'html':
      return fromHtml(bytes);
    case 'text':
      return fromText(bytes);
    case 'markdown':
      return fromMarkdown(bytes);
  }
}
