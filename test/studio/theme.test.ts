/**
 * One source of the bulletin's colours and font stacks: src/styles/theme.css,
 * imported by the site's stylesheet and by the studio's. The studio serves
 * its stylesheet bundled, theme included, and declares none of the theme's
 * properties itself (the site's bytes are checked by page-digests.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../../src/studio/server.ts';
import { ROOT } from '../helpers/index.ts';
import { sampleCopy } from '../helpers/workflow.ts';

const THEME = join(ROOT, 'src/styles/theme.css');

/** The custom properties a stylesheet declares. */
const declared = (css: string) => new Set([...css.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((match) => match[1]!));

describe('the theme shared by the site and the studio', () => {
  let studio: Studio;
  beforeAll(async () => {
    const dir = await sampleCopy();
    studio = await startStudio({
      contentDir: dir,
      port: 0,
      today: () => '2025-12-05',
      outDir: join(dir, '..', 'dist'),
    });
  });
  afterAll(() => studio?.close());

  it('is imported by both stylesheets, and the studio serves it', async () => {
    const theme = await readFile(THEME, 'utf8');
    const names = declared(theme);
    expect([...names]).toEqual(expect.arrayContaining(['--red', '--ink', '--font-sans', '--font-fangsong']));
    expect(await readFile(join(ROOT, 'src/styles/site.css'), 'utf8')).toMatch(/^@import "\.\/theme\.css";$/m);
    const source = await readFile(join(ROOT, 'src/studio/client/studio.css'), 'utf8');
    expect(source).toMatch(/^@import "\.\.\/\.\.\/styles\/theme\.css";$/m);
    // The studio's own properties only: none of the theme's is declared again.
    expect([...declared(source)].filter((name) => names.has(name))).toEqual([]);

    const served = await fetch(`${studio.origin}/studio.css`, { headers: { 'x-jianbao-token': studio.token } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const css = await served.text();
    const minified = (
      await build({
        entryPoints: [THEME],
        bundle: true,
        write: false,
        minify: true,
        charset: 'utf8',
        logLevel: 'silent',
      })
    ).outputFiles[0]!.text.trim();
    expect(minified).toMatch(/^:root\{--red:/);
    expect(css).toContain(minified);
    expect(css).not.toContain('@import');
  });
});
