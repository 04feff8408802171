/** The studio's page: the menu and the views, chosen by the address's #fragment. */
import { get, type State } from './api.ts';
import { showCheck } from './check.ts';
import { showCompose } from './compose.ts';
import { h } from './dom.ts';
import { showEditor } from './editor.ts';
import { showEntries } from './entries.ts';
import { showGenerate } from './generate.ts';
import { showPublish } from './publish.ts';

const MENU: [string, string][] = [
  ['#/entries', '稿件'],
  ['#/new', '新建稿件'],
  ['#/compose', '编一期'],
  ['#/publish', '发布'],
  ['#/check', '检查'],
  ['#/generate', '生成'],
];

let state: State | undefined;

async function route(): Promise<void> {
  state ??= await get<State>('/api/state');
  const [path = '#/entries', query = ''] = (location.hash || '#/entries').split('?');
  const params = new URLSearchParams(query);
  document.getElementById('toast')!.className = '';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    if (link.getAttribute('href') === path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  switch (path) {
    case '#/new':
      return showEditor(state, undefined);
    case '#/entry':
      return showEditor(state, params.get('id') ?? undefined);
    case '#/compose':
      return showCompose(state);
    case '#/publish':
      return showPublish(state, params.get('ref') ?? undefined);
    case '#/check':
      return showCheck();
    case '#/generate':
      return showGenerate(params.get('ref') ?? undefined);
    default:
      return showEntries(state);
  }
}

function start(): void {
  const nav = document.getElementById('nav')!;
  nav.append(
    h(
      'ul',
      {},
      MENU.map(([href, label]) => h('li', {}, h('a', { href }, label))),
    ),
  );
  window.addEventListener('hashchange', () => void route());
  void get<State>('/api/state').then((loaded) => {
    state = loaded;
    document.getElementById('site-title')!.textContent = loaded.title;
    return route();
  });
}

start();
