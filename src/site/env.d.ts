/// <reference types="astro/client" />

/** The compiled site, registered by the build and the dev server (src/build/site-module.ts). */
declare module 'virtual:jianbao/site' {
  import type { CompiledSite } from '../core/index.ts';
  import type { CachedPages } from '../build/site-module.ts';
  export function loadSite(): CompiledSite;
  export const cachedPages: CachedPages;
}
