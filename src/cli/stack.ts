/**
 * Stack traces of our own bugs, named in src/ terms. The CLI runs from a
 * bundle (bin/launch.js); Node could map its frames itself, but turning
 * source maps on makes every start load the maps, so the frames are mapped
 * here, only when there is a trace to report.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const FRAME = /(file:\/\/[^\s()]+\.js):(\d+):(\d+)/g;

/** `stack` with each frame in a bundled file replaced by its place in the sources, where the bundle's map knows it. */
export function sourceStack(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      try {
        maps.set(
          url,
          new SourceMap(
            JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
          ),
        );
      } catch {
        maps.set(url, undefined);
      }
    }
    return maps.get(url);
  };
  return stack.replace(FRAME, (frame, url: string, line: string, column: string) => {
    // `findEntry` returns `{} | SourceMapping`; typescript-eslint misreads this narrowing as a no-op.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    const entry = mapOf(url)?.findEntry(Number(line) - 1, Number(column) - 1) as
      { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (!entry?.originalSource) return frame;
    const source = fileURLToPath(new URL(entry.originalSource, url));
    return `${source}:${entry.originalLine! + 1}:${entry.originalColumn! + 1}`;
  });
}
