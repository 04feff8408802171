/**
 * Images an entry's body references: found in the Markdown with their file
 * positions, resolved relative to the entry's own file inside the content
 * directory, and looked at once (size, format sniffed from the first bytes).
 * The content hash is read only when asked for (compiling the site needs it,
 * `check` does not) and remembered while the file is unchanged. The facts
 * only: what is allowed is decided in validate/images.ts, the output name in
 * compile/images.ts.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Definition, Image, ImageReference as MdImageReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ContentSource, FileInfo } from '../source/source.ts';
import { parseBody } from '../text/blocks.ts';

/** Formats a page may show: raster images every browser displays. No SVG: it can carry script. */
export const IMAGE_FORMATS = {
  png: { extensions: ['png'], output: 'png', mime: 'image/png', name: 'PNG' },
  jpeg: { extensions: ['jpg', 'jpeg'], output: 'jpg', mime: 'image/jpeg', name: 'JPEG' },
  gif: { extensions: ['gif'], output: 'gif', mime: 'image/gif', name: 'GIF' },
  webp: { extensions: ['webp'], output: 'webp', mime: 'image/webp', name: 'WebP' },
} as const;

export type ImageFormat = keyof typeof IMAGE_FORMATS;

/** Above this an image makes the page slow (a warning, not an error). */
export const LARGE_IMAGE_BYTES = 5 * 1024 * 1024;

/** Where an image reference leads. */
export type ImageTarget =
  /** http(s) or //host: never loaded by the intranet site. */
  | { kind: 'remote' }
  /** Empty, another scheme (file:, data:), an absolute or drive path: not a file of the content. */
  | { kind: 'not-a-path' }
  /** Resolves outside the content directory (../ too far, or a link leading out). */
  | { kind: 'outside'; path: string }
  /** Inside, but no such file. `nearby`: the file names in that folder, for did-you-mean. */
  | { kind: 'missing'; path: string; nearby: string[] }
  /**
   * A file of the content: `format` is what its bytes are (undefined when not
   * an allowed image); `sha256` (hex) is read on first use, undefined if the
   * file can no longer be read.
   */
  | { kind: 'file'; path: string; bytes: number; format: ImageFormat | undefined; readonly sha256: string | undefined };

export interface ImageReference {
  /** The destination as written (Markdown escapes resolved). */
  url: string;
  alt: string;
  /** Position of the `!` in the entry file, 1-based. */
  line: number;
  column: number;
  target: ImageTarget;
}

/** An image destination before it is looked up on disk. */
export type ImagePath = Exclude<ImageTarget, { kind: 'missing' } | { kind: 'file' }> | { kind: 'path'; path: string };

/**
 * Resolve a destination written in `fromFile` (content-relative, `/`
 * separators) to a content-relative path. Query and fragment are dropped,
 * `%20` and `\` are read as a browser would.
 */
