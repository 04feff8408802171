/**
 * The second reference of bench/run: the same entries built by Hugo, what an
 * engineer would pick instead of jianbao. One page per entry, the entries'
 * sections and units as taxonomies (each with its list pages), and a minimal
 * theme written here: a base template, a single page and the list pages.
 *
 * `prepareHugoSite` copies the entries once (outside the measurement);
 * bench/run then times `hugo` on the prepared folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import yaml from 'js-yaml';

/** Hugo's version line, or undefined when Hugo is not installed. */
export function hugoVersion(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim().split(' ').slice(0, 2).join(' ');
  } catch {
    return undefined;
  }
}

const LAYOUTS: Record<string, string> = {
  'layouts/_default/baseof.html': `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  'layouts/_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }} {{ range .Params.units }}{{ . }} {{ end }}</p>{{ .Content }}</article>{{ end }}
`,
  'layouts/_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
  'layouts/_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>（{{ .Count }}）</li>{{ end }}</ul>{{ end }}
`,
  'layouts/index.html': `{{ define "main" }}<ul>{{ range first 50 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
};

const CONFIG = `baseURL = "/"
title = "参照：Hugo"
languageCode = "zh-cn"
hasCJKLanguage = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]
paginate = 200
[taxonomies]
  section = "sections"
  unit = "units"
[markup.goldmark.renderer]
  unsafe = false
`;

/** Front matter keys of an entry, in either language. */
function field(data: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = data[name];
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map(String).join('、');
  }
  return undefined;
}

/**
 * A Hugo site in `dir` with every entry of `content/entries` as a page.
 * Returns the number of pages written.
 */
export async function prepareHugoSite(content: string, dir: string): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  await writeFile(join(dir, 'hugo.toml'), CONFIG);
  const entries = join(content, 'entries');
  const files = (await readdir(entries, { recursive: true })).filter((name) => name.endsWith('.md'));
  for (const name of files) {
    const text = await readFile(join(entries, name), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
    if (!match) continue;
    const data = (yaml.load(match[1]!) ?? {}) as Record<string, unknown>;
    const body = match[2]!;
    const front = {
      title: field(data, 'title', '标题') ?? body.replace(/[#*\s]/g, '').slice(0, 24),
      date: field(data, 'date', '日期') ?? '2016-01-01',
      sections: [field(data, 'section', '栏目') ?? '工作动态'],
      units: [field(data, 'unit', '单位') ?? '未知'],
    };
    const out = join(dir, 'content', 'entries', relative(entries, join(entries, name)));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `---\n${yaml.dump(front)}---\n${body}`);
  }
  return files.length;
}
