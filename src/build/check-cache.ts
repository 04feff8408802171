/**
 * The check cache: what `check` read and parsed (src/core/check-state.ts),
 * kept between runs of the CLI and the build in the content directory's
 * render cache folder (`check/<renderer>.v8`, a KeyedStore: written
 * atomically, whole or absent). Its key is the renderer's digest (jianbao's
 * sources and packages), so a state parsed by other code is never used; a
 * file is reused only while its stamp holds (load/file-states.ts: size,
 * times, inode, racy-timestamp guard). An unreadable cache is no cache.
 */
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { PACKAGE_ROOT, plainCheckState, restoreCheckState, type CheckCache, type PlainCheckState } from '../core/index.ts';
import { KeyedStore } from './keyed-store.ts';
import { rendererDigest } from './page-keys.ts';
import { RenderCache } from './render-cache.ts';

const CHECK = 'check';

/** The check cache of `contentDir` in the render cache of `packageRoot` (opened lazily: nothing is read until the first check). */
export function openCheckCache(contentDir: string, options: { packageRoot?: string; cacheDir?: string; renderer?: string } = {}): CheckCache {
  const packageRoot = options.packageRoot ?? PACKAGE_ROOT;
  const store = (async () => {
    const dir = options.cacheDir ?? (await RenderCache.open(join(packageRoot, '.jianbao', 'cache'), contentDir)).dir;
    return { store: new KeyedStore(join(dir, CHECK), '.v8'), key: options.renderer ?? (await rendererDigest(packageRoot)) };
  })();
  // A cache folder that cannot be made is no cache.
  store.catch(() => undefined);
  return {
    async load() {
      const opened = await store.catch(() => undefined);
      if (!opened) return undefined;
      const { store: kept, key } = opened;
      const bytes = await kept.read(key);
      if (!bytes) return undefined;
      try {
        return restoreCheckState(deserialize(bytes) as PlainCheckState);
      } catch {
        return undefined;
      }
    },
    async save(state) {
      const opened = await store.catch(() => undefined);
      if (!opened) return;
      const { store: kept, key } = opened;
      // A cache that cannot be written only makes the next check slower.
      await kept.keepData(key, serialize(plainCheckState(state))).catch(() => undefined);
      await kept.prune(new Set([key])).catch(() => undefined);
    },
  };
}
