/** Chinese labels for statistics periods: `2024-08` → `2024年8月`, `2024` → `2024年`. */
import type { StatsPeriod } from '../core/index.ts';

export function monthLabel(key: string): string {
  const [year, month] = key.split('-');
  return month ? `${year}年${Number(month)}月` : `${year}年`;
}

export function periodLabel(period: StatsPeriod, key: string): string {
  return period === 'month' ? monthLabel(key) : `${key}年`;
}
