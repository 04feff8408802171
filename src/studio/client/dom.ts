/** Building the page: a tiny element helper, the toast, the main area. */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | null | undefined>;

/** `h('button', { type: 'button', onclick }, '保存')` */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/**
 * A fresh view in the main area, with a heading that takes the focus (for
 * keyboard and screen-reader users). A view still loading when the next one
 * opens fills its own detached element, never the new view.
 */
export function view(title: string): HTMLElement {
  const main = document.getElementById('main')!;
  const section = h('div', { class: 'view' });
  const heading = h('h1', { class: 'view-title', tabindex: '-1' }, title);
  section.append(heading);
  main.replaceChildren(section);
  document.title = `${title} · 编辑台`;
  queueMicrotask(() => heading.focus());
  return section;
}

let toastTimer: number | undefined;

/** A short message at the bottom of the page (announced to screen readers). */
export function toast(message: string, kind: 'ok' | 'error' = 'ok'): void {
  const box = document.getElementById('toast')!;
  box.textContent = message;
  box.className = `show ${kind}`;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (box.className = ''), kind === 'error' ? 9000 : 5000);
}

/** A labelled field: `<label for>` and the control, with a message area the control is described by. */
export function field(id: string, label: string, control: HTMLElement, extra?: Node): HTMLElement {
  control.id = id;
  const messages = h('div', { class: 'field-messages', id: `${id}-messages`, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', messages.id);
  return h(
    'div',
    { class: 'field', 'data-field': id.replace(/^f-/, '') },
    h('label', { for: id }, label),
    control,
    extra,
    messages,
  );
}

export function debounce<A extends unknown[]>(
  run: (...args: A) => void | Promise<void>,
  ms: number,
): (...args: A) => void {
  let timer: number | undefined;
  return (...args: A) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(...args), ms);
  };
}

/**
 * Answers to requests sent one after another can arrive out of order; only
 * the newest may change the page. `ask()` marks a new request and returns a
 * test that is true while no newer request has been marked.
 */
export function newestOnly(): () => () => boolean {
  let asked = 0;
  return () => {
    const mine = ++asked;
    return () => mine === asked;
  };
}
