/**
 * 发布: the issues, newest first; for a draft, what publishing will freeze
 * and a confirmation before `publish`; for a published issue, the 勘误 form
 * (日期, 说明) and, once an erratum is added, publishing it again.
 */
import { explain, get, post, type IssueRow, type State } from './api.ts';
import { field, h, toast, view } from './dom.ts';

interface IssueDetail extends IssueRow {
  list: { id: string; title: string; section: string; unit: string; date: string }[];
  messages: { severity: string; message: string; hint: string; rule: string; line: number }[];
}

interface Published {
  outcome: string;
  name: string;
  snapshot: string;
  version: number;
  entries: number;
}

export async function showPublish(state: State, ref: string | undefined): Promise<void> {
  const main = view('发布');
  let issues: IssueRow[];
  try {
    issues = (await get<{ issues: IssueRow[] }>('/api/issues')).issues;
  } catch (error) {
    main.append(h('p', { class: 'error' }, explain(error)));
    return;
  }
  const chosenRef = ref ?? issues.find((issue) => issue.status === '草稿')?.ref ?? issues[0]?.ref;
  const detail = h('section', { class: 'panel', id: 'issue-detail' });
  main.append(
    h(
      'div',
      { class: 'issues' },
      h(
        'nav',
        { class: 'panel', 'aria-label': '期刊' },
        h('h2', {}, '期刊'),
        h(
          'ul',
          { class: 'plain issue-list' },
          issues.map((issue) =>
            h(
              'li',
              {},
              h(
                'a',
                {
                  href: `#/publish?ref=${encodeURIComponent(issue.ref)}`,
                  'aria-current': issue.ref === chosenRef ? 'true' : 'false',
                },
                `${issue.seriesName} ${issue.name}`,
              ),
              ` `,
              h('span', { class: `status status-${issue.status}` }, issue.status),
            ),
          ),
        ),
      ),
      detail,
    ),
  );
  if (chosenRef) await showIssue(state, detail, chosenRef);
}

