/**
 * The studio's page: one HTML shell, one stylesheet (with the site's
 * src/styles/theme.css), one script, bundled by esbuild from
 * src/studio/client/ when the studio starts (nothing from a
 * CDN; the fonts are the ones the site uses, installed on the machine).
 * For the print preview, the site's own print stylesheet (src/styles/
 * print.css, its Noto fonts served from the package on demand) and the
 * print page's layout script (src/components/print/layout.ts), and the
 * preview's own page view (client/print-pages.css and .ts).
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { PACKAGE_ROOT } from '../core/index.ts';

export interface Asset {
  type: string;
  body: string | Uint8Array;
}

const CLIENT = join(PACKAGE_ROOT, 'src/studio/client');

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>编辑台 · jianbao</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/studio.css">
<script type="module" src="/studio.js"></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="masthead"><div class="masthead-inner"><span class="brand">编辑台</span><span class="site" id="site-title"></span></div>
<nav aria-label="主菜单" id="nav"></nav></header>
<main id="main" tabindex="-1"><p class="loading">正在打开内容目录……</p></main>
<div id="toast" role="status" aria-live="polite"></div>
</body>
</html>
`;

/** Where the print stylesheet's fonts are served from; only the files it names. */
export const PRINT_FONTS = '/print-fonts/';

/** The font files print.css names stay where they are installed, served by name under PRINT_FONTS. */
function fontsServed(fonts: Map<string, Asset | string>): Plugin {
  return {
    name: 'print-fonts',
    setup(build) {
      build.onResolve({ filter: /\.(woff2?|ttf|otf)$/ }, (args) => {
        const path = join(args.resolveDir, args.path);
        fonts.set(`${PRINT_FONTS}${basename(path)}`, path);
        return { path: `${PRINT_FONTS}${basename(path)}`, external: true };
      });
    },
  };
}

export interface Assets {
  /** The asset served at `path`, if any (a font file is read when first asked for). */
  get(path: string): Promise<Asset | undefined>;
}

/** Bundle the client and read the stylesheets. */
export async function loadAssets(): Promise<Assets> {
  const { build } = await import('esbuild');
  const fonts = new Map<string, Asset | string>();
  /** A browser script of the studio's client, bundled. */
  const script = async (entry: string) =>
    (
      await build({
        entryPoints: [join(CLIENT, entry)],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        target: ['chrome109', 'firefox115', 'edge109'],
        minify: true,
        charset: 'utf8',
        logLevel: 'silent',
      })
    ).outputFiles[0]!.contents;
  /** A stylesheet with its imports inlined. */
  const stylesheet = async (path: string, plugins: Plugin[] = []) =>
    (
      await build({
        entryPoints: [path],
        bundle: true,
        write: false,
        minify: true,
        charset: 'utf8',
        logLevel: 'silent',
        outdir: '/',
        plugins,
      })
    ).outputFiles[0]!.contents;
  const [printCss, printLayout, studio, css, pagesCss] = await Promise.all([
    stylesheet(join(PACKAGE_ROOT, 'src/styles/print.css'), [fontsServed(fonts)]),
    script('print-layout.ts'),
    script('main.ts'),
    // The site's colours and font stacks come in from src/styles/theme.css.
    stylesheet(join(CLIENT, 'studio.css')),
    readFile(join(CLIENT, 'print-pages.css')),
  ]);
  const files = new Map<string, Asset>([
    ['/', { type: 'text/html; charset=utf-8', body: PAGE }],
    ['/studio.js', { type: 'text/javascript; charset=utf-8', body: studio }],
    ['/studio.css', { type: 'text/css; charset=utf-8', body: css }],
    ['/print.css', { type: 'text/css; charset=utf-8', body: printCss }],
    ['/print-pages.css', { type: 'text/css; charset=utf-8', body: pagesCss }],
    ['/print-layout.js', { type: 'text/javascript; charset=utf-8', body: printLayout }],
  ]);
  return {
    async get(path) {
      const known = files.get(path) ?? fonts.get(path);
      if (known === undefined || typeof known !== 'string') return known;
      const asset: Asset = {
        type: path.endsWith('.woff2') ? 'font/woff2' : path.endsWith('.woff') ? 'font/woff' : 'font/ttf',
        body: await readFile(known),
      };
      fonts.set(path, asset);
      return asset;
    },
  };
}
