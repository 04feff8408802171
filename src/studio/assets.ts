/**
 * The studio's page: one HTML shell, one stylesheet, one script bundled by
 * esbuild from src/studio/client/ when the studio starts (nothing from a
 * CDN; the fonts are the ones the site uses, installed on the machine).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Bundle the client and read the stylesheet: path → asset. */
export async function loadAssets(): Promise<Map<string, Asset>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(CLIENT, 'main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'edge109'],
    minify: true,
    charset: 'utf8',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]!.contents;
  const css = await readFile(join(CLIENT, 'studio.css'));
  return new Map<string, Asset>([
    ['/', { type: 'text/html; charset=utf-8', body: PAGE }],
    ['/studio.js', { type: 'text/javascript; charset=utf-8', body: script }],
    ['/studio.css', { type: 'text/css; charset=utf-8', body: css }],
  ]);
}
