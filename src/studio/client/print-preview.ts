/**
 * 编一期's print preview: the issue as it would be written, compiled and
 * rendered by the server as the site's print page (A4, 草稿 mark), shown in
 * an iframe scaled to the panel's width. Refreshed a moment after the last
 * change (order, entries, 按语, date), the newest request winning; nothing
 * is written until 生成本期.
 */
import { explain, post } from './api.ts';
import { h, newestOnly } from './dom.ts';

/** The print page's sheet on screen (210 mm, a left page 2 mm further right) and a little of its grey around it. */
const SHEET_PX = 820;
const DEBOUNCE_MS = 400;

export interface PreviewRequest {
  series: string;
  date: string;
  entries: string[];
  note: string;
}

interface PreviewResponse {
  file: string;
  numbering: string;
  url: string | null;
  problems: { message: string; hint: string }[];
}

export interface PrintPreview {
  element: HTMLElement;
  /** Show the preview of this request soon (debounced); `undefined`: nothing to preview. */
  update(request: PreviewRequest | undefined): void;
}

export function printPreview(): PrintPreview {
  const status = h('p', { class: 'muted preview-status', id: 'preview-status', 'aria-live': 'polite' });
  const frame = h('iframe', { id: 'print-preview', title: '打印预览（A4，草稿）', tabindex: '-1' });
  const stage = h('div', { class: 'preview-stage' }, frame);
  // The scroll box takes the keyboard: Tab to it, then the arrow keys and Page Down scroll the pages.
  const box = h(
    'div',
    {
      class: 'preview-box',
      tabindex: '0',
      role: 'region',
      'aria-label': '打印预览',
      'aria-describedby': 'preview-status',
    },
    stage,
  );
  // The panel shows the pages small: the same document at full size in a tab of its own.
  const open = h(
    'a',
    { class: 'preview-open', id: 'preview-open', target: '_blank', rel: 'noopener', hidden: true },
    '在新窗口中按原大查看',
  );
  const element = h('section', { class: 'panel preview-panel' }, h('h2', {}, '打印预览'), status, box, open);
  let timer: number | undefined;
  const ask = newestOnly();

  const scale = () => box.clientWidth / SHEET_PX;
  const fit = () => {
    const ratio = scale();
    const height = frame.contentDocument?.documentElement.scrollHeight ?? 0;
    frame.style.height = `${height}px`;
    frame.style.transform = `scale(${ratio})`;
    stage.style.height = `${Math.ceil(height * ratio)}px`;
  };
  new ResizeObserver(fit).observe(box);

  /** Once the print page's layout script has placed the 版记 and the pages are drawn: the page count, the frame's height. */
  const whenLaidOut = (numbering: string) => {
    const root = frame.contentDocument?.documentElement;
    if (!root) return;
    const done = () => {
      fit();
      // The pages drawn (print-pages.ts); a browser that cannot draw them has the count layout.ts measured.
      const pages = root.dataset.sheets ?? root.dataset.pages;
      status.textContent = `${numbering}（草稿）${pages ? `，共 ${pages} 页 A4` : ''}。生成本期之前不写入任何文件。`;
    };
    if (root.dataset.preview === 'ready') return done();
    const watcher = new MutationObserver(() => {
      if (root.dataset.preview !== 'ready') return;
      watcher.disconnect();
      done();
    });
    watcher.observe(root, { attributes: true, attributeFilter: ['data-preview'] });
  };

  async function refresh(request: PreviewRequest, newest: () => boolean): Promise<void> {
    status.textContent = '正在更新预览……';
    let shown: PreviewResponse;
    try {
      shown = await post<PreviewResponse>('/api/issue/preview', request);
    } catch (error) {
      if (newest()) status.textContent = `无法预览：${explain(error)}`;
      return;
    }
    if (!newest()) return; // a newer change is on its way
    if (!shown.url) {
      open.hidden = true;
      status.textContent = `无法预览：${shown.problems.map((problem) => [problem.message, problem.hint].filter(Boolean).join(' → ')).join('；')}`;
      return;
    }
    frame.onload = () => whenLaidOut(shown.numbering);
    frame.src = shown.url;
    open.href = shown.url;
    open.hidden = false;
  }

  return {
    element,
    update(request) {
      window.clearTimeout(timer);
      const newest = ask();
      if (!request) {
        status.textContent = '';
        frame.removeAttribute('src');
        open.hidden = true;
        return;
      }
      timer = window.setTimeout(() => void refresh(request, newest), DEBOUNCE_MS);
    },
  };
}
