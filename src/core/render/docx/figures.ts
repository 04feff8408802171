/**
 * The entries' own images, embedded in the document at their size, never
 * wider than the type area nor taller than it less two lines (the caption
 * and a line of text), each in a centred paragraph of style 图片 kept with
 * its caption (图注, 楷体 4号) — as on the print page. Word cannot show WebP:
 * such an image is the note ［图：说明］, as an image the site cannot show.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImageRun, Paragraph, TextRun } from 'docx';
import { imageSize } from 'image-size';
import type { BlockOf, InlineOf } from '../../model/blocks.ts';
import type { CompiledIssue } from '../../model/issue.ts';
import { LINE_PITCH, TYPE_AREA } from './measure.ts';

type WordImageType = 'png' | 'jpg' | 'gif';

export interface LoadedImage {
  data: Uint8Array;
  type: WordImageType;
  /** Pixels (at 96 to the inch, as the browser shows them). */
  width: number;
  height: number;
}

export interface FigureContext {
  /** The image the site serves at `output` (`media/…`), when Word can show it. */
  image: (output: string) => LoadedImage | undefined;
}

const WORD_TYPES: Record<string, WordImageType> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/** Twips → pixels at 96 to the inch. */
const px = (twips: number) => (twips / 1440) * 96;
const MAX_WIDTH = px(TYPE_AREA.width);
const MAX_HEIGHT = px(TYPE_AREA.height - 2 * LINE_PITCH);

/** Every image of the issue Word can show, read from the content directory, by its output path. */
export async function loadImages(
  issue: Pick<CompiledIssue, 'entries'>,
  contentDir: string,
): Promise<Map<string, LoadedImage>> {
  const images = new Map<string, LoadedImage>();
  for (const image of issue.entries.flatMap((entry) => entry.images)) {
    const type = WORD_TYPES[image.mime];
    if (!type || images.has(image.output)) continue;
    const data = new Uint8Array(await readFile(join(contentDir, ...image.source.split('/'))));
    const size = imageSize(data);
    if (!size.width || !size.height) continue;
    images.set(image.output, { data, type, width: size.width, height: size.height });
  }
  return images;
}

/** The image's size on the page, pixels: its own, scaled down to fit the type area. */
export function fittedSize(image: Pick<LoadedImage, 'width' | 'height'>): { width: number; height: number } {
  const scale = Math.min(1, MAX_WIDTH / image.width, MAX_HEIGHT / image.height);
  // Rounded down when scaled: rounding up could make it a fraction of a pixel wider than the type area.
  const size = scale < 1 ? Math.floor : Math.round;
  return { width: Math.max(1, size(image.width * scale)), height: Math.max(1, size(image.height * scale)) };
}

function imageRun(image: LoadedImage, alt: string): ImageRun {
  return new ImageRun({
    type: image.type,
    data: image.data,
    transformation: fittedSize(image),
    altText: { name: alt || '图片', description: alt, title: alt },
  });
}

const missing = (alt: string) => new TextRun(`［图${alt ? `：${alt}` : ''}］`);

/** An image standing in a line (a link, a heading, a table cell). */
export function inlineImage(inline: InlineOf<'image'>, context: FigureContext): ImageRun | TextRun {
  const image = context.image(inline.output);
  return image ? imageRun(image, inline.alt) : missing(inline.alt);
}

/** An image on its own: the picture, then its caption. */
export function figure(block: BlockOf<'figure'>, context: FigureContext): Paragraph[] {
  const image = context.image(block.image.output);
  const picture = new Paragraph({
    style: 'Figure',
    children: [image ? imageRun(image, block.image.alt) : missing(block.image.alt)],
  });
  return block.caption
    ? [picture, new Paragraph({ style: 'Caption', children: [new TextRun(block.caption)] })]
    : [picture];
}
