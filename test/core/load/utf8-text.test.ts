/**
 * The reader thread decodes what is plainly UTF-8 (utf8-text.ts) and leaves
 * everything else to decode.ts: for every kind of file a clerk's folder
 * holds, the text it gives is exactly the text decode.ts gives, and it
 * gives none where decode.ts finds anything but UTF-8 without a BOM.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/core/load/decode.ts';
import { plainUtf8 } from '../../../src/core/load/utf8-text.ts';
import { readFiles } from '../../../src/core/source/read-files.ts';
import { tempDir } from '../../helpers/index.ts';

const TEXT = '---\ntitle: 危化品专项检查\n---\n\n全区开展隐患排查。\n';

const SAMPLES: Record<string, Uint8Array> = {
  utf8: Buffer.from(TEXT),
  'utf8 with CRLF': Buffer.from(TEXT.replaceAll('\n', '\r\n')),
  'utf8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
  gbk: iconv.encode(TEXT, 'gb18030'),
  big5: iconv.encode('---\ntitle: 危化品專項檢查\n---\n\n全區開展隱患排查。\n', 'big5'),
  'utf-16le with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
  'utf-16le without BOM': Buffer.from('---\ntitle: x\n---\n', 'utf16le'),
  binary: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
  'utf8 with a control character': Buffer.from(`${TEXT}\u0007`),
  'utf8, mostly control characters': Buffer.from('\u0001\u0002\u0003\u0004 x'),
  'utf8 with a zero byte': Buffer.from(`${TEXT}\u0000`),
  'broken utf8': Buffer.concat([Buffer.from(TEXT), Buffer.from([0xe5, 0xae])]),
  empty: new Uint8Array(0),
};

/** Of `count` files written in turn from SAMPLES, those plainly UTF-8. */
function countPlain(count: number): number {
  const names = Object.keys(SAMPLES);
  let plain = 0;
  for (let index = 0; index < count; index++)
    if (plainUtf8(SAMPLES[names[index % names.length]!]!) !== undefined) plain++;
  return plain;
}

describe('plainly UTF-8 text', () => {
  it.each(Object.keys(SAMPLES))('agrees with decode.ts: %s', (name) => {
    const bytes = SAMPLES[name]!;
    const decoded = decode(bytes);
    const plain = plainUtf8(bytes);
    if (decoded.encoding === 'utf-8' && !decoded.bom) expect(plain).toBe(decoded.text);
    else expect(plain).toBeUndefined();
    // Given the reader's text, decode.ts answers as it would have from the bytes.
    if (plain !== undefined) expect(decode(bytes, plain)).toEqual(decoded);
  });

  it('is what the reader thread hands over with the bytes, and only that', async () => {
    const dir = await tempDir('jianbao-utf8-');
    const paths: string[] = [];
    for (let index = 0; index < 450; index++) {
      const name = Object.keys(SAMPLES)[index % Object.keys(SAMPLES).length]!;
      const path = `f${index}.md`;
      await writeFile(join(dir, path), SAMPLES[name]!);
      paths.push(path);
    }
    await mkdir(join(dir, 'folder.md'));
    paths.push('folder.md');
    let texts = 0;
    for await (const read of readFiles(dir, paths, true)) {
      if (read.code !== undefined) {
        expect(read.path).toBe('folder.md');
        continue;
      }
      expect(read.text).toBe(plainUtf8(read.bytes));
      if (read.text !== undefined) texts++;
    }
    const plainly = Object.values(SAMPLES).filter((bytes) => plainUtf8(bytes) !== undefined).length;
    expect(plainly).toBe(4); // utf8, with CRLF, with a control character, empty
    expect(texts).toBe(countPlain(450));
  });
});
