/**
 * Word's automatic numbering as the reader sees it. A heading numbered by
 * Word (numFmt chineseCounting, lvlText "%1、") has no 一、 in its text;
 * mammoth would turn it into a Markdown list item (1. 1. 三、). Before
 * conversion, every numbered paragraph of document.xml gets the number
 * Word displays (computed from numbering.xml: formats, starts, overrides,
 * lower levels restarting) as text at its start, and its numbering is
 * switched off, so the numbers stay exactly as shown and never become
 * list markers. Bullets are left to the converter.
 */
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

interface Level {
  start: number;
  format: string;
  text: string;
  /** Level is shown in legal (Arabic) numbering inside multi-level labels. */
  legal: boolean;
}

interface Numbering {
  /** abstractNumId → levels by ilvl. */
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and start overrides by ilvl. */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  /** paragraph styleId → numbering it carries (numId, ilvl), following basedOn. */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
  /** styleId → (abstractNumId, ilvl) for levels that name their paragraph style. */
  levelStyles: Map<string, { abstractId: string; ilvl: number }>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['w:abstractNum', 'w:num', 'w:lvl', 'w:lvlOverride', 'w:style'].includes(name),
});

type XmlNode = Record<string, unknown>;
const val = (node: unknown): string | undefined =>
  node && typeof node === 'object' ? ((node as XmlNode)['@w:val'] as string | undefined) : undefined;

function readNumbering(numberingXml: string, stylesXml: string | undefined): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  const levelStyles = new Map<string, { abstractId: string; ilvl: number }>();
  const styleLinks = new Map<string, string>();
  const root = (parser.parse(numberingXml) as XmlNode)['w:numbering'] as XmlNode | undefined;
  for (const item of (root?.['w:abstractNum'] as XmlNode[] | undefined) ?? []) {
    const id = String(item['@w:abstractNumId']);
    const levels = new Map<number, Level>();
    for (const level of (item['w:lvl'] as XmlNode[] | undefined) ?? []) {
      const ilvl = Number(level['@w:ilvl'] ?? 0);
      levels.set(ilvl, {
        start: Number(val(level['w:start']) ?? 1),
        format: val(level['w:numFmt']) ?? 'decimal',
        text: val(level['w:lvlText']) ?? '',
        legal: 'w:isLgl' in level,
      });
      const style = val(level['w:pStyle']);
      if (style) levelStyles.set(style, { abstractId: id, ilvl });
    }
    abstract.set(id, levels);
    const link = val(item['w:numStyleLink']);
    if (link) styleLinks.set(id, link);
  }
  for (const item of (root?.['w:num'] as XmlNode[] | undefined) ?? []) {
    const overrides = new Map<number, number>();
    for (const override of (item['w:lvlOverride'] as XmlNode[] | undefined) ?? []) {
      const start = val(override['w:startOverride']);
      if (start !== undefined) overrides.set(Number(override['@w:ilvl'] ?? 0), Number(start));
    }
    nums.set(String(item['@w:numId']), { abstractId: String(val(item['w:abstractNumId'])), overrides });
  }
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  const stylesRoot = stylesXml ? ((parser.parse(stylesXml) as XmlNode)['w:styles'] as XmlNode | undefined) : undefined;
  for (const style of (stylesRoot?.['w:style'] as XmlNode[] | undefined) ?? []) {
    if (style['@w:type'] !== 'paragraph' && style['@w:type'] !== 'numbering') continue;
    const numPr = ((style['w:pPr'] as XmlNode | undefined)?.['w:numPr'] as XmlNode | undefined) ?? undefined;
    const numId = val(numPr?.['w:numId']);
    const ilvl = val(numPr?.['w:ilvl']);
    const basedOn = val(style['w:basedOn']);
    styles.set(String(style['@w:styleId']), {
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
      ...(basedOn ? { basedOn } : {}),
    });
  }
  // A definition that only links to a numbering style (numStyleLink) takes the levels of the list that style uses.
  for (const [id, link] of styleLinks) {
    const numId = styles.get(link)?.numId;
    const target = numId === undefined ? undefined : nums.get(numId)?.abstractId;
    const levels = target === undefined ? undefined : abstract.get(target);
    if (levels && target !== id && (abstract.get(id)?.size ?? 0) === 0) abstract.set(id, levels);
  }
  return { abstract, nums, styles, levelStyles };
}

const DIGITS = '〇一二三四五六七八九';
function chineseCounting(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}
function letters(n: number, upper: boolean): string {
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}
function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