async function showIssue(state: State, box: HTMLElement, ref: string): Promise<void> {
  let issue: IssueDetail;
  try {
    issue = await get<IssueDetail>(`/api/issue?ref=${encodeURIComponent(ref)}`);
  } catch (error) {
    box.replaceChildren(h('p', { class: 'error' }, explain(error)));
    return;
  }
  const result = h('div', { id: 'publish-result', 'aria-live': 'polite' });
  const errors = issue.messages.filter((message) => message.severity === 'error');
  const published = issue.status === '已发布';
  const dialog = h(
    'dialog',
    { id: 'confirm-publish', 'aria-labelledby': 'confirm-title' },
    h('h2', { id: 'confirm-title' }, `确认发布${issue.name}？`),
    h(
      'p',
      {},
      `发布后将冻结《${issue.seriesName}》${issue.numbering}：报头、按语、下列 ${issue.list.length} 篇稿件的每一个字、报/送/发、联系人、印数、编辑审核签发${issue.errata.length ? `、${issue.errata.length} 条勘误` : ''}，存档到 published/。此后再改本期或这些稿件，须先填写勘误。`,
    ),
    h(
      'ol',
      {},
      issue.list.map((entry) => h('li', {}, entry.title)),
    ),
    h(
      'p',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'confirm-yes' }, '确认发布'),
      // The focus starts on 取消: Enter pressed once too often must not publish; Esc closes too.
      h('button', { type: 'button', id: 'confirm-no', autofocus: true }, '取消'),
    ),
  );
  const publish = async () => {
    dialog.close();
    try {
      const done = await post<Published>('/api/issue/publish', { ref: issue.ref });
      const text =
        done.outcome === 'unchanged'
          ? `${done.name}已经发布，发布后没有改动，无需重新发布。`
          : `✓ 已${done.outcome === 'refrozen' ? '按勘误重新' : ''}发布${done.name}：冻结 ${done.entries} 篇稿件，存档 ${done.snapshot}（第 ${done.version} 版）。`;
      toast(text);
      result.replaceChildren(h('p', { class: 'summary ok', role: 'status' }, text));
      await showIssue(state, box, ref);
      box.querySelector('#publish-result')?.replaceChildren(h('p', { class: 'summary ok', role: 'status' }, text));
    } catch (error) {
      result.replaceChildren(
        h('p', { class: 'message error', role: 'alert' }, explain(error)),
        ...(await diagnosticsOf(error)),
      );
    }
  };
  dialog.querySelector('#confirm-yes')!.addEventListener('click', () => void publish());
  dialog.querySelector('#confirm-no')!.addEventListener('click', () => dialog.close());
  const publishButton = h(
    'button',
    { type: 'button', class: 'primary', id: 'publish', onclick: () => dialog.showModal() },
    published ? '重新发布（勘误后）' : '发布本期',
  );

  const erratumDate = h('input', { type: 'text', value: state.today });
  const erratumText = h('input', { type: 'text', placeholder: '如：《区应急管理局开展冬季安全生产大检查》补充一句' });
  const erratumForm = h(
    'form',
    {
      class: 'erratum',
      onsubmit: (event: Event) => {
        event.preventDefault();
        post<{ file: string; errata: number }>('/api/issue/erratum', {
          ref: issue.ref,
          date: erratumDate.value,
          text: erratumText.value,
        })
          .then(async (added) => {
            toast(`已在 ${added.file} 中加入第 ${added.errata} 条勘误`);
            await showIssue(state, box, ref);
          })
          .catch((error: unknown) => {
            const where = box.querySelector('#f-erratum-text-messages');
            where?.replaceChildren(h('p', { class: 'message error', role: 'alert' }, explain(error)));
          });
      },
    },
    h('h2', {}, '勘误'),
    h(
      'p',
      { class: 'muted' },
      '已发布的期刊不能直接修改。确需更正：① 在这里写明日期和更正了什么；② 改正稿件或期刊文件；③ 点“重新发布（勘误后）”。第一次印发的版本原样保留。',
    ),
    h(
      'div',
      { class: 'row' },
      field('f-erratum-date', '勘误日期', erratumDate),
      h('div', { style: 'grid-column: span 2' }, field('f-erratum-text', '说明', erratumText)),
    ),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, '加入勘误')),
  );

  box.replaceChildren(
    h('h2', {}, `《${issue.seriesName}》${issue.numbering}`),
    h(
      'p',
      {},
      `印发日期 ${issue.date}　${issue.file}　`,
      h('span', { class: `status status-${issue.status}` }, issue.status),
    ),
    errors.length
      ? h(
          'div',
          { class: 'field-messages general' },
          errors.map((message) =>
            h(
              'p',
              { class: 'message error' },
              `错误（第 ${message.line} 行）：${message.message}`,
              message.hint ? h('span', { class: 'hint' }, ` → ${message.hint}`) : null,
            ),
          ),
        )
      : '',
    h('h2', {}, `稿件（${issue.list.length} 篇）`),
    h(
      'ol',
      {},
      issue.list.map((entry) =>
        h(
          'li',
          {},
          h('a', { href: `#/entry?id=${encodeURIComponent(entry.id)}` }, entry.title),
          h('span', { class: 'muted' }, `　${entry.section}　${entry.unit}`),
        ),
      ),
    ),
    issue.errata.length
      ? h(
          'div',
          {},
          h('h2', {}, '已有勘误'),
          h(
            'ul',
            {},
            issue.errata.map((item) => h('li', {}, `${item.date}　${item.note}`)),
          ),
        )
      : '',
    h(
      'p',
      { class: 'actions' },
      publishButton,
      h('a', { class: 'button', href: `#/generate?ref=${encodeURIComponent(issue.ref)}` }, '生成 PDF / Word'),
    ),
    result,
    published ? erratumForm : '',
    dialog,
  );
}

async function diagnosticsOf(error: unknown): Promise<HTMLElement[]> {
  const body = (error as { body?: { diagnostics?: { file: string; line: number; message: string; hint: string }[] } })
    .body;
  return (body?.diagnostics ?? []).map((d) =>
    h(
      'p',
      { class: 'message error' },
      `${d.file}:${d.line} ${d.message}`,
      d.hint ? h('span', { class: 'hint' }, ` → ${d.hint}`) : null,
    ),
  );
}
