/**
 * 生成: the site, or the PDF or Word file of one issue, made by the same
 * commands a terminal runs; their messages are the progress, and links to
 * the results follow when they are done.
 */
import { explain, get, post } from './api.ts';
import { h, view } from './dom.ts';

interface Job {
  id: number;
  kind: string;
  state: 'running' | 'done' | 'failed';
  lines: string[];
  links: { label: string; href: string }[];
}

const KINDS: [string, string][] = [
  ['site', '生成站点'],
  ['pdf', '生成本期 PDF'],
  ['docx', '生成本期 Word 文件'],
];

export async function showGenerate(ref: string | undefined): Promise<void> {
  const main = view('生成');
  let issues: { ref: string; seriesName: string; name: string; status: string }[];
  try {
    issues = (await get<{ issues: typeof issues }>('/api/issues')).issues;
  } catch (error) {
    main.append(h('p', { class: 'error' }, explain(error)));
    return;
  }
  const select = h(
    'select',
    { id: 'g-issue' },
    ...issues.map((issue) =>
      h(
        'option',
        { value: issue.ref, selected: issue.ref === ref },
        `${issue.seriesName} ${issue.name}（${issue.status}）`,
      ),
    ),
  );
  const log = h('pre', { class: 'log', id: 'job-log', 'aria-live': 'polite', hidden: true });
  const state = h('p', { id: 'job-state', role: 'status' });
  const links = h('p', { class: 'actions', id: 'job-links' });
  const buttons = KINDS.map(([kind, label]) =>
    h('button', { type: 'button', class: kind === 'site' ? '' : 'primary', 'data-kind': kind }, label),
  );

  const follow = async (id: number) => {
    for (;;) {
      const job = await get<Job>(`/api/job?id=${id}`);
      log.hidden = false;
      log.textContent = job.lines.join('\n') || '正在启动……';
      log.scrollTop = log.scrollHeight;
      if (job.state === 'running') {
        state.textContent = '正在生成，请稍候（第一次生成站点要一两分钟）……';
        await new Promise((done) => setTimeout(done, 800));
        continue;
      }
      state.textContent = job.state === 'done' ? '✓ 已完成' : '生成失败：请看上面的提示';
      state.className = job.state === 'done' ? 'summary ok' : 'summary error';
      links.replaceChildren(
        ...job.links.map((link) =>
          h('a', { class: 'button', href: link.href, target: '_blank', rel: 'noopener' }, link.label),
        ),
      );
      for (const button of buttons) button.disabled = false;
      return;
    }
  };

  for (const button of buttons) {
    button.addEventListener('click', () => {
      for (const other of buttons) other.disabled = true;
      links.replaceChildren();
      state.className = '';
      post<Job>('/api/generate', { kind: button.dataset.kind, ref: select.value })
        .then((job) => follow(job.id))
        .catch((error: unknown) => {
          state.textContent = explain(error);
          for (const other of buttons) other.disabled = false;
        });
    });
  }

  main.append(
    h(
      'div',
      { class: 'filters' },
      h('div', { class: 'filter' }, h('label', { for: 'g-issue' }, '期刊'), select),
      ...buttons,
    ),
    h(
      'p',
      { class: 'muted' },
      '与在终端中运行 jianbao build、jianbao pdf、jianbao docx 相同；生成的文件在站点目录中，原有站点在新站点生成成功后才被替换。',
    ),
    state,
    log,
    links,
  );
}
