/**
 * How the pages get the compiled site: the Vite virtual module
 * `virtual:jianbao/site`, registered by the build and by the dev server
 * (and nothing else: a page bundled without it fails to resolve the import
 * instead of compiling the content itself).
 *
 * The site does not travel as module source (ten years of bulletins would be
 * a module of tens of megabytes for Rollup to parse). The dev server writes
 * the compiled site to a file in its scratch folder as V8's structured-clone
 * serialisation (what the compile worker sends anyway, shared objects kept
 * shared), and the module deserialises that file on first use. The build
 * renders the pages in its own thread, which already holds the site (it
 * deserialised the worker's bytes): it hands that very object over through a
 * handoff module (`SiteHandoff`), a CommonJS file in its scratch folder that
 * the build and the bundled pages both `require` — Node's one module cache,
 * so the same module object, however the build itself was loaded (a bundle,
 * tsx, a test runner's module graph) — instead of deserialising it a second
 * time (seconds for ten years of bulletins). With it comes the list of issue pages the build
 * restores from its render cache, which Astro does not render.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import type { Plugin, ViteDevServer } from 'vite';
import type { CompiledSite } from '../core/index.ts';
import type { IssuePageKind } from '../site/routes.ts';

export const SITE_MODULE = 'virtual:jianbao/site';
const RESOLVED = `\0${SITE_MODULE}`;

/** Issue keys (`zhuanbao/2023/6`) whose page of each kind the build takes from its render cache. */
export type CachedPages = Record<IssuePageKind, readonly string[]>;

/** What the module hands the pages: the file holding the site (or the handoff), and the pages not to render. */
export interface SiteModuleData {
  /** A file written by `writeSiteFile`; undefined (and no handoff): the content has errors (dev), the pages fail. */
  file: string | undefined;
  /** The path of a `SiteHandoff` holding the site, instead of a file. */
  handoff?: string;
  cached?: CachedPages;
}

/**
 * A module file through which the build hands its compiled site to the
 * pages Astro renders in the same thread. `give` before Astro renders,
 * `close` after (the module instance lives as long as the process: it must
 * not keep the site).
 */
export class SiteHandoff {
  private readonly require: NodeRequire;

  private constructor(readonly file: string) {
    this.require = createRequire(file);
  }

  /** Write the handoff module in `dir` (a build's own scratch folder). */
  static async open(dir: string): Promise<SiteHandoff> {
    const file = join(dir, 'site-handoff.cjs');
    await writeFile(file, 'exports.slot = { site: undefined };\n');
    return new SiteHandoff(file);
  }

  /** Hold `site` for the pages of the Astro run about to start (loading the module, again after `close`). */
  give(site: CompiledSite): void {
    (this.require(this.file) as { slot: { site: CompiledSite | undefined } }).slot.site = site;
  }

  /** After an Astro run: neither the module nor the site is kept (the process may build again). */
  close(): void {
    const module = this.require.cache[this.file];
    if (module) (module.exports as { slot: { site: CompiledSite | undefined } }).slot.site = undefined;
    delete this.require.cache[this.file];
  }
}

/** Write the compiled site (or its serialisation, as the compile worker sent it) for the module to read. */
export async function writeSiteFile(file: string, site: CompiledSite | Uint8Array): Promise<string> {
  await writeFile(file, site instanceof Uint8Array ? site : serialize(site));
  return file;
}

function moduleSource(data: SiteModuleData): string {
  return `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deserialize } from 'node:v8';
const file = ${JSON.stringify(data.file ?? null)};
const handoff = ${JSON.stringify(data.handoff ?? null)};
let site;
export async function loadSite() {
  if (site) return site;
  if (handoff !== null) {
    const { slot } = createRequire(handoff)(handoff);
    if (!slot.site) throw new Error('生成页面时没有拿到编译好的站点（jianbao 的缺陷）');
    return (site = slot.site);
  }
  if (file === null) throw new Error('内容有错误，无法生成站点（先运行 jianbao check）');
  return (site = deserialize(readFileSync(file)));
}
export const cachedPages = ${JSON.stringify(data.cached ?? { issue: [], print: [] })};
`;
}

/**
 * The plugin serving the module. `data` is asked for when the module is
 * first loaded — Vite bundles everything else meanwhile, so the site may
 * still be compiling — and again after `invalidate` (dev, after a change).
 */
export function siteModule(data: () => Promise<SiteModuleData>): Plugin & { invalidate: () => void } {
  const servers: ViteDevServer[] = [];
  return {
    name: 'jianbao-site',
    resolveId(id) {
      return id === SITE_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      return id === RESOLVED ? moduleSource(await data()) : undefined;
    },
    configureServer(server) {
      servers.push(server);
    },
    invalidate() {
      for (const server of servers) {
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
      }
    },
  };
}
