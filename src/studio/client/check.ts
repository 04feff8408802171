/** 检查: every diagnostic of the content, grouped by file; each file opens where it can be fixed. */
import { explain, get, type FieldMessage } from './api.ts';
import { h, view } from './dom.ts';

interface Checked {
  errors: number;
  warnings: number;
  files: { file: string; entry: string | null; issue: string | null; messages: FieldMessage[] }[];
}

export async function showCheck(): Promise<void> {
  const main = view('检查');
  let checked: Checked;
  try {
    checked = await get<Checked>('/api/check');
  } catch (error) {
    main.append(h('p', { class: 'error' }, explain(error)));
    return;
  }
  main.append(
    h(
      'p',
      { class: checked.errors ? 'summary error' : 'summary ok' },
      checked.errors || checked.warnings
        ? `共 ${checked.errors} 个错误，${checked.warnings} 个提醒，涉及 ${checked.files.length} 个文件`
        : '没有发现问题',
    ),
  );
  const onlyErrors = h('input', { type: 'checkbox', id: 'only-errors' });
  main.append(h('p', { class: 'toggle' }, onlyErrors, h('label', { for: 'only-errors' }, '只看错误')));
  const list = h('div', { class: 'check-files' });
  const render = () => {
    list.replaceChildren(
      ...checked.files
        .map((file) => ({
          ...file,
          messages: onlyErrors.checked ? file.messages.filter((m) => m.severity === 'error') : file.messages,
        }))
        .filter((file) => file.messages.length)
        .map((file) =>
          h(
            'section',
            { class: 'check-file' },
            h(
              'h2',
              {},
              file.entry
                ? h('a', { href: `#/entry?id=${encodeURIComponent(file.entry)}` }, file.file)
                : file.issue
                  ? h('a', { href: `#/publish?ref=${encodeURIComponent(file.issue)}` }, file.file)
                  : file.file,
            ),
            h(
              'ul',
              {},
              file.messages.map((message) =>
                h(
                  'li',
                  { class: `message ${message.severity}` },
                  h('span', { class: 'where' }, `${message.line ?? ''}行`),
                  message.severity === 'error' ? ' 错误：' : ' 提醒：',
                  message.message,
                  message.hint ? h('span', { class: 'hint' }, ` → ${message.hint}`) : null,
                  h('code', { class: 'rule' }, message.rule ?? ''),
                ),
              ),
            ),
          ),
        ),
    );
  };
  onlyErrors.addEventListener('change', render);
  main.append(list);
  render();
}
