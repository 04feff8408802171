/**
 * Rules for the images an entry shows: a file inside the content directory,
 * of a format every browser shows safely (PNG, JPEG, GIF, WebP); a web image
 * is never loaded by the intranet site, and a huge one makes pages slow.
 */
import { diagnostic, didYouMean, type Diagnostic } from '../diagnostics.ts';
import {
  extensionOf,
  formatOfExtension,
  IMAGE_FORMATS,
  LARGE_IMAGE_BYTES,
  type ImageReference,
} from '../load/images.ts';
import type { EntryRecord } from '../load/content.ts';

const FORMAT_NAMES = Object.values(IMAGE_FORMATS)
  .map((format) => format.name)
  .join('、');

/** `entries/2024/08/图1.png` seen from `entries/2024/08/稿件.md` → `./图1.png`. */
function relativeTo(file: string, path: string): string {
  const from = file.split('/').slice(0, -1);
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  return `${up === 0 ? './' : '../'.repeat(up)}${to.slice(common).join('/')}`;
}

/** A file of the folder named like `name`: the same but for case, else a close stem with an allowed extension. */
function nearestName(name: string, nearby: string[]): string | undefined {
  const sameButCase = nearby.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (sameButCase) return sameButCase;
  const stem = (file: string) => (file.includes('.') ? file.slice(0, file.lastIndexOf('.')) : file);
  const images = nearby.filter((candidate) => formatOfExtension(candidate) !== undefined);
  const close = didYouMean(stem(name), images.map(stem));
  return close === undefined ? undefined : images.find((candidate) => stem(candidate) === close);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function check(entry: EntryRecord, image: ImageReference): Diagnostic | undefined {
  const { file } = entry;
  const at = { line: image.line, column: image.column };
  const shown = image.url.trim();
  const { target } = image;
  const useRelative = '把图片复制到稿件所在的文件夹，写成 ![说明](./图片名.jpg)（相对于稿件文件的路径）';
  switch (target.kind) {
    case 'remote':
      return diagnostic(
        'entry/image-remote',
        file,
        at,
        `图片「${shown}」在外网，内网站点不加载外部资源，只显示“［图：${image.alt || '图片'}］”`,
        {
          hint: '把图片下载后放到稿件旁边，写成 ![说明](./图片名.jpg)',
        },
      );
    case 'not-a-path':
      return diagnostic(
        'entry/image-missing',
        file,
        at,
        shown === '' ? '图片没有写文件名' : `图片地址「${shown}」不是内容目录中的文件`,
        { hint: useRelative },
      );
    case 'outside':
      return diagnostic('entry/image-missing', file, at, `图片「${shown}」在内容目录之外`, {
        hint: `${useRelative}；图片必须在内容目录中`,
      });
    default:
      break;
  }
  const extension = extensionOf(target.path);
  if (!formatOfExtension(target.path)) {
    if (extension === 'svg' || extension === 'svgz') {
      return diagnostic('entry/image-type', file, at, `图片「${shown}」是 SVG 格式：SVG 可以带有脚本，站点不使用`, {
        hint: '把图片另存为 PNG（截图或用绘图软件导出）后引用',
      });
    }
    return diagnostic(
      'entry/image-type',
      file,
      at,
      `图片「${shown}」的格式${extension ? ` .${extension} ` : ''}浏览器无法显示（只支持 ${FORMAT_NAMES}）`,
      {
        hint: '用画图、WPS 或 Word 把图片另存为 PNG 或 JPEG 后引用',
      },
    );
  }
  if (target.kind === 'missing') {
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    const close = nearestName(name, target.nearby);
    const suggestion = close
      ? relativeTo(file, `${target.path.slice(0, target.path.length - name.length)}${close}`)
      : undefined;
    const caseOnly = close !== undefined && close.toLowerCase() === name.toLowerCase();
    return diagnostic('entry/image-missing', file, at, `图片文件「${shown}」不存在（应在 ${target.path}）`, {
      hint: suggestion
        ? `是不是「${suggestion}」？${caseOnly ? '文件名的大小写也要一致' : ''}`
        : '检查文件名，或把图片放到稿件旁边',
      ...(suggestion ? { suggestion } : {}),
    });
  }
  if (!target.format) {
    return diagnostic(
      'entry/image-type',
      file,
      at,
      `「${shown}」不是 ${FORMAT_NAMES} 图片（文件内容与扩展名 .${extension} 不符）`,
      {
        hint: '用图片软件打开后另存为 PNG 或 JPEG',
      },
    );
  }
  if (target.bytes > LARGE_IMAGE_BYTES) {
    return diagnostic(
      'entry/image-large',
      file,
      at,
      `图片「${shown}」有 ${megabytes(target.bytes)} MB，网页打开会很慢`,
      {
        hint: `压缩到 ${LARGE_IMAGE_BYTES / 1024 / 1024} MB 以内，如缩小到 2000 像素宽并另存为 JPEG`,
      },
    );
  }
  return undefined;
}

export function validateImages(entry: EntryRecord): Diagnostic[] {
  return (entry.images ?? [])
    .map((image) => check(entry, image))
    .filter((item): item is Diagnostic => item !== undefined);
}
