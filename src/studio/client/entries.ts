/** 稿件: every entry, filtered by 刊物, 栏目, 单位, 状态 and a title search, with the count each choice would give. */
import { explain, get, type State } from './api.ts';
import { h, view } from './dom.ts';

interface Row {
  id: string;
  title: string;
  series: string;
  section: string;
  unit: string;
  date: string;
  status: string;
  issue?: { ref: string; name: string };
  errors: number;
  warnings: number;
}

const STATUSES = ['待编', '草稿', '已编入', '已发布', '撤稿'];

type Filter = 'series' | 'section' | 'unit' | 'status';

export async function showEntries(state: State): Promise<void> {
  const main = view('稿件');
  let rows: Row[];
  try {
    rows = (await get<{ entries: Row[] }>('/api/entries')).entries;
  } catch (error) {
    main.append(h('p', { class: 'error' }, explain(error)));
    return;
  }
  const sectionName = new Map(state.sections.map((section) => [section.id, section.name]));
  const seriesName = new Map(state.series.map((series) => [series.id, series.name]));
  const chosen: Record<Filter, string> = { series: '', section: '', unit: '', status: '' };
  let search = '';

  const matches = (row: Row, except?: Filter) =>
    (Object.keys(chosen) as Filter[]).every((key) => key === except || !chosen[key] || row[key] === chosen[key]) &&
    (!search || row.title.includes(search) || row.id.includes(search));

  const selects: Record<Filter, HTMLSelectElement> = {
    series: h('select', { id: 'filter-series' }),
    section: h('select', { id: 'filter-section' }),
    unit: h('select', { id: 'filter-unit' }),
    status: h('select', { id: 'filter-status' }),
  };
  const values: Record<Filter, [string, string][]> = {
    series: state.series.map((series) => [series.id, series.name]),
    section: state.sections.map((section) => [section.id, section.name]),
    unit: [...new Set(rows.map((row) => row.unit))].map((unit) => [unit, unit]),
    status: STATUSES.map((status) => [status, status]),
  };
  const searchBox = h('input', { type: 'search', id: 'filter-search', placeholder: '标题中的字词' });
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const body = h('tbody');

  function render(): void {
    for (const key of Object.keys(selects) as Filter[]) {
      const select = selects[key];
      const total = rows.filter((row) => matches(row, key)).length;
      select.replaceChildren(
        h('option', { value: '' }, `全部（${total}）`),
        ...values[key].map(([value, label]) => {
          const n = rows.filter((row) => matches(row, key) && row[key] === value).length;
          return h('option', { value, selected: chosen[key] === value }, `${label}（${n}）`);
        }),
      );
    }
    const shown = rows.filter((row) => matches(row));
    count.textContent = `共 ${shown.length} 篇（全部 ${rows.length} 篇）`;
    body.replaceChildren(
      ...shown
        .slice(0, 300)
        .map((row) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `#/entry?id=${encodeURIComponent(row.id)}` }, row.title)),
            h('td', {}, seriesName.get(row.series) ?? row.series),
            h('td', {}, sectionName.get(row.section) ?? row.section),
            h('td', {}, row.unit),
            h('td', { class: 'nowrap' }, row.date),
            h(
              'td',
              {},
              h('span', { class: `status status-${row.status}` }, row.status),
              row.issue ? h('span', { class: 'muted' }, ` ${row.issue.name}`) : null,
            ),
            h(
              'td',
              {},
              row.errors ? h('span', { class: 'badge error' }, `${row.errors} 个错误`) : null,
              row.warnings ? h('span', { class: 'badge warning' }, `${row.warnings} 个提醒`) : null,
            ),
          ),
        ),
    );
    if (shown.length > 300)
      body.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, `只列出前 300 篇，请用上面的条件缩小范围`)));
  }

  for (const key of Object.keys(selects) as Filter[]) {
    selects[key].addEventListener('change', () => {
      chosen[key] = selects[key].value;
      render();
    });
  }
  searchBox.addEventListener('input', () => {
    search = searchBox.value.trim();
    render();
  });

  const label = (id: string, text: string, control: HTMLElement) =>
    h('div', { class: 'filter' }, h('label', { for: id }, text), control);
  main.append(
    h(
      'div',
      { class: 'filters', role: 'search' },
      label('filter-series', '刊物', selects.series),
      label('filter-section', '栏目', selects.section),
      label('filter-unit', '单位', selects.unit),
      label('filter-status', '状态', selects.status),
      label('filter-search', '搜索标题', searchBox),
      h('a', { class: 'button primary', href: '#/new' }, '新建稿件'),
    ),
    count,
    h(
      'table',
      { class: 'list' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['标题', '刊物', '栏目', '单位', '日期', '状态', '检查'].map((text) => h('th', { scope: 'col' }, text)),
        ),
      ),
      body,
    ),
  );
  render();
}