/** A counter in one of Word's number formats (the ones Chinese documents use, and the Latin ones). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return [...chineseCounting(n)]
        .map((char) => '零壹贰叁肆伍陆柒捌玖'[DIGITS.indexOf(char)] ?? (char === '十' ? '拾' : char))
        .join('');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10]!;
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12]!;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Where the paragraph's numbering comes from: its own numPr, else its style (and the styles it is based on). */
function paragraphNumbering(
  pPr: string,
  numbering: Numbering,
): { abstractId: string; numId?: string; ilvl: number; viaStyle: boolean } | undefined {
  const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
  const own = numPr ? /<w:numId\s+w:val="([^"]*)"/.exec(numPr)?.[1] : undefined;
  const ownLevel = numPr ? /<w:ilvl\s+w:val="(\d+)"/.exec(numPr)?.[1] : undefined;
  if (own !== undefined) {
    if (own === '0') return undefined;
    const num = numbering.nums.get(own);
    return num ? { abstractId: num.abstractId, numId: own, ilvl: Number(ownLevel ?? 0), viaStyle: false } : undefined;
  }
  let styleId = /<w:pStyle\s+w:val="([^"]*)"/.exec(pPr)?.[1];
  for (let depth = 0; styleId && depth < 10; depth++) {
    const style = numbering.styles.get(styleId);
    const linked = numbering.levelStyles.get(styleId);
    if (style?.numId !== undefined) {
      if (style.numId === '0') return undefined;
      const num = numbering.nums.get(style.numId);
      if (num)
        return {
          abstractId: num.abstractId,
          numId: style.numId,
          ilvl: style.ilvl ?? linked?.ilvl ?? 0,
          viaStyle: true,
        };
    }
    if (linked) return { ...linked, viaStyle: true };
    styleId = style?.basedOn;
  }
  return undefined;
}

/**
 * The docx with Word's displayed numbers written into the numbered
 * paragraphs; `numbered` counts them. A file without numbering comes back
 * unchanged.
 */
export async function applyWordNumbering(docx: Buffer): Promise<{ buffer: Buffer; numbered: number }> {
  const zip = await JSZip.loadAsync(docx);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return { buffer: docx, numbered: 0 };
  const numbering = readNumbering(numberingXml, await zip.file('word/styles.xml')?.async('string'));
  const counters = new Map<string, number[]>();
  const startedNums = new Set<string>();
  let numbered = 0;
  // Each paragraph's opening tag and properties; text-box paragraphs nested inside are found in document order too.
  const rewritten = documentXml.replace(
    /<w:p(?=[\s>])([^>]*)>(\s*<w:pPr>([\s\S]*?)<\/w:pPr>)?/g,
    (whole: string, attributes: string, _pPrWhole: string | undefined, pPr: string | undefined, offset: number) => {
      if (attributes.endsWith('/')) return whole;
      const found = paragraphNumbering(pPr ?? '', numbering);
      if (!found) return whole;
      const levels = numbering.abstract.get(found.abstractId);
      const level = levels?.get(found.ilvl);
      if (!levels || !level || level.format === 'bullet') return whole;
      const counter = counters.get(found.abstractId) ?? [];
      counters.set(found.abstractId, counter);
      const num = found.numId ? numbering.nums.get(found.numId) : undefined;
      if (found.numId && num && !startedNums.has(found.numId)) {
        startedNums.add(found.numId);
        for (const [ilvl, start] of num.overrides) counter[ilvl] = start - 1;
      }
      counter[found.ilvl] = (counter[found.ilvl] ?? (levels.get(found.ilvl)?.start ?? 1) - 1) + 1;
      // Lower levels start again under a new number.
      counter.length = found.ilvl + 1;
      const label = level.text.replace(/%(\d)/g, (_, n: string) => {
        const at = Number(n) - 1;
        const value = counter[at] ?? levels.get(at)?.start ?? 1;
        return formatNumber(
          value,
          level.legal && at !== found.ilvl ? 'decimal' : (levels.get(at)?.format ?? 'decimal'),
        );
      });
      numbered++;
      // The number is shown in the paragraph's own run formatting (bold headings stay bold).
      const end = documentXml.indexOf('</w:p>', offset);
      const runProperties =
        /<w:r(?=[\s>])[^>]*>\s*(<w:rPr>[\s\S]*?<\/w:rPr>)/.exec(
          documentXml.slice(offset + whole.length, end === -1 ? undefined : end),
        )?.[1] ?? '';
      const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
      const properties =
        pPr === undefined
          ? `<w:pPr>${off}</w:pPr>`
          : `<w:pPr>${/<w:numPr>[\s\S]*?<\/w:numPr>/.test(pPr) ? pPr.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, off) : off + pPr}</w:pPr>`;
      return `<w:p${attributes}>${properties}<w:r>${runProperties}<w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`;
    },
  );
  if (numbered === 0) return { buffer: docx, numbered };
  zip.file('word/document.xml', rewritten);
  return { buffer: await zip.generateAsync({ type: 'nodebuffer' }), numbered };
}
