/**
 * How the pages get the compiled site: the Vite virtual module
 * `virtual:jianbao/site`, registered by the build and by the dev server
 * (and nothing else: a page bundled without it fails to resolve the import
 * instead of compiling the content itself).
 *
 * The site does not travel as module source (ten years of bulletins would be
 * a module of tens of megabytes for Rollup to parse): the build writes the
 * compiled site to a file in its scratch folder as V8's structured-clone
 * serialisation (what the compile worker sends anyway, shared objects kept
 * shared), and the module deserialises that file on first use, in the
 * process that renders the pages. With it comes the list of issue pages the
 * build restores from its render cache, which Astro does not render.
 */
import { writeFile } from 'node:fs/promises';
import { serialize } from 'node:v8';
import type { Plugin, ViteDevServer } from 'vite';
import type { CompiledSite } from '../core/index.ts';
import type { IssuePageKind } from '../site/routes.ts';

export const SITE_MODULE = 'virtual:jianbao/site';
const RESOLVED = `\0${SITE_MODULE}`;

/** Issue keys (`zhuanbao/2023/6`) whose page of each kind the build takes from its render cache. */
export type CachedPages = Record<IssuePageKind, readonly string[]>;

/** What the module hands the pages: the file holding the site, and the pages not to render. */
export interface SiteModuleData {
  /** A file written by `writeSiteFile`; undefined: the content has errors (dev), the pages fail. */
  file: string | undefined;
  cached?: CachedPages;
}

/** Write the compiled site (or its serialisation, as the compile worker sent it) for the module to read. */
export async function writeSiteFile(file: string, site: CompiledSite | Uint8Array): Promise<string> {
  await writeFile(file, site instanceof Uint8Array ? site : serialize(site));
  return file;
}

function moduleSource(data: SiteModuleData): string {
  return `import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
const file = ${JSON.stringify(data.file ?? null)};
let site;
export function loadSite() {
  if (file === null) throw new Error('内容有错误，无法生成站点（先运行 jianbao check）');
  return (site ??= deserialize(readFileSync(file)));
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
