/**
 * Images in entries, in the core: `check` finds each image of a body at its
 * file:line:column and says what is wrong (missing, outside the content
 * directory, SVG or not an image, on the web, too big); compile lists the
 * ones it shows under content-hashed names and renders them as figures under
 * the site base. Every file is written here: real PNG and JPEG bytes.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkContent,
  compileSite,
  entryHtml,
  type CompiledEntry,
  type CompiledSite,
  type Diagnostic,
} from '../../../src/core/index.ts';
import { validateImages } from '../../../src/core/validate/images.ts';
import { loadBase, shown as line } from '../../helpers/content.ts';
import { copyContent, tempDir } from '../../helpers/index.ts';
import { JPEG, photo, png } from '../../helpers/pictures.ts';

const ENTRY_ID = '2024/现场照片';
const ENTRY_FILE = `entries/${ENTRY_ID}.md`;
const PHOTO = photo();
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let content: string;

async function put(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(join(content, path)), { recursive: true });
  await writeFile(join(content, path), data);
}

/** Write the entry with this body and list it in issue 2024-4 (a ready entry, shown on the site). */
async function entry(body: string): Promise<void> {
  await put(ENTRY_FILE, `---\nsection: work-updates\ndate: 2024-06-20\nunit: 应急局\n---\n${body}`);
  const issue = join(content, 'issues/2024-04.md');
  const text = await readFile(issue, 'utf8');
  if (!text.includes(ENTRY_ID))
    await writeFile(issue, text.replace('稿件: [2024/青石镇排查]', `稿件: [2024/青石镇排查, ${ENTRY_ID}]`));
}

async function imageDiagnostics(): Promise<Omit<Diagnostic, 'fixable'>[]> {
  const result = await checkContent(content);
  return result.diagnostics.filter((d) => d.rule.startsWith('entry/image-'));
}

/** The test entry compiled, with its body as the issue page shows it (HTML) and its plain text. */
type ShownEntry = CompiledEntry & { html: string; text: string };

function shown(site: CompiledSite): ShownEntry | undefined {
  for (const issue of site.issues) {
    const entry = issue.entries.find((item) => item.id === ENTRY_ID);
    if (entry) return { ...entry, html: entryHtml(entry, issue, site.base), text: entry.body.text };
  }
  return undefined;
}

async function compiledEntry(): Promise<ShownEntry> {
  const result = await checkContent(content);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const found = shown(compileSite(result.content, result.registry));
  expect(found).toBeDefined();
  return found!;
}

beforeEach(async () => {
  content = await copyContent();
});

