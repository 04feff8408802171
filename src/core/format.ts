/** Chinese formatting of dates, issue numbers and names, shared by messages and pages. */
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { zhCN } from 'date-fns/locale/zh-CN';

/** `2023-08-30` → `2023年8月30日` (no zero padding). */
export function chineseDate(iso: string): string {
  return format(parseISO(iso), 'yyyy年M月d日', { locale: zhCN });
}

/** `2023-08-30` → `8月30日`. */
export function chineseMonthDay(iso: string): string {
  return format(parseISO(iso), 'M月d日', { locale: zhCN });
}

/** `第6期`, or `增刊第1期` for a supplement. */
function numberName(number: number, supplement: boolean): string {
  return `${supplement ? '增刊' : ''}第${number}期`;
}

/** `2023年第6期` (`2023年增刊第1期`), as used in messages. */
export function issueName(year: number, number: number, supplement = false): string {
  return `${year}年${numberName(number, supplement)}`;
}

/** `2023年 第6期（总第58期）` (`2023年 增刊第1期`), as printed under the masthead. */
export function issueNumbering(year: number, number: number, total?: number, supplement = false): string {
  return `${year}年 ${numberName(number, supplement)}${total ? `（总第${total}期）` : ''}`;
}

/** How an issue's number is written in refs (`2023-增刊1`), keys and file names (`zk1`). */
export function issueSlug(number: number, supplement: boolean, form: 'ref' | 'path'): string {
  return supplement ? `${form === 'ref' ? '增刊' : 'zk'}${number}` : String(number);
}

/** Pad a two-character name with an ideographic space so columns align: 李健 → 李　健. */
export function padName(name: string): string {
  const chars = [...name.replace(/[\s\u3000]/g, '')];
  return chars.length === 2 ? `${chars[0]}\u3000${chars[1]}` : chars.join('');
}

/** The mark a draft issue's print page and PDF carry on every page, unless the series sets its own (征求意见稿). */
export const DRAFT_MARK = '草稿';
