/**
 * Work over many small files a few at a time. Awaiting each file in turn
 * leaves the disk and libuv's thread pool idle between calls: a thousand
 * cached pages or a site snapshot's eight hundred files took seconds that
 * way, against a fraction of a second with a few requests in flight.
 */

/** How many file operations a build keeps in flight: enough to fill libuv's pool (4 threads) twice over. */
export const FILE_CONCURRENCY = 16;

/**
 * Run `work` on every item, at most `limit` at once. On the first failure no
 * further item is started; the ones in flight are awaited, then that failure
 * is thrown (so nothing is still writing when the caller handles it).
 */
export async function eachConcurrently<T>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<void>,
  limit = FILE_CONCURRENCY,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}

/** `work` on every item, at most `limit` at once, the results in the items' order. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<R>,
  limit = FILE_CONCURRENCY,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  await eachConcurrently(
    items,
    async (item, index) => {
      results[index] = await work(item, index);
    },
    limit,
  );
  return results;
}
