/** Dates as clerks type them: accepted where unambiguous, otherwise a message that says what is wrong and what to write. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateProblem, parseDateText } from '../../src/core/schema/fields.ts';
import { copyContent, runCli } from '../helpers/index.ts';

describe('dates', () => {
  it('parses the usual forms; a month and day only with a year given', () => {
    for (const text of ['2025-12-04', '2025/12/4', '2025.12.4', '2025年12月4日', ' 2025 年 12 月 4 日 '])
      expect(parseDateText(text)).toBe('2025-12-04');
    expect(parseDateText('12月3日')).toBeUndefined();
    expect(parseDateText('12月3日', { year: 2025 })).toBe('2025-12-03');
    expect(parseDateText('2025-02-30')).toBeUndefined();
    expect(parseDateText('12/3/2025')).toBeUndefined();
  });

  it('knows the calendar as Date does: every day of leap and common years, and none past a month’s end', () => {
    const byDate = (year: number, month: number, day: number) => {
      const date = new Date(Date.UTC(year, month - 1, day));
      const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
      return real
        ? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : undefined;
    };
    let days = 0;
    for (const year of [1000, 1600, 1700, 1899, 1900, 2000, 2023, 2024, 2025, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const expected = byDate(year, month, day);
          expect(parseDateText(`${year}-${month}-${day}`), `${year}-${month}-${day}`).toBe(expected);
          if (expected) days++;
        }
    expect(days).toBe(12 * 365 + 4); // 1600, 2000, 2024 and 2400 are leap years
  });

  it('says what is wrong', () => {
    expect(dateProblem('2025-02-30')).toBe('日期「2025-02-30」无效：2025年2月没有30日（这个月只有28天）');
    expect(dateProblem('2024-13-01')).toBe('日期「2024-13-01」无效：没有13月');
    expect(dateProblem('20251203')).toBe('日期「20251203」要用连字符分开，是不是 2025-12-03？');
    expect(dateProblem('12月3日')).toMatch(/^日期「12月3日」没有写年份：写上是哪一年，如 \d{4}年12月3日$/);
  });

  it('front matter takes 2024/6/5 and 2024.6.5, and explains 2024-02-30 and 20240605 on the date line', async () => {
    const dir = await copyContent();
    const file = join(dir, 'entries/2024/应急检查.md');
    const original = await readFile(file, 'utf8');
    const check = async (date: string) => {
      await writeFile(file, original.replace(/^date: .*$/m, `date: ${date}`));
      const result = await runCli(['check', '--format', 'json', '--content', dir]);
      return (
        JSON.parse(result.stdout) as { diagnostics: { severity: string; line: number; message: string }[] }
      ).diagnostics.filter((d) => d.severity === 'error');
    };
    expect(await check('2024/6/5')).toEqual([]);
    expect(await check('2024.6.5')).toEqual([]);
    expect((await check('2024-02-30')).map((d) => [d.line, d.message])).toEqual([
      [3, '日期「2024-02-30」无效：2024年2月没有30日（这个月只有29天）'],
    ]);
    expect((await check('20240605')).map((d) => d.message)).toEqual([
      '日期「20240605」要用连字符分开，是不是 2024-06-05？',
    ]);
  });

  it('new entry --date 12月3日 takes this year and says so', async () => {
    const dir = await copyContent();
    const result = await runCli([
      'new',
      'entry',
      '--content',
      dir,
      '--section',
      '工作动态',
      '--unit',
      '应急局',
      '--date',
      '12月3日',
      '--title',
      '冬季检查',
    ]);
    expect(result.code).toBe(0);
    const year = new Date().getFullYear();
    expect(result.stderr).toContain(`日期「12月3日」没有写年份，按今年记为 ${year}年12月3日。`);
    expect(result.stdout.trim()).toMatch(new RegExp(`entries/${year}/12/${year}-12-03-冬季检查\\.md$`));
    const bad = await runCli([
      'new',
      'entry',
      '--content',
      dir,
      '--section',
      '工作动态',
      '--unit',
      '应急局',
      '--date',
      '20251203',
      '--title',
      '另一篇',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('日期「20251203」要用连字符分开，是不是 2025-12-03？');
  });
});
