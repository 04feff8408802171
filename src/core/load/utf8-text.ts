/**
 * The common case of decoding, on its own: bytes that are plainly UTF-8 (no
 * byte order mark, not UTF-16, not binary) as text, or undefined for
 * everything else, which decode.ts detects. Small and free of the legacy
 * code pages, so the reader thread (source/read-worker.ts) decodes the
 * files it reads with it and the main thread only parses them.
 */

/**
 * UTF-16 (what Windows Notepad saves as “Unicode”): by its byte order mark,
 * or, without one, by text whose every other byte is zero (ASCII-heavy
 * front matter). Its zero bytes would otherwise make it look binary.
 */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const marked = utf16Bom(bytes);
  if (marked) return marked;
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = Math.min(bytes.length, 4000);
  let evenZero = 0;
  let oddZero = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZero++;
    if (bytes[index + 1] === 0) oddZero++;
  }
  const pairs = sample / 2;
  if (oddZero > pairs * 0.3 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero === 0) return 'utf-16be';
  return undefined;
}

/** UTF-16 by its byte order mark alone. */
function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8000);
  let control = 0;
  // An indexed loop: the iterator protocol costs several times more over 20,000 files.
  for (let index = 0; index < sample.length; index++) {
    const byte = sample[index]!;
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (no replacement characters), or undefined when the bytes are not. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Characters that are control bytes in UTF-8 (what looksBinary counts, and the zero UTF-16 needs). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * The text of bytes that decode.ts would find to be UTF-8 without a byte
 * order mark, exactly as it would decode them; undefined for any other
 * bytes (UTF-16, binary, with a BOM, GBK, Big5, broken), which decode.ts
 * then looks at itself. A UTF-8 text without control characters has no zero
 * byte and no control byte (in UTF-8 those are only themselves), so neither
 * UTF-16 without a BOM nor binary: only a text with one is looked at byte by
 * byte, as decode.ts does (one native search instead of two passes in script).
 */
export function plainUtf8(bytes: Uint8Array): string | undefined {
  if (hasUtf8Bom(bytes) || utf16Bom(bytes)) return undefined;
  const text = strictUtf8(bytes);
  if (text === undefined) return undefined;
  if (CONTROL.test(text) && (utf16Of(bytes) || looksBinary(bytes))) return undefined;
  return text;
}
