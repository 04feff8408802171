/**
 * The core's second door, for the site's pages and components only: the
 * functions that turn a compiled issue into HTML, and nothing that reads,
 * checks or compiles content.
 *
 * Astro bundles every module a page imports. Through index.ts a page pulled
 * in the whole core (loader, checker, archive, compile: some 130 modules),
 * which Rollup parsed and tree-shook on every build that runs Astro — about
 * 40% of its bundling time, a fixed cost however little changed. Pages take
 * types from index.ts (erased, never bundled) and values from here.
 */
export { entryHtml, noteHtml } from './render/html.ts';
export { entryTitleHtml, printPageStyles, printSheetHtml } from './render/print.ts';
