/**
 * A few at a time: never more than the limit in flight, every item done,
 * results in order, and a failure thrown only once nothing is still running.
 */
import { describe, expect, it } from 'vitest';
import { eachConcurrently, mapConcurrently } from '../../src/build/concurrently.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('eachConcurrently', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await eachConcurrently(
      Array.from({ length: 50 }, (_, n) => n),
      async (n) => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        done.push(n);
      },
      4,
    );
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(most).toBe(4);
  });

  it('does nothing for no items', async () => {
    await expect(eachConcurrently([], async () => Promise.reject(new Error('never')))).resolves.toBeUndefined();
  });

  it('throws the first failure after the items in flight finished, and starts no more', async () => {
    const started: number[] = [];
    let running = 0;
    const failed = eachConcurrently(
      Array.from({ length: 20 }, (_, n) => n),
      async (n) => {
        started.push(n);
        running++;
        await tick();
        running--;
        if (n === 2) throw new Error('第 2 项失败');
      },
      3,
    );
    await expect(failed).rejects.toThrow('第 2 项失败');
    expect(running).toBe(0);
    expect(started.length).toBeLessThan(20);
  });
});

describe('mapConcurrently', () => {
  it('gives the results in the order of the items, whatever order they finish in', async () => {
    const results = await mapConcurrently([30, 1, 20, 5, 10], async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ms * 2;
    });
    expect(results).toEqual([60, 2, 40, 10, 20]);
  });
});