describe('check: images in entries', () => {
  it('accepts images beside the entry and in a sub-folder, inline and by reference', async () => {
    await put('entries/2024/现场照片-图1.png', PHOTO);
    await put('entries/2024/图/整改.jpg', JPEG);
    await entry(
      '6月20日，区应急管理局开展检查。\n\n![检查现场](./现场照片-图1.png)\n\n![整改后][整改]\n\n[整改]: 图/整改.jpg\n',
    );
    const result = await checkContent(content);
    expect(result.errors).toBe(0);
    expect(result.diagnostics.filter((d) => d.file === ENTRY_FILE)).toEqual([]);
  });

  it('reports a missing image at its line and column, with the file that differs only in case', async () => {
    await put('entries/2024/现场照片-图1.png', PHOTO);
    await entry('6月20日，区应急管理局开展检查。\n\n检查情况见下图：![检查现场](./现场照片-图1.PNG)\n');
    expect(await imageDiagnostics()).toEqual([
      {
        rule: 'entry/image-missing',
        severity: 'error',
        file: ENTRY_FILE,
        line: 8,
        column: 9,
        message: '图片文件「./现场照片-图1.PNG」不存在（应在 entries/2024/现场照片-图1.PNG）',
        hint: '是不是「./现场照片-图1.png」？文件名的大小写也要一致',
        suggestion: './现场照片-图1.png',
      },
    ]);
  });

  it('suggests a near name only when there is one', async () => {
    await put('entries/2024/现场照片-图1.png', PHOTO);
    await entry('6月20日检查。\n\n![甲](./现场照片-图2.png)\n\n![乙](./整改.jpg)\n');
    expect((await imageDiagnostics()).map(({ line, hint, suggestion }) => ({ line, hint, suggestion }))).toEqual([
      { line: 8, hint: '是不是「./现场照片-图1.png」？', suggestion: './现场照片-图1.png' },
      { line: 10, hint: '检查文件名，或把图片放到稿件旁边', suggestion: undefined },
    ]);
  });

  it('refuses an image outside the content directory, by ../ or through a link', async () => {
    const outside = join(await tempDir('jianbao-outside-'), '外部.png');
    await writeFile(outside, PHOTO);
    await mkdir(join(content, 'entries/2024'), { recursive: true });
    await symlink(outside, join(content, 'entries/2024/链接.png'));
    await entry('6月20日检查。\n\n![甲](../../../外部.png)\n\n![乙](./链接.png)\n\n![丙](/srv/图.png)\n');
    const found = await imageDiagnostics();
    expect(found.map(({ rule, line, column, message }) => ({ rule, line, column, message }))).toEqual([
      { rule: 'entry/image-missing', line: 8, column: 1, message: '图片「../../../外部.png」在内容目录之外' },
      { rule: 'entry/image-missing', line: 10, column: 1, message: '图片「./链接.png」在内容目录之外' },
      { rule: 'entry/image-missing', line: 12, column: 1, message: '图片地址「/srv/图.png」不是内容目录中的文件' },
    ]);
    for (const d of found) expect(d.hint).toContain('![说明](./图片名.jpg)');
    // Nothing that is not the content's own file is ever shown.
    const result = await checkContent(content);
    const compiled = shown(compileSite(result.content, result.registry))!;
    expect(compiled.images).toEqual([]);
    expect(compiled.html).not.toContain('<img');
    expect(compiled.html).toContain('［图：乙］');
  });

  it('refuses SVG (script) and files that are not PNG, JPEG, GIF or WebP inside', async () => {
    await put('entries/2024/图.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await put('entries/2024/冒充.png', '<html>not a picture</html>');
    await entry('6月20日检查。\n\n- ![示意](图.svg)\n- ![照片](冒充.png)\n');
    const found = await imageDiagnostics();
    expect(
      found.map(({ rule, severity, line, column, message }) => ({ rule, severity, line, column, message })),
    ).toEqual([
      {
        rule: 'entry/image-type',
        severity: 'error',
        line: 8,
        column: 3,
        message: '图片「图.svg」是 SVG 格式：SVG 可以带有脚本，站点不使用',
      },
      {
        rule: 'entry/image-type',
        severity: 'error',
        line: 9,
        column: 3,
        message: '「冒充.png」不是 PNG、JPEG、GIF、WebP 图片（文件内容与扩展名 .png 不符）',
      },
    ]);
  });

  it('warns about a web image (shown as a note) and an image over 5 MB (shown)', async () => {
    // A real PNG followed by padding: browsers ignore bytes after IEND.
    const big = Buffer.concat([png(4, 4, () => [0, 0, 0]), Buffer.alloc(5 * 1024 * 1024)]);
    await put('entries/2024/大图.png', big);
    await entry('6月20日检查。\n\n![外网照片](https://www.example.com/a.jpg)\n\n![大图](大图.png)\n');
    expect(
      (await imageDiagnostics()).map(({ rule, severity, line, column, message }) => ({
        rule,
        severity,
        line,
        column,
        message,
      })),
    ).toEqual([
      {
        rule: 'entry/image-remote',
        severity: 'warning',
        line: 8,
        column: 1,
        message: '图片「https://www.example.com/a.jpg」在外网，内网站点不加载外部资源，只显示“［图：外网照片］”',
      },
      {
        rule: 'entry/image-large',
        severity: 'warning',
        line: 10,
        column: 1,
        message: '图片「大图.png」有 5.0 MB，网页打开会很慢',
      },
    ]);
    const compiled = await compiledEntry();
    expect(compiled.html).toContain('<p>［图：外网照片］</p>');
    expect(compiled.images.map((image) => image.source)).toEqual(['entries/2024/大图.png']);
  });
});

describe('compile: images in entries', () => {
  it('lists each shown image with its content-hashed output and renders a captioned figure under the base', async () => {
    const settings = join(content, 'jianbao.yaml');
    await writeFile(settings, (await readFile(settings, 'utf8')).replace('base: /', 'base: /bulletin/'));
    await put('entries/2024/现场照片-图1.png', PHOTO);
    await put('entries/2024/图/整改.jpeg', JPEG);
    // The same photo under another name: the same output.
    await put('entries/2024/副本.png', PHOTO);
    await entry(
      '6月20日，区应急管理局开展检查。![检查现场](./现场照片-图1.png)检查发现隐患3处。\n\n![](图/整改.jpeg)\n\n![副本](副本.png)\n',
    );
    const compiled = await compiledEntry();
    const photoName = `media/${sha(PHOTO).slice(0, 12)}.png`;
    const jpegName = `media/${sha(JPEG).slice(0, 12)}.jpg`;
    expect(compiled.images).toEqual([
      {
        source: 'entries/2024/现场照片-图1.png',
        output: photoName,
        sha256: sha(PHOTO),
        mime: 'image/png',
        alt: '检查现场',
      },
      { source: 'entries/2024/图/整改.jpeg', output: jpegName, sha256: sha(JPEG), mime: 'image/jpeg', alt: '' },
      { source: 'entries/2024/副本.png', output: photoName, sha256: sha(PHOTO), mime: 'image/png', alt: '副本' },
    ]);
    const { document } = parseHTML(`<div>${compiled.html}</div>`);
    const figures = [...document.querySelectorAll('figure')];
    expect(figures.map((figure) => figure.querySelector('img')?.getAttribute('src'))).toEqual([
      `/bulletin/${photoName}`,
      `/bulletin/${jpegName}`,
      `/bulletin/${photoName}`,
    ]);
    expect(figures.map((figure) => figure.querySelector('figcaption')?.textContent ?? null)).toEqual([
      '检查现场',
      null,
      '副本',
    ]);
    for (const img of document.querySelectorAll('img')) expect(img.getAttribute('loading')).toBe('lazy');
    // The text around the picture stays in paragraphs; no figure inside a <p>.
    expect(texts(document, 'p')).toEqual(['6月20日，区应急管理局开展检查。', '检查发现隐患3处。']);
    expect(document.querySelectorAll('p figure, p img')).toHaveLength(0);
    // The image's description is not body text (search, headline).
    expect(compiled.text).toBe('6月20日，区应急管理局开展检查。检查发现隐患3处。');
  });

  it('never renders an image URL it did not produce: raw HTML stays text, a forged media path is a note', async () => {
    await put('entries/2024/现场照片-图1.png', PHOTO);
    const name = `media/${sha(PHOTO).slice(0, 12)}.png`;
    await entry(
      `6月20日检查。\n\n<img src="/${name}" onerror="alert(1)">\n\n![伪造](/${name})\n\n![真](./现场照片-图1.png)\n`,
    );
    const result = await checkContent(content);
    const compiled = shown(compileSite(result.content, result.registry))!;
    const { document } = parseHTML(`<div>${compiled.html}</div>`);
    expect([...document.querySelectorAll('img')].map((img) => img.outerHTML)).toEqual([
      `<img src="/${name}" alt="真" loading="lazy">`,
    ]);
    expect(compiled.html).toContain('［图：伪造］');
    expect(compiled.html).toContain('&#x3C;img src=');
  });
});

function texts(document: Document, selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((node) => (node.textContent ?? '').trim());
}

describe('validateImages (the rule by itself)', () => {
  it('gives one diagnostic per image that cannot be shown, in body order, and none for an image that can', async () => {
    const body = '6月20日检查。\n\n![甲](./甲.png)\n\n![乙](https://example.com/乙.png)\n\n![丙](./丙.png)\n';
    const { entry: find } = await loadBase({
      [ENTRY_FILE]: `---\nsection: work-updates\ndate: 2024-06-20\nunit: 应急局\n---\n${body}`,
      'entries/2024/甲.png': PHOTO,
    });
    expect(validateImages(find(ENTRY_ID)).map(line)).toEqual([
      `${ENTRY_FILE}:10:1 entry/image-remote 图片「https://example.com/乙.png」在外网，内网站点不加载外部资源，只显示“［图：乙］” → 把图片下载后放到稿件旁边，写成 ![说明](./图片名.jpg)`,
      `${ENTRY_FILE}:12:1 entry/image-missing 图片文件「./丙.png」不存在（应在 entries/2024/丙.png） → 是不是「./甲.png」？`,
    ]);
  });

  it('has nothing to say about an entry without images', async () => {
    const { entry: find } = await loadBase();
    expect(validateImages(find('2024/应急检查'))).toEqual([]);
  });
});
