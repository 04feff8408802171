/**
 * The images an entry shows, named for the site by their content: the same
 * bytes always get the same `media/<sha256-12>.<ext>`, whatever the file is
 * called or however many entries show it, so unchanged images keep their
 * URL across builds and a changed image gets a new one.
 */
import { IMAGE_FORMATS, isShowable, type ImageReference } from '../load/images.ts';
import type { CompiledImage } from '../model/issue.ts';
import { MEDIA_DIR } from '../paths.ts';

/** Hex digits of the sha256 kept in the output name. */
const MEDIA_HASH_LENGTH = 12;

type Showable = Extract<ImageReference['target'], { kind: 'file' }> & {
  format: keyof typeof IMAGE_FORMATS;
  sha256: string;
};

function outputName(target: Showable): string {
  return `${MEDIA_DIR}/${target.sha256.slice(0, MEDIA_HASH_LENGTH)}.${IMAGE_FORMATS[target.format].output}`;
}

/**
 * An image the check found was deleted or became unreadable before the site
 * was compiled: the build fails (never a placeholder in its place); the
 * message is Chinese.
 */
export class ImageVanishedError extends Error {
  override name = 'ImageVanishedError';
}

/** Throw ImageVanishedError when an image that passed the check can no longer be read. */
export function requireImageBytes(references: readonly ImageReference[], entryFile: string): void {
  for (const { target, line, column } of references) {
    if (target.kind === 'file' && target.format !== undefined && target.sha256 === undefined) {
      throw new ImageVanishedError(
        `${entryFile}:${line}:${column} 的图片 ${target.path} 在检查之后被删除或无法读取，站点没有生成；放回图片（或删去这张图片）后重新运行`,
      );
    }
  }
}

/** The references that can be shown (validate/images.ts reports the others), in body order. */
export function compileImages(references: readonly ImageReference[]): CompiledImage[] {
  return references.flatMap(({ target, alt }) =>
    isShowable(target)
      ? [
          {
            source: target.path,
            output: outputName(target),
            sha256: target.sha256,
            mime: IMAGE_FORMATS[target.format].mime,
            alt,
          },
        ]
      : [],
  );
}

/** Destination as written → output path, for the renderer. */
export function imageOutputs(references: readonly ImageReference[]): Map<string, string> {
  return new Map(
    references.flatMap(({ url, target }) => (isShowable(target) ? [[url, outputName(target)] as const] : [])),
  );
}
