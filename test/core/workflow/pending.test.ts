import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry, loadContent } from '../../../src/core/index.ts';
import { WorkflowError } from '../../../src/core/workflow/errors.ts';
import { nextNumber } from '../../../src/core/workflow/numbering.ts';
import { pendingEntries } from '../../../src/core/workflow/pending.ts';
import { FIXTURES, tempDir } from '../../helpers/index.ts';

const ORDER = join(FIXTURES, 'order/content');

async function load(dir = ORDER) {
  const content = await loadContent(dir);
  const registry = buildRegistry(content);
  return { content, registry, series: (id: string) => registry.seriesById.get(id)! };
}

describe('pending entries (core)', () => {
  it('orders by the series’ section order, then unit order, then date, then 排序', async () => {
    const { content, registry, series } = await load();
    const { due, later } = pendingEntries(content, registry, series('zhuanbao'), '2024-07-31');
    expect(due.map((entry) => entry.id)).toEqual([
      '2024/07/会议', // upper-meetings
      '2024/07/督导', // leader-inspections
      '2024/07/应急动态一日', // work-updates · 区应急管理局 (order 10) · 7月1日
      '2024/07/应急动态五日', // … 7月5日
      '2024/07/消防排序在前', // work-updates · 消防 (order 11) · 7月2日 · 排序 1
      '2024/07/消防动态', // … 7月2日, no 排序
      '2024/07/青石镇动态', // work-updates · 青石镇 (order 30)
      '2024/07/供电动态', // work-updates · unit without 排序: after the ordered ones
      '2024/07/提示', // notices
    ]);
    expect(later.map((entry) => entry.id)).toEqual(['2024/08/下月动态']);
  });

  it('leaves out drafts, withdrawn entries, placed entries and other series', async () => {
    const { content, registry, series } = await load();
    const ids = pendingEntries(content, registry, series('zhuanbao'), '2024-12-31').due.map((entry) => entry.id);
    expect(ids).not.toContain('2024/07/草稿');
    expect(ids).not.toContain('2024/07/撤稿');
    expect(ids).not.toContain('2024/06/已编');
    expect(ids).not.toContain('2024/07/快报稿');
    expect(pendingEntries(content, registry, series('kuaibao'), '2024-12-31').due.map((entry) => entry.id)).toEqual([
      '2024/07/快报稿',
    ]);
  });

  it('takes entries dated on the issue date, not after', async () => {
    const { content, registry, series } = await load();
    expect(pendingEntries(content, registry, series('zhuanbao'), '2024-07-01').due.map((entry) => entry.id)).toEqual([
      '2024/07/应急动态一日',
    ]);
  });
});

describe('next issue number (core)', () => {
  it('continues the year and the total', async () => {
    const { content, registry, series } = await load();
    const next = nextNumber(content, registry, series('zhuanbao'), '2024-07-31');
    expect({ year: next.year, number: next.number, total: next.total, previous: next.previous?.file }).toEqual({
      year: 2024,
      number: 6,
      total: 21,
      previous: 'issues/zhuanbao/2024-05.md',
    });
  });

  it('starts a new year at 1 and keeps counting the total', async () => {
    const { content, registry, series } = await load();
    const next = nextNumber(content, registry, series('zhuanbao'), '2025-01-08');
    expect([next.year, next.number, next.total]).toEqual([2025, 1, 21]);
  });

  it('starts at the series’ since in that year, at 1 in later years, and has no total without a previous one', async () => {
    const dir = join(await tempDir(), 'content');
    await cp(ORDER, dir, { recursive: true });
    await rm(join(dir, 'issues'), { recursive: true });
    const { content, registry, series } = await load(dir);
    expect(nextNumber(content, registry, series('zhuanbao'), '2024-07-01')).toMatchObject({
      year: 2024,
      number: 5,
      total: undefined,
    });
    expect(nextNumber(content, registry, series('zhuanbao'), '2025-02-01')).toMatchObject({ year: 2025, number: 1 });
    expect(nextNumber(content, registry, series('kuaibao'), '2024-07-01')).toMatchObject({
      year: 2024,
      number: 1,
      total: undefined,
    });
    expect(() => nextNumber(content, registry, series('zhuanbao'), '2023-12-01')).toThrow(/期号从2024年第5期开始/);
  });

  it('refuses a date before the last issue', async () => {
    const { content, registry, series } = await load();
    let error: unknown;
    try {
      nextNumber(content, registry, series('zhuanbao'), '2024-06-01');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WorkflowError);
    expect((error as WorkflowError).message).toBe(
      '印发日期 2024年6月1日 早于上一期 2024年第5期 的印发日期 2024年6月10日',
    );
  });
});