function resolveImagePath(fromFile: string, url: string): ImagePath {
  const written = url.trim();
  if (/^(https?:)?\/\//i.test(written)) return { kind: 'remote' };
  if (written === '' || /^[a-z][a-z0-9+.-]*:/i.test(written)) return { kind: 'not-a-path' };
  let path = written.split(/[?#]/)[0]!.replace(/\\/g, '/');
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not percent-encoded: keep it as written.
  }
  if (path === '' || path.startsWith('/')) return { kind: 'not-a-path' };
  const joined = posix.normalize(posix.join(posix.dirname(fromFile), path)).normalize('NFC');
  if (joined === '..' || joined.startsWith('../')) return { kind: 'outside', path: joined };
  return { kind: 'path', path: joined };
}

/** The lower-case extension of a path, without the dot ('' when none). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The allowed format a file name claims, or undefined. */
export function formatOfExtension(path: string): ImageFormat | undefined {
  const extension = extensionOf(path);
  return (Object.keys(IMAGE_FORMATS) as ImageFormat[]).find((format) =>
    (IMAGE_FORMATS[format].extensions as readonly string[]).includes(extension),
  );
}

/** The allowed format the bytes are, from their signature, or undefined. */
function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (
    bytes.length >= 8 &&
    bytes[0] === 0x89 &&
    ascii(1, 4) === 'PNG' &&
    bytes[4] === 0x0d &&
    bytes[5] === 0x0a &&
    bytes[6] === 0x1a &&
    bytes[7] === 0x0a
  )
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/** Whether a reference can be shown: a readable file of an allowed format whose name says so too. */
export function isShowable(
  target: ImageTarget,
): target is Extract<ImageTarget, { kind: 'file' }> & { format: ImageFormat; sha256: string } {
  return (
    target.kind === 'file' &&
    target.format !== undefined &&
    formatOfExtension(target.path) !== undefined &&
    target.sha256 !== undefined
  );
}

/** Hashes already computed in this process, by source and path; valid while size and mtime are unchanged (`jianbao dev` re-checks often). */
const hashes = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

function hashOf(source: ContentSource, path: string, info: FileInfo): string | undefined {
  const key = `${source.id}\0${path}`;
  const known = hashes.get(key);
  if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.sha256;
  const read = source.readSync(path);
  if (!read.bytes) return undefined;
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  hashes.set(key, { size: info.size, mtimeMs: info.mtimeMs, sha256 });
  return sha256;
}

export interface FoundImage {
  url: string;
  alt: string;
  /** Line and column inside the body. */
  line: number;
  column: number;
}

/** Call `each` for every image of a Markdown tree, inline or by reference, with its destination, in document order. */
export function visitImages(tree: Root, each: (image: Image | MdImageReference, url: string) => void): void {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const image = node;
    const url = image.type === 'image' ? image.url : definitions.get(image.identifier);
    if (url !== undefined) each(image, url);
  });
}

/** Every image of a Markdown body, in document order. */
export function findImages(body: string): FoundImage[] {
  // Most bodies have none: skip the parse.
  if (!body.includes('![')) return [];
  const found: FoundImage[] = [];
  visitImages(parseBody(body), (image, url) => {
    const start = image.position?.start;
    if (start) found.push({ url, alt: image.alt ?? '', line: start.line, column: start.column });
  });
  return found;
}

/** Looks up image files once per load, however many entries share them. */
export class ImageReader {
  private readonly targets = new Map<string, Promise<ImageTarget>>();

  constructor(private readonly source: ContentSource) {}

  /** The references of a body that starts on file line `bodyLine` of `file` (`found`: its images, when already found). */
  async references(
    file: string,
    body: string,
    bodyLine: number,
    found: FoundImage[] = findImages(body),
  ): Promise<ImageReference[]> {
    return Promise.all(
      found.map(async (image) => ({
        url: image.url,
        alt: image.alt,
        line: bodyLine + image.line - 1,
        column: image.column,
        target: await this.target(resolveImagePath(file, image.url)),
      })),
    );
  }

  private target(path: ImagePath): Promise<ImageTarget> {
    if (path.kind !== 'path') return Promise.resolve(path);
    let target = this.targets.get(path.path);
    if (!target) {
      target = this.read(path.path);
      this.targets.set(path.path, target);
    }
    return target;
  }

  private async read(path: string): Promise<ImageTarget> {
    const source = this.source;
    const info = await source.stat(path);
    if (!info) return { kind: 'missing', path, nearby: await this.nearby(path) };
    if (info.outside) return { kind: 'outside', path };
    const head = await source.read(path, 16);
    if (!head.bytes) return { kind: 'missing', path, nearby: [] };
    const format = sniffFormat(head.bytes);
    let sha256: string | undefined;
    let hashed = false;
    return {
      kind: 'file',
      path,
      bytes: info.size,
      format,
      get sha256() {
        if (!hashed) {
          sha256 = hashOf(source, path, info);
          hashed = true;
        }
        return sha256;
      },
    };
  }

  private async nearby(path: string): Promise<string[]> {
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    return (await this.source.list(folder, { recursive: false })).filter((name) => !name.toLowerCase().endsWith('.md'));
  }
}
