/**
 * The search page's script: asks Pagefind (the yearly bundles, merged), puts
 * results that hold the reader's phrase first (site/search-rank.ts) and shows
 * them in pages of ten, each with an excerpt around the phrase. Everything it
 * needs is on `#search`: data-bundle (the main bundle's folder), data-merge
 * (JSON list of the older years' folders) and data-base-url.
 */
import {
  byPhrase,
  parseQuery,
  phraseExcerpt,
  phraseTier,
  RERANK_WINDOW,
  type ExcerptRun,
  type SearchQuery,
} from '../../site/search-rank.ts';

/** What Pagefind's data() gives for a page (the fields read here). */
interface Fragment {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface Found {
  results: { data: () => Promise<Fragment> }[];
}

/** Pagefind's browser API (pagefind.js in the bundle), as far as it is used. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<Found | null>;
  debouncedSearch(term: string, options: Record<string, unknown>, timeoutMs: number): Promise<Found | null>;
}

/** Results shown at a time. */
const PAGE_SIZE = 10;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt (marked HTML) as runs: only its text and its <mark>s are kept. */
function pagefindRuns(excerpt: string): ExcerptRun[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) => ({
    text: node.textContent ?? '',
    mark: node.nodeName === 'MARK',
  }));
}

function excerptNode(fragment: Fragment, query: SearchQuery): HTMLElement {
  const runs =
    (phraseTier(fragment.content, query) < 2 && phraseExcerpt(fragment.content, query)) ||
    pagefindRuns(fragment.excerpt);
  const node = element('p', 'search__result-excerpt');
  for (const run of runs) {
    const text = run.text.replace(/\u200b/g, '');
    node.append(run.mark ? element('mark', '', text) : document.createTextNode(text));
  }
  return node;
}

function resultNode(fragment: Fragment, query: SearchQuery): HTMLLIElement {
  const item = element('li', 'search__result');
  const title = element('p', 'search__result-title');
  const link = element('a', '', fragment.meta.title ?? fragment.url);
  link.href = fragment.url;
  title.append(link);
  item.append(title, excerptNode(fragment, query));
  return item;
}

function start(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const input = root.querySelector('input')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = root.querySelector('ol')!;
  const more = root.querySelector<HTMLButtonElement>('.search__more')!;
  const baseUrl = root.dataset.baseUrl ?? '/';

  // Loaded once; a query typed meanwhile waits for it.
  const loading = (async (): Promise<Pagefind | undefined> => {
    try {
      const pagefind = (await import(
        /* @vite-ignore */ `${root.dataset.bundle ?? '/pagefind/'}pagefind.js`
      )) as Pagefind;
      await pagefind.options({ baseUrl });
      for (const bundlePath of JSON.parse(root.dataset.merge ?? '[]') as string[])
        await pagefind.mergeIndex(bundlePath, { baseUrl });
      return pagefind;
    } catch {
      document.getElementById('search-missing')!.hidden = false;
      form.hidden = true;
      return undefined;
    }
  })();

  let generation = 0;
  const run = async (query: string, debounce: boolean) => {
    const mine = ++generation;
    const parsed = parseQuery(query);
    const url = new URL(window.location.href);
    if (parsed.term) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!parsed.term) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    status.textContent = '正在检索……';
    const pagefind = await loading;
    if (!pagefind || mine !== generation) return;
    const found = debounce ? await pagefind.debouncedSearch(parsed.term, {}, 300) : await pagefind.search(parsed.term);
    if (!found || mine !== generation) return;
    // The first RERANK_WINDOW results read and put in phrase order; the rest as Pagefind ranked them.
    const head = await Promise.all(found.results.slice(0, RERANK_WINDOW).map((result) => result.data()));
    if (mine !== generation) return;
    const ordered: (() => Promise<Fragment>)[] = [
      ...byPhrase(head, (fragment) => fragment.content, parsed).map((fragment) => () => Promise.resolve(fragment)),
      ...found.results.slice(RERANK_WINDOW).map((result) => () => result.data()),
    ];
    let shown = 0;
    const showMore = async () => {
      const next = await Promise.all(ordered.slice(shown, shown + PAGE_SIZE).map((load) => load()));
      if (mine !== generation) return;
      list.append(...next.map((fragment) => resultNode(fragment, parsed)));
      shown += next.length;
      const left = ordered.length - shown;
      more.hidden = left === 0;
      more.textContent = `显示更多结果（还有 ${left} 期）`;
    };
    list.replaceChildren();
    more.onclick = () => void showMore();
    await showMore();
    if (mine !== generation) return;
    const whole = head.filter((fragment) => phraseTier(fragment.content, parsed) === 0).length;
    status.textContent =
      ordered.length === 0
        ? `没有找到与「${parsed.term}」相关的简报。`
        : whole > 0 && whole < ordered.length
          ? `找到 ${ordered.length} 期简报，其中 ${whole} 期含有完整的「${parsed.phrase}」，排在前面。`
          : `找到 ${ordered.length} 期简报。`;
  };

  input.addEventListener('input', () => void run(input.value, true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value, false);
  });
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) input.value = query;
  if (input.value) void run(input.value, false);
}

const root = document.getElementById('search');
if (root) start(root);
