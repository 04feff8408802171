/**
 * Entry bodies compiled by earlier builds. Parsing the Markdown is most of
 * compiling (ten years of entries: about five seconds), and an entry compiles
 * the same until its text, its options (leaders, images) or the compiler
 * itself change; all three are in the key, so a body found under its key is
 * the one `compileBody` would return.
 *
 * One file per content directory, in its render cache folder: loaded once,
 * written back (whole, atomically) with just the bodies this build used.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../core/index.ts';
import { compileBody, type Body, type BodyCompiler, type CompileBodyOptions } from '../core/index.ts';
import { digestParts } from './digest.js';

const FILE = 'markdown.json';

/** Render options as JSON: maps as their entries; anything else not plain data is a bug here. */
function optionsJson(options: CompileBodyOptions): string {
  return JSON.stringify(options, (_key, value: unknown) => {
    if (value instanceof Map) return [...value];
    if (typeof value === 'function' || typeof value === 'symbol')
      throw new TypeError('render options must be plain data to be cached');
    return value;
  });
}

export class MarkdownCache {
  private readonly used = new Map<string, Body>();
  private misses = 0;

  private constructor(
    private readonly file: string,
    /** Digest of the renderer (page-keys.ts `rendererDigest`): a new renderer starts a new cache. */
    private readonly renderer: string,
    private readonly stored: Map<string, Body>,
  ) {}

  /** The cache kept in `dir` (the content directory's render cache folder). An unreadable file is an empty cache. */
  static async open(dir: string, renderer: string): Promise<MarkdownCache> {
    const file = join(dir, FILE);
    let stored = new Map<string, Body>();
    try {
      const saved = JSON.parse(await readFile(file, 'utf8')) as { renderer?: string; entries?: [string, Body][] };
      if (saved.renderer === renderer && Array.isArray(saved.entries)) stored = new Map(saved.entries);
    } catch {
      // none yet, or cut short: start empty
    }
    return new MarkdownCache(file, renderer, stored);
  }

  /** A `BodyCompiler` answering from the cache, compiling (and keeping) what it lacks. */
  readonly compile: BodyCompiler = (markdown, options = {}) => {
    const key = digestParts([optionsJson(options), markdown]);
    let rendered = this.used.get(key) ?? this.stored.get(key);
    if (!rendered) {
      rendered = compileBody(markdown, options);
      this.misses++;
    }
    this.used.set(key, rendered);
    return rendered;
  };

  /** Write the bodies this build used, unless they are exactly the ones already stored. */
  async save(): Promise<void> {
    if (this.misses === 0 && this.used.size === this.stored.size) return;
    // A cache that cannot be written only makes the next build slower.
    await writeAtomic(this.file, JSON.stringify({ renderer: this.renderer, entries: [...this.used] })).catch(
      () => undefined,
    );
  }
}
