/**
 * Real image files for the image tests: a tiny PNG encoder (zlib from Node,
 * CRC-32 by table) for pictures of any size, and a small JPEG made once with
 * ImageMagick (`convert -size 8x6 xc:#3366cc -fill #cc3333 -draw 'rectangle
 * 0,0 3,2' -quality 90`), kept as base64 so the tests need no image tool.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG; `pixel(x, y)` gives [r, g, b]. */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 240 × 160 picture: red/blue quarters and a green band, easy to recognise in a screenshot. */
export function photo(): Buffer {
  return png(240, 160, (x, y) =>
    y > 70 && y < 90 ? [40, 160, 60] : x < 120 === y < 80 ? [200, 40, 40] : [40, 80, 200],
  );
}

/** 8 × 6 JPEG, 341 bytes. */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAGAAgDAREAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAB//EABYQAQEBAAAAAAAAAAAAAAAAAAEAEf/EABUBAQEAAAAAAAAAAAAAAAAAAAYH/8QAIhEAAQMDAwUAAAAAAAAAAAAAAQIGEQASEwQUMgUxQVFS/9oADAMBAAIRAxEAPwAuDK69Bbekb+XaqUckTcQeMxEAezRtzO7XOnDvUITjui0EcrZmVK+RHbzX/9k=',
  'base64',
);
