/**
 * 新建稿件 / 编辑稿件: the form (刊物, 栏目, 日期, 单位, 领导, 标题, 状态, 正文),
 * the check's messages at the field they concern, the body's lint findings
 * with one-click fixes, a live preview by the site's renderer, pasting from
 * Word or a web page through the import cleaner, and a save that never
 * overwrites a file changed on disk meanwhile.
 */
import {
  ApiError,
  explain,
  get,
  post,
  type BodyFinding,
  type EntryForm,
  type FieldMessage,
  type State,
} from './api.ts';
import { debounce, field, h, newestOnly, toast, view } from './dom.ts';
import { unitPicker } from './unit-picker.ts';

interface Opened {
  id: string;
  file: string;
  version: string;
  text: string;
  form: EntryForm;
  frozen: { ref: string; name: string; file: string } | null;
  issue: string | null;
  messages: FieldMessage[];
  findings: BodyFinding[];
}

const FIELDS = ['series', 'section', 'date', 'unit', 'people', 'title', 'status', 'body'];

export async function showEditor(state: State, id: string | undefined): Promise<void> {
  const main = view(id ? '编辑稿件' : '新建稿件');
  const byId = (name: string) => main.querySelector<HTMLElement>(`#${CSS.escape(name)}`);
  let opened: Opened | undefined;
  if (id) {
    try {
      opened = await get<Opened>(`/api/entry?id=${encodeURIComponent(id)}`);
    } catch (error) {
      main.append(
        h('p', { class: 'error', role: 'alert' }, explain(error)),
        h('p', {}, h('a', { href: '#/entries' }, '回到稿件列表')),
      );
      return;
    }
  }
  const initial: EntryForm = opened?.form ?? {
    series: '',
    section: '',
    date: state.today,
    unit: '',
    people: [],
    title: '',
    status: '待编',
    body: '',
  };
  const frozen = Boolean(opened?.frozen);
  let version = opened?.version;
  let savedMessages: FieldMessage[] = opened?.messages ?? [];
  let bodyTouched = Boolean(opened);
  /** Fields whose messages show: on a new entry only those the clerk has changed, until the first 保存 (no red on an empty form). */
  const speaking = new Set<string>(opened ? FIELDS : []);

  const series = h(
    'select',
    {},
    h('option', { value: '' }, state.series.length > 1 ? '（按栏目自动选择）' : (state.series[0]?.name ?? '')),
    ...state.series.map((item) =>
      h('option', { value: item.id, selected: item.id === initial.series }, `${item.name}（${item.id}）`),
    ),
  );
  const section = h('select');
  const fillSections = () => {
    const chosen = state.series.find((item) => item.id === series.value);
    const sections = chosen ? chosen.sections : state.sections;
    const current = section.value || initial.section;
    section.replaceChildren(
      h('option', { value: '' }, '请选择栏目'),
      ...sections.map((item) => h('option', { value: item.name, selected: item.name === current }, item.name)),
    );
    if (current && !sections.some((item) => item.name === current))
      section.append(h('option', { value: current, selected: true }, current));
  };
  fillSections();
  const date = h('input', {
    type: 'text',
    value: initial.date,
    placeholder: '2025-12-03 或 2025年12月3日',
    inputmode: 'numeric',
  });
  const unit = unitPicker(initial.unit, () => refresh());
  const leaders = [...state.people.map((person) => ({ name: person.name, label: `${person.title}${person.name}` }))];
  for (const name of [...state.allPeople, ...initial.people])
    if (!leaders.some((leader) => leader.name === name)) leaders.push({ name, label: name });
  const people = h(
    'select',
    { multiple: true, size: 4 },
    ...leaders.map((leader) =>
      h('option', { value: leader.name, selected: initial.people.includes(leader.name) }, leader.label),
    ),
  );
  const title = h('input', {
    type: 'text',
    value: initial.title,
    placeholder: '上级会议精神、经验推介和“文章”版式的刊物必填',
  });
  const status = h(
    'select',
    {},
    ...state.statuses.map((name) => h('option', { value: name, selected: name === initial.status }, name)),
  );
  const body = h('textarea', {
    rows: 8,
    spellcheck: 'false',
    placeholder: opened ? '' : '可以直接从 Word 或网页粘贴（会自动清理）。不填时按模板写入开头“X月X日，单位”。',
  });
  body.value = initial.body;
  // In FIELDS' order.
  const controls = [series, section, date, unit.input, people, title, status, body];
  if (frozen) for (const control of controls) control.setAttribute('disabled', '');

  const general = h('div', { class: 'field-messages general', id: 'general-messages', 'aria-live': 'polite' });
  const preview = h('div', { class: 'preview article-body', id: 'preview', 'aria-label': '预览' });
  const findingsBox = h('div', { class: 'findings', id: 'findings', 'aria-live': 'polite' });
  const conflictBox = h('div', { class: 'conflict', id: 'conflict', hidden: true });
  const saveButton = h('button', { type: 'button', class: 'primary', id: 'save' }, '保存');

  const formValue = (): EntryForm => ({
    series: series.value,
    section: section.value,
    date: date.value,
    unit: unit.input.value,
    people: [...people.selectedOptions].map((option) => option.value),
    title: title.value,
    status: status.value,
    body: body.value,
  });

  function showMessages(live: FieldMessage[]): void {
    for (const name of FIELDS) {
      const box = byId(`f-${name}-messages`);
      box?.replaceChildren();
      byId(`f-${name}`)?.removeAttribute('aria-invalid');
    }
    general.replaceChildren();
    const seen = new Set<string>();
    for (const message of [...live, ...savedMessages]) {
      const key = `${message.field}|${message.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (FIELDS.includes(message.field) && !speaking.has(message.field)) continue;
      const box = byId(`f-${message.field}-messages`) ?? general;
      box.append(
        h(
          'p',
          { class: `message ${message.severity}` },
          message.severity === 'error' ? '错误：' : '提醒：',
          message.message,
          message.hint ? h('span', { class: 'hint' }, ` → ${message.hint}`) : null,
        ),
      );
      if (message.severity === 'error') byId(`f-${message.field}`)?.setAttribute('aria-invalid', 'true');
    }
  }

  function applyEdits(edits: { start: number; end: number; text: string }[]): void {
    let text = body.value;
    for (const edit of [...edits].sort((a, b) => b.start - a.start))
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    body.value = text;
    bodyTouched = true;
    refresh();
  }

  function showFindings(findings: BodyFinding[]): void {
    findingsBox.replaceChildren();
    if (!findings.length) return;
    const fixable = findings.filter((finding) => finding.edits);
    findingsBox.append(
      h(
        'h2',
        {},
        `正文规范（${findings.length}）`,
        fixable.length > 1 && !frozen
          ? h('button', { type: 'button', class: 'small', onclick: () => void fixAll() }, '全部修复')
          : null,
      ),
      h(
        'ul',
        {},
        findings.map((finding) =>
          h(
            'li',
            {},
            h('q', {}, body.value.slice(finding.start, Math.max(finding.end, finding.start + 1)).slice(0, 20)),
            ` ${finding.message}`,
            finding.hint ? h('span', { class: 'hint' }, ` → ${finding.hint}`) : null,
            finding.edits && !frozen
              ? h('button', { type: 'button', class: 'small', onclick: () => applyEdits(finding.edits!) }, '修复')
              : null,
          ),
        ),
      ),
    );
  }

  async function fixAll(): Promise<void> {
    const fixed = await post<{ body: string; applied: number }>('/api/lint/fix', { form: formValue() });
    body.value = fixed.body;
    bodyTouched = true;
    toast(`已修复 ${fixed.applied} 处`);
    refresh();
  }

  const checking = newestOnly();
  const refresh = debounce(async () => {
    const newest = checking();
    try {
      const checked = await post<{ messages: FieldMessage[]; findings: BodyFinding[]; preview: string }>(
        '/api/entry/check',
        // The entry's id: its images are found beside its file.
        { form: formValue(), ...(opened ? { id: opened.id } : {}) },
      );
      // A slower answer about older text must not replace a newer one.
      if (!newest()) return;
      showMessages(checked.messages);
      showFindings(checked.findings);
      preview.innerHTML = checked.preview;
    } catch (error) {
      if (newest()) general.replaceChildren(h('p', { class: 'message error' }, explain(error)));
    }
  }, 350);

  async function save(overwrite?: string): Promise<void> {
    if (frozen) return;
    for (const name of FIELDS) speaking.add(name);
    saveButton.disabled = true;
    try {
      if (!opened) {
        const form = { ...formValue(), body: bodyTouched && body.value.trim() ? body.value : null };
        const created = await post<{ id: string; file: string }>('/api/entry/create', { form });
        toast(`已保存：${created.file}`);
        location.hash = `#/entry?id=${encodeURIComponent(created.id)}`;
        return;
      }
      const saved = await post<{ version: string; changed: boolean; messages: FieldMessage[]; errors: number }>(
        '/api/entry/save',
        { id: opened.id, form: formValue(), version: overwrite ?? version },
      );
      version = saved.version;
      savedMessages = saved.messages;
      conflictBox.hidden = true;
      toast(saved.changed ? `已保存：${opened.file}` : '没有改动');
      refresh();
    } catch (error) {
      if (error instanceof ApiError && error.body.conflict) return showConflict(error.body.conflict);
      if (error instanceof ApiError && error.body.field) {
        showMessages([
          {
            field: error.body.field,
            severity: 'error',
            message: error.body.error ?? '',
            ...(error.body.hint ? { hint: error.body.hint } : {}),
          },
        ]);
        byId(`f-${error.body.field}`)?.focus();
      } else general.replaceChildren(h('p', { class: 'message error', role: 'alert' }, explain(error)));
      toast('没有保存', 'error');
    } finally {
      saveButton.disabled = false;
    }
  }

  function showConflict(conflict: { current: string; version: string }): void {
    const mine = formValue();
    conflictBox.hidden = false;
    conflictBox.replaceChildren(
      h('h2', {}, '文件在打开之后被改动过，没有保存'),
      h(
        'p',
        {},
        '可能在别的编辑器里改了这篇稿件。请对照下面两个版本：可以载入磁盘上的版本（放弃您的修改），或者用您的修改覆盖它。',
      ),
      h(
        'div',
        { class: 'versions' },
        h(
          'section',
          {},
          h('h3', {}, '磁盘上的版本'),
          h('pre', { id: 'conflict-disk' }, conflict.current || '（文件已被删除）'),
        ),
        h(
          'section',
          {},
          h('h3', {}, '您的修改'),
          h(
            'pre',
            { id: 'conflict-mine' },
            `标题：${mine.title}\n单位：${mine.unit}\n日期：${mine.date}\n\n${mine.body}`,
          ),
        ),
      ),
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => void showEditor(state, opened!.id) }, '载入磁盘上的版本'),
        h('button', { type: 'button', class: 'danger', onclick: () => void save(conflict.version) }, '用我的修改覆盖'),
      ),
    );
    conflictBox.querySelector('h2')?.setAttribute('tabindex', '-1');
    (conflictBox.querySelector('h2') as HTMLElement).focus();
    toast('没有保存：文件已被别人改动', 'error');
  }

  body.addEventListener('paste', (event) => {
    const html = event.clipboardData?.getData('text/html');
    if (!html) return;
    event.preventDefault();
    const start = body.selectionStart;
    const end = body.selectionEnd;
    void post<{ body: string; title: string; removed: { kind: string; text: string }[]; notes: string[] }>(
      '/api/paste',
      { html, date: date.value },
    )
      .then((pasted) => {
        body.value = body.value.slice(0, start) + pasted.body + body.value.slice(end);
        body.selectionStart = body.selectionEnd = start + pasted.body.length;
        bodyTouched = true;
        if (!title.value.trim() && pasted.title) title.value = pasted.title;
        const removed = pasted.removed.filter((item) => item.kind);
        toast(
          `已粘贴并清理${removed.length ? `：删除了 ${removed.length} 处（${[...new Set(removed.map((item) => item.kind))].join('、')}）` : ''}`,
        );
        refresh();
      })
      .catch((error: unknown) => toast(explain(error), 'error'));
  });
  controls.forEach((control, index) => {
    const name = FIELDS[index]!;
    control.addEventListener('input', () => {
      if (control === body) bodyTouched = true;
      speaking.add(name);
      refresh();
    });
    control.addEventListener('change', () => {
      speaking.add(name);
      refresh();
    });
  });
  series.addEventListener('change', fillSections);
  saveButton.addEventListener('click', () => void save());
  main.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  });

  const banner = opened?.frozen
    ? h(
        'div',
        { class: 'frozen', role: 'note' },
        h('strong', {}, `本稿件已编入已发布的${opened.frozen.name}（${opened.frozen.ref}），只能查看，不能直接修改。`),
        h(
          'ol',
          {},
          h('li', {}, '确需更正时，先到“发布”页为该期填写勘误（日期和更正了什么）；'),
          h('li', {}, `再改正稿件文件 ${opened.file}；`),
          h('li', {}, '然后在“发布”页重新发布该期：第一次印发的版本原样保留，勘误后的版本另存一份。'),
        ),
        h('a', { href: `#/publish?ref=${encodeURIComponent(opened.frozen.ref)}` }, '去发布页填写勘误'),
      )
    : null;

  main.append(
    h(
      'p',
      { class: 'muted file' },
      opened
        ? `${opened.file}${opened.issue ? `（已编入 ${opened.issue}）` : ''}`
        : '保存后按模板写入 entries/年/月/，与 jianbao new entry 写的文件相同',
    ),
    banner ?? '',
    conflictBox,
    general,
    h(
      'div',
      { class: 'editor' },
      h(
        'form',
        { class: 'entry-form', onsubmit: (event: Event) => (event.preventDefault(), void save()) },
        h(
          'div',
          { class: 'row' },
          field('f-series', '刊物', series),
          field('f-section', '栏目', section),
          field('f-date', '日期', date),
        ),
        h(
          'div',
          { class: 'row' },
          field('f-unit', '单位', unit.input, unit.list),
          field('f-people', '领导', people),
          field('f-status', '状态', status),
        ),
        field('f-title', '标题', title),
        field('f-body', '正文', body),
        h(
          'p',
          { class: 'actions' },
          frozen ? null : saveButton,
          h('a', { class: 'button', href: '#/entries' }, '返回列表'),
          frozen ? null : h('span', { class: 'muted' }, '  Ctrl+S 保存'),
        ),
      ),
      h('aside', { class: 'side' }, h('h2', {}, '预览'), preview, findingsBox),
    ),
  );
  showMessages([]);
  if (opened) showFindings(opened.findings);
  refresh();
}
