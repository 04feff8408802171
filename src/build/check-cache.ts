/**
 * The check cache: what `check` read and parsed (src/core/check-state.ts),
 * kept between runs of the CLI and the build in the content directory's
 * render cache folder (`check/<renderer>.v8`, a KeyedStore: written
 * atomically, whole or absent). Its key is the renderer's digest (jianbao's
 * sources and packages), so a state parsed by other code is never used; a
 * file is reused only while its stamp holds (load/file-states.ts: size,
 * times, inode, racy-timestamp guard). An unreadable cache is no cache.
 *
 * With `records` (the build, which compiles), the issues of the archive's
 * record files are kept too, once each as validated by the schema
 * (`check/records/<key>.v8`, the key a digest of the renderer and the
 * record file's sha256): the compile then reads back a record the check
 * found unchanged without parsing and validating its JSON again
 * (archive/load.ts `RecordIssues`). Records no longer in the archive are
 * dropped when the state is saved.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import {
  PACKAGE_ROOT,
  parsedRecords,
  plainCheckState,
  restoreCheckState,
  type CheckCache,
  type CheckState,
  type PlainCheckState,
} from '../core/index.ts';
import { digestParts } from './digest.js';
import { KeyedStore } from './keyed-store.ts';
import { rendererDigest } from './page-keys.ts';
import { RenderCache } from './render-cache.ts';

const CHECK = 'check';
const RECORDS = 'records';

/** The check cache of `contentDir` in the render cache of `packageRoot` (opened lazily: nothing is read until the first check). */
export function openCheckCache(
  contentDir: string,
  options: { packageRoot?: string; cacheDir?: string; renderer?: string; records?: boolean } = {},
): CheckCache {
  const packageRoot = options.packageRoot ?? PACKAGE_ROOT;
  const store = (async () => {
    const dir = options.cacheDir ?? (await RenderCache.open(join(packageRoot, '.jianbao', 'cache'), contentDir)).dir;
    const key = options.renderer ?? (await rendererDigest(packageRoot));
    return {
      store: new KeyedStore(join(dir, CHECK), '.v8'),
      key,
      records: options.records ? new KeyedStore(join(dir, CHECK, RECORDS), '.v8') : undefined,
    };
  })();
  // A cache folder that cannot be made is no cache.
  store.catch(() => undefined);
  return {
    async load() {
      const opened = await store.catch(() => undefined);
      if (!opened) return undefined;
      const { store: kept, key, records } = opened;
      const bytes = await kept.read(key);
      if (!bytes) return undefined;
      let state: CheckState;
      try {
        state = restoreCheckState(deserialize(bytes) as PlainCheckState);
      } catch {
        return undefined;
      }
      if (records) {
        state.records = {
          read: (sha256) => {
            try {
              return deserialize(readFileSync(records.path(recordKey(key, sha256)))) as ReturnType<
                NonNullable<CheckState['records']>['read']
              >;
            } catch {
              return undefined; // not kept (or unreadable): the record is parsed from its file
            }
          },
        };
      }
      return state;
    },
    async save(state) {
      const opened = await store.catch(() => undefined);
      if (!opened) return;
      const { store: kept, key, records } = opened;
      // A cache that cannot be written only makes the next check slower.
      await kept.keepData(key, serialize(plainCheckState(state))).catch(() => undefined);
      await kept.prune(new Set([key])).catch(() => undefined);
      if (records) await saveRecords(records, key, state).catch(() => undefined);
    },
  };
}

function recordKey(renderer: string, sha256: string): string {
  return digestParts(['record', renderer, sha256]);
}

/** Keep the record issues parsed in this run that are not kept yet; drop those of records no longer read. */
async function saveRecords(records: KeyedStore, renderer: string, state: CheckState): Promise<void> {
  const present = await records.scan();
  const live = new Set<string>();
  for (const [sha256, issue] of parsedRecords(state)) {
    const key = recordKey(renderer, sha256);
    live.add(key);
    if (issue && !present.has(key)) await records.keepData(key, serialize(issue));
  }
  await records.prune(live);
}
