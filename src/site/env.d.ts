/// <reference types="astro/client" />

/** The compiled site, registered by the build and the dev server (src/build/site-module.ts). */
declare module 'virtual:jianbao/site' {
  /** The compiled site (a CompiledSite; src/site/data.ts says so). */
  export function loadSite(): Promise<unknown>;
  /** Issue keys whose page of each kind the build restores from its render cache. */
  export const cachedPages: Record<'issue' | 'print', readonly string[]>;
}
