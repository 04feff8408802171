/**
 * 编一期: the series and the date; the next 期号 and 总期号; the pending
 * entries in the order `new issue` gives them, reordered by drag or by
 * 上移 / 下移, removed and added back; the 按语; the print preview of the
 * issue as it would be written (print-preview.ts); 生成本期 writes the issue
 * file through `new issue` itself.
 */
import { explain, get, post, type EntrySummary, type State } from './api.ts';
import { h, newestOnly, toast, view } from './dom.ts';
import { printPreview } from './print-preview.ts';

type Summary = EntrySummary;

interface Plan {
  ref: string;
  series: string;
  seriesName: string;
  numbering: string;
  date: string;
  entries: Summary[];
  later: Summary[];
  skipped: Summary[];
}

export async function showCompose(state: State): Promise<void> {
  const main = view('编一期');
  const series = h(
    'select',
    { id: 'c-series' },
    ...state.series.map((item) => h('option', { value: item.id }, `${item.name}（${item.id}）`)),
  );
  const date = h('input', { type: 'text', id: 'c-date', value: state.today, placeholder: '2025-12-05' });
  const numbering = h('p', { class: 'numbering', id: 'numbering', 'aria-live': 'polite' });
  const list = h('ol', { class: 'issue-entries', id: 'issue-entries', 'aria-label': '本期稿件（按此顺序排版）' });
  const spare = h('ul', { class: 'plain', id: 'spare-entries', 'aria-label': '未编入本期的待编稿件' });
  const notes = h('div', { class: 'muted', id: 'plan-notes' });
  const note = h('textarea', { id: 'c-note', rows: 4, placeholder: '编者按：……（可不写）' });
  const problems = h('div', { class: 'field-messages general', 'aria-live': 'polite' });
  const create = h('button', { type: 'button', class: 'primary', id: 'create-issue' }, '生成本期');
  let chosen: Summary[] = [];
  let removed: Summary[] = [];
  let plan: Plan | undefined;
  let dragged: number | undefined;
  const ask = newestOnly();
  const preview = printPreview();
  const previewNow = () =>
    preview.update(
      plan
        ? { series: series.value, date: date.value, entries: chosen.map((entry) => entry.id), note: note.value }
        : undefined,
    );

  const move = (from: number, to: number) => {
    if (to < 0 || to >= chosen.length || from === to) return;
    const [item] = chosen.splice(from, 1);
    chosen.splice(to, 0, item!);
    render();
    // Keep the keyboard where the entry went.
    const moved = list.querySelectorAll<HTMLElement>('li')[to];
    moved?.querySelector<HTMLButtonElement>(from < to ? '.down' : '.up')?.focus();
  };

  function render(): void {
    list.replaceChildren(
      ...chosen.map((entry, index) => {
        const item = h(
          'li',
          { draggable: 'true', 'data-id': entry.id },
          h(
            'span',
            { class: 'text' },
            h('span', { class: 'section-name' }, `【${entry.section}】`),
            entry.title,
            h('span', { class: 'muted' }, `　${entry.unit}　${entry.date}`),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'small up',
              'aria-label': `上移：${entry.title}`,
              disabled: index === 0,
              onclick: () => move(index, index - 1),
            },
            '上移',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'small down',
              'aria-label': `下移：${entry.title}`,
              disabled: index === chosen.length - 1,
              onclick: () => move(index, index + 1),
            },
            '下移',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              'aria-label': `移出本期：${entry.title}`,
              onclick: () => (
                (removed = [...removed, entry]),
                (chosen = chosen.filter((other) => other !== entry)),
                render()
              ),
            },
            '移出',
          ),
        );
        item.addEventListener('dragstart', (event) => {
          dragged = index;
          item.classList.add('dragging');
          event.dataTransfer?.setData('text/plain', entry.id);
        });
        item.addEventListener('dragend', () => item.classList.remove('dragging'));
        item.addEventListener('dragover', (event) => {
          event.preventDefault();
          item.classList.add('over');
        });
        item.addEventListener('dragleave', () => item.classList.remove('over'));
        item.addEventListener('drop', (event) => {
          event.preventDefault();
          if (dragged !== undefined) move(dragged, index);
          dragged = undefined;
        });
        return item;
      }),
    );
    if (!chosen.length) list.append(h('li', { class: 'muted' }, '本期还没有稿件'));
    spare.replaceChildren(
      ...removed.map((entry) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              'aria-label': `加入本期：${entry.title}`,
              onclick: () => (
                (chosen = [...chosen, entry]),
                (removed = removed.filter((other) => other !== entry)),
                render()
              ),
            },
            '加入',
          ),
          ` 【${entry.section}】${entry.title}（${entry.unit}）`,
        ),
      ),
    );
    if (!removed.length) spare.append(h('li', { class: 'muted' }, '没有'));
    previewNow();
  }

  async function load(): Promise<void> {
    // The series and the date may change while an older plan is on its way.
    const newest = ask();
    let answer: Plan;
    try {
      answer = await get<Plan>(
        `/api/issue/plan?series=${encodeURIComponent(series.value)}&date=${encodeURIComponent(date.value)}`,
      );
    } catch (error) {
      if (!newest()) return;
      problems.replaceChildren();
      plan = undefined;
      numbering.textContent = '';
      chosen = [];
      removed = [];
      render();
      problems.replaceChildren(h('p', { class: 'message error', role: 'alert' }, explain(error)));
      return;
    }
    if (!newest()) return;
    problems.replaceChildren();
    plan = answer;
    numbering.textContent = `《${plan.seriesName}》${plan.numbering}，印发日期 ${plan.date}`;
    chosen = [...plan.entries];
    removed = [];
    notes.replaceChildren(
      plan.later.length
        ? h(
            'p',
            {},
            `另有 ${plan.later.length} 篇待编稿件日期晚于印发日期，留待下一期：${plan.later.map((entry) => entry.title).join('、')}`,
          )
        : '',
      plan.skipped.length
        ? h(
            'p',
            { class: 'error' },
            `有 ${plan.skipped.length} 篇待编稿件有错误，不能编入：${plan.skipped.map((entry) => entry.title).join('、')}（到“检查”页查看）`,
          )
        : '',
    );
    render();
  }

  create.addEventListener('click', () => {
    if (!plan) return;
    create.disabled = true;
    post<{ file: string; ref: string; numbering: string; entries: number }>('/api/issue/create', {
      series: series.value,
      date: date.value,
      entries: chosen.map((entry) => entry.id),
      note: note.value,
    })
      .then((made) => {
        toast(`已生成${made.numbering}：${made.file}，共 ${made.entries} 篇稿件`);
        main.querySelector('#created')?.remove();
        main.append(
          h(
            'p',
            { class: 'summary ok', id: 'created', role: 'status' },
            `已写入 ${made.file}。`,
            h('a', { href: `#/publish?ref=${encodeURIComponent(made.ref)}` }, '核对后去发布'),
            '　',
            h('a', { href: `#/generate?ref=${encodeURIComponent(made.ref)}` }, '生成 PDF / Word'),
          ),
        );
        return load();
      })
      .catch((error: unknown) =>
        problems.replaceChildren(h('p', { class: 'message error', role: 'alert' }, explain(error))),
      )
      .finally(() => (create.disabled = false));
  });
  note.addEventListener('input', previewNow);
  series.addEventListener('change', () => void load());
  date.addEventListener('change', () => void load());

  main.append(
    h(
      'div',
      { class: 'filters' },
      h('div', { class: 'filter' }, h('label', { for: 'c-series' }, '刊物'), series),
      h('div', { class: 'filter' }, h('label', { for: 'c-date' }, '印发日期'), date),
      numbering,
    ),
    problems,
    h(
      'div',
      { class: 'compose' },
      h('section', { class: 'panel' }, h('h2', {}, '本期稿件（拖动或用“上移”“下移”调整顺序）'), list, notes),
      h(
        'section',
        { class: 'panel' },
        h('h2', {}, '未编入本期的待编稿件'),
        spare,
        h('label', { for: 'c-note' }, '按语'),
        note,
        h('p', { class: 'actions' }, create, h('span', { class: 'muted' }, '写入期刊文件，与 jianbao new issue 相同')),
      ),
      preview.element,
    ),
  );
  await load();
}
