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

/** `2023年第6期`, as used in messages. */
export function issueName(year: number, number: number): string {
  return `${year}年第${number}期`;
}

/** `2023年 第6期（总第58期）`, as printed under the masthead. */
export function issueNumbering(year: number, number: number, total?: number): string {
  return `${year}年 第${number}期${total ? `（总第${total}期）` : ''}`;
}

/** Pad a two-character name with an ideographic space so columns align: 李健 → 李　健. */
export function padName(name: string): string {
  const chars = [...name.replace(/[\s\u3000]/g, '')];
  return chars.length === 2 ? `${chars[0]}\u3000${chars[1]}` : chars.join('');
}
