/**
 * Bytes to text: BOM, UTF-8 validation, GB18030/GBK and Big5 detection.
 * Detection is never silent: the result says which encoding was found.
 */
import iconv from 'iconv-lite';
import { hasUtf8Bom, looksBinary, strictUtf8, utf16Of } from './utf8-text.ts';

export type Encoding = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  big5: 'Big5',
  'utf-16le': 'UTF-16（Windows 记事本的“Unicode”）',
  'utf-16be': 'UTF-16 BE',
};

export interface Decoded {
  /** The text, without BOM; line ends as in the file. */
  text: string;
  /** The detected encoding; undefined when the bytes are binary or undecidable. */
  encoding: Encoding | undefined;
  bom: boolean;
  crlf: boolean;
  binary: boolean;
}

// The most frequent Chinese characters (shared by Simplified and Traditional
// text in large part): real GBK or Big5 text is dense in them, bytes decoded
// with the wrong table are not.
const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
const COMMON_SET = new Set(COMMON);

/** Share of CJK characters that are common ones; 0 when there is no CJK text. */
function commonShare(text: string): number {
  let cjk = 0;
  let common = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x3400 && code <= 0x9fff) {
      cjk++;
      if (COMMON_SET.has(char)) common++;
    }
  }
  return cjk === 0 ? 0 : common / cjk;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded | undefined {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.includes('\u0000')) return undefined;
    // The byte order mark goes with the conversion to UTF-8 (encoding/not-utf8): no separate BOM warning.
    return { text, encoding, bom: false, crlf: text.includes('\r\n'), binary: false };
  } catch {
    return undefined;
  }
}

/**
 * Decode a file's bytes, detecting the encoding. `plain`: their text when the
 * reader already found them plainly UTF-8 (utf8-text.ts `plainUtf8`).
 */
export function decode(bytes: Uint8Array, plain?: string): Decoded {
  if (plain !== undefined)
    return { text: plain, encoding: 'utf-8', bom: false, crlf: plain.includes('\r\n'), binary: false };
  const utf16 = utf16Of(bytes);
  const decoded16 = utf16 ? decodeUtf16(bytes, utf16) : undefined;
  if (decoded16) return decoded16;
  if (looksBinary(bytes)) return { text: '', encoding: undefined, bom: false, crlf: false, binary: true };
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  let text = strictUtf8(body);
  let encoding: Encoding | undefined = text === undefined ? undefined : 'utf-8';
  if (text === undefined) {
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    let bestScore = 0;
    for (const candidate of ['gb18030', 'big5'] as const) {
      const decoded = iconv.decode(buffer, candidate);
      if (decoded.includes('\uFFFD')) continue;
      const score = commonShare(decoded);
      if (score > bestScore) {
        bestScore = score;
        text = decoded;
        encoding = candidate;
      }
    }
    if (bestScore < 0.2) {
      text = undefined;
      encoding = undefined;
    }
  }
  if (text === undefined) return { text: '', encoding: undefined, bom, crlf: false, binary: false };
  return { text, encoding, bom, crlf: text.includes('\r\n'), binary: false };
}

/** Normalise line ends to LF. */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
