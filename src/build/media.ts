/**
 * The images entries show, put where the pages load them: `media/` under the
 * site, one file per content hash (compile/images.ts names them). The build
 * copies each once into the site it is assembling, so images are swapped in
 * with the pages; `jianbao dev` serves them straight from the content
 * directory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import type { CompiledSite } from '../core/index.ts';
import { UserError } from '../core/index.ts';

/** One file of the site's `media/`: where it comes from and what its bytes must hash to. */
export interface MediaFile {
  /** Relative to the site base: `media/<sha256-12>.<ext>`. */
  output: string;
  /** Relative to the content directory. */
  source: string;
  sha256: string;
  mime: string;
}

/** Every image the site shows, once per output name. */
export function mediaFiles(site: CompiledSite): Map<string, MediaFile> {
  const files = new Map<string, MediaFile>();
  for (const issue of site.issues) {
    for (const entry of issue.entries) {
      for (const image of entry.images) {
        if (!files.has(image.output))
          files.set(image.output, {
            output: image.output,
            source: image.source,
            sha256: image.sha256,
            mime: image.mime,
          });
      }
    }
  }
  return files;
}

/** An image changed or vanished between the check and the copy; the message is Chinese. */
export class MediaError extends UserError {}

/**
 * Copy the site's images into `siteDir`. Each is read once and its hash
 * checked against the one the pages were compiled with, so a photo replaced
 * during the build never ends up under the old photo's name.
 */
export async function copyMedia(site: CompiledSite, contentDir: string, siteDir: string): Promise<number> {
  const files = [...mediaFiles(site).values()];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(contentDir, ...file.source.split('/')));
    } catch {
      throw new MediaError(`图片 ${file.source} 在生成过程中被删除或移走，请重新生成`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
      throw new MediaError(`图片 ${file.source} 在生成过程中被修改，请重新生成`);
    }
    const target = join(siteDir, ...file.output.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
  return files.length;
}

/**
 * Connect middleware for the dev server: `<base>media/<name>` is the content
 * file the current site shows under that name; anything else passes on.
 */
export function serveMedia(current: () => Map<string, MediaFile> | undefined, contentDir: string, base: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(base)) return next();
    const file = current()?.get(path.slice(base.length));
    if (!file) return next();
    response.setHeader('Content-Type', file.mime);
    response.setHeader('Cache-Control', 'no-cache');
    createReadStream(join(contentDir, ...file.source.split('/')))
      .on('error', () => {
        response.statusCode = 404;
        response.end();
      })
      .pipe(response);
  };
}
