/**
 * src/build/media.ts: the copy into the site refuses an image that changed
 * or vanished after the check (its bytes no longer match the name the pages
 * use), and `jianbao dev` serves the images straight from the content.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevHandle } from '../../src/build/dev.ts';
import { copyMedia, MediaError, mediaFiles } from '../../src/build/media.ts';
import { checkContent, compileSite, type CompiledSite } from '../../src/core/index.ts';
import { copyContent, tempDir } from '../helpers/index.ts';
import { JPEG, photo } from '../helpers/pictures.ts';

const PHOTO = photo();
const name = (bytes: Buffer, ext: string) =>
  `media/${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${ext}`;

async function contentWithImages(): Promise<string> {
  const content = await copyContent();
  const put = async (path: string, data: string | Buffer) => {
    await mkdir(dirname(join(content, path)), { recursive: true });
    await writeFile(join(content, path), data);
  };
  await put('entries/2024/现场.png', PHOTO);
  await put('entries/2024/整改.jpg', JPEG);
  await put(
    'entries/2024/现场照片.md',
    '---\nsection: work-updates\ndate: 2024-06-20\nunit: 应急局\n---\n6月20日检查。\n\n![现场](./现场.png)\n\n![整改](./整改.jpg)\n\n![又是现场](./现场.png)\n',
  );
  const issue = join(content, 'issues/2024-04.md');
  await writeFile(
    issue,
    (await readFile(issue, 'utf8')).replace('稿件: [2024/青石镇排查]', '稿件: [2024/青石镇排查, 2024/现场照片]'),
  );
  return content;
}

async function compiled(content: string): Promise<CompiledSite> {
  const result = await checkContent(content);
  expect(result.errors).toBe(0);
  return compileSite(result.content, result.registry);
}

describe('copyMedia', () => {
  it('writes each image once under its hashed name', async () => {
    const content = await contentWithImages();
    const site = await compiled(content);
    expect([...mediaFiles(site).keys()]).toEqual([name(PHOTO, 'png'), name(JPEG, 'jpg')]);
    const out = await tempDir('jianbao-media-');
    expect(await copyMedia(site, content, out)).toBe(2);
    expect(await readFile(join(out, name(PHOTO, 'png')))).toEqual(PHOTO);
    expect(await readFile(join(out, name(JPEG, 'jpg')))).toEqual(JPEG);
  });

  it('refuses an image replaced or removed after the check, in Chinese', async () => {
    const content = await contentWithImages();
    const site = await compiled(content);
    await writeFile(join(content, 'entries/2024/现场.png'), JPEG);
    const out = await tempDir('jianbao-media-');
    await expect(copyMedia(site, content, out)).rejects.toThrow(
      new MediaError('图片 entries/2024/现场.png 在生成过程中被修改，请重新生成'),
    );
    await rm(join(content, 'entries/2024/现场.png'));
    await expect(copyMedia(site, content, out)).rejects.toThrow(
      new MediaError('图片 entries/2024/现场.png 在生成过程中被删除或移走，请重新生成'),
    );
  });
});

describe('jianbao dev serves the images', () => {
  let server: DevHandle;
  let content: string;

  beforeAll(async () => {
    content = await contentWithImages();
    server = await startDev({ contentDir: content, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => server?.stop());

  it('from the content directory, with their type, at the URLs the page uses', async () => {
    const html = await (await fetch(new URL('zhuanbao/2024/4/', server.url))).text();
    expect(html).toContain(`<img src="/${name(PHOTO, 'png')}" alt="现场" loading="lazy">`);
    const response = await fetch(new URL(name(PHOTO, 'png'), server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PHOTO);
    const jpeg = await fetch(new URL(name(JPEG, 'jpg'), server.url));
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await jpeg.arrayBuffer())).toEqual(JPEG);
    // A name the site does not use is not served, whatever the content holds.
    expect((await fetch(new URL('media/000000000000.png', server.url))).status).toBe(404);
  });

  it('a replaced photo gets a new URL at once', async () => {
    const other = Buffer.concat([PHOTO, Buffer.from('trailing bytes')]);
    await writeFile(join(content, 'entries/2024/现场.png'), other);
    const result = await server.settled();
    expect(result.errors).toBe(0);
    const html = await (await fetch(new URL('zhuanbao/2024/4/', server.url))).text();
    expect(html).toContain(`src="/${name(other, 'png')}"`);
    expect(html).not.toContain(name(PHOTO, 'png'));
    const response = await fetch(new URL(name(other, 'png'), server.url));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(other);
  });
});
