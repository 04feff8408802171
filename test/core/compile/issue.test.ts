import { beforeAll, describe, expect, it } from 'vitest';
import { entryHtml, model, noteHtml, type CompiledIssue, type CompiledSite } from '../../../src/core/index.ts';
import { headlineOf } from '../../../src/core/compile/issue.ts';
import { copyContent } from '../../helpers/index.ts';
import { compileDir, editedBase } from './compile-helpers.ts';

function issue(site: CompiledSite, key: string): CompiledIssue {
  const found = site.issues.find((item) => item.key === key);
  if (!found) throw new Error(`no issue ${key}`);
  return found;
}

describe('compileIssue (base fixture)', () => {
  let site: CompiledSite;
  beforeAll(async () => {
    site = await compileDir(await copyContent());
  });

  it('numbers and dates the issue in Chinese, without zero padding', () => {
    const third = issue(site, 'zhuanbao/2024/3');
    expect(third.numbering).toBe('2024年 第3期（总第10期）');
    expect(third.dateText).toBe('2024年6月10日');
    expect(third.ref).toBe('2024-3');
    expect(third.pdfName).toBe('zhuanbao-2024-3.pdf');
  });

  it('orders sections as the series lists them and gives each a 【】 heading', () => {
    const third = issue(site, 'zhuanbao/2024/3');
    expect(third.sections.map((section) => section.heading)).toEqual([
      '【上级会议精神】',
      '【调研指导】',
      '【工作动态】',
    ]);
    expect(third.entries.map((entry) => entry.id)).toEqual(['2024/会议精神', '2024/区长督导', '2024/应急检查']);
  });

  it('gives every entry a stable anchor from its id, a Chinese date and its unit', () => {
    const [meeting] = issue(site, 'zhuanbao/2024/3').entries;
    expect(meeting).toMatchObject({
      anchor: '2024-会议精神',
      dateText: '2024年5月10日',
      unitName: '测试区安委办',
      headline: '市安委会全体会议精神',
    });
    expect(meeting?.unit).toEqual({ id: 'awb', name: '测试区安委办', kind: 'committee' });
  });

  it('puts the leader with the title held on that day in bold at the start', () => {
    const inspection = issue(site, 'zhuanbao/2024/3').entries[1]!;
    expect(inspection.people).toEqual([{ name: '李健', title: '区委副书记、区长' }]);
    // No space between the bold lead-in and the text.
    expect(entryHtml(inspection, issue(site, 'zhuanbao/2024/3'), site.base)).toBe(
      '<p><strong>区委副书记、区长李健</strong>6月3日，带队检查青石镇防汛准备情况。</p>',
    );
  });

  it('renders the 按语 and falls back to the series for contact, copies and distribution', () => {
    const third = issue(site, 'zhuanbao/2024/3');
    expect(noteHtml(third)).toBe('<p>本期聚焦汛期安全防范。</p>');
    expect(third.note?.blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '本期聚焦汛期安全防范。' }] },
    ]);
    expect(noteHtml(issue(site, 'zhuanbao/2024/4'))).toBeUndefined();
    expect(third.colophon.contact.map((item) => item.text)).toEqual([
      '联系人：张三',
      '电话：0000-1234567',
      '邮箱：test@example.gov.cn',
    ]);
    expect(third.colophon.copies).toEqual({ count: 30, text: '共印30份' });
    expect(third.colophon.distribution.map((line) => line.label)).toEqual(['报', '送', '发']);
    expect(third.colophon.distribution[0]?.items).toEqual([
      { type: 'text', text: '市安委办' },
      { type: 'people', names: ['周明远', '李　健', '吴晓东'], suffix: '同志' },
    ]);
  });
});

describe('the compiled issue model', () => {
  it('is plain JSON that its schema accepts back unchanged', async () => {
    const site = await compileDir(await copyContent());
    for (const compiled of site.issues) {
      const snapshot = JSON.parse(JSON.stringify(compiled)) as unknown;
      expect(snapshot).toEqual(compiled);
      expect(model.compiledIssueSchema.parse(snapshot)).toEqual(compiled);
    }
    expect(() =>
      model.compiledIssueSchema.parse({
        ...site.issues[0],
        entries: [
          {
            ...site.issues[0]!.entries[0],
            body: { blocks: [{ type: 'html', value: '<b>' }], footnotes: [], text: '' },
          },
        ],
      }),
    ).toThrow();
  });

  it('words and orders the staff once: 编辑, 审核, 签发, those named', async () => {
    const dir = await editedBase({
      'issues/2024-03.md': (text) =>
        text.replace('---\n\n', '签发: 周明远\n编辑: 王五\n---\n\n').replace(/^---\n/, '---\n审核: 赵六\n'),
    });
    const third = issue(await compileDir(dir), 'zhuanbao/2024/3');
    expect(third.colophon.staff).toEqual([
      { role: 'editor', label: '编辑', value: '王五', text: '编辑：王五' },
      { role: 'reviewer', label: '审核', value: '赵六', text: '审核：赵六' },
      { role: 'signer', label: '签发', value: '周明远', text: '签发：周明远' },
    ]);
  });
});

describe('compileIssue (edited fixtures)', () => {
  it('keeps the listed order inside a section, the series order across sections', async () => {
    const dir = await editedBase({
      'issues/2024-03.md': (text) =>
        text.replace(
          '  - 2024/会议精神\n  - 2024/区长督导\n  - 2024/应急检查',
          '  - 2024/青石镇排查\n  - 2024/应急检查\n  - 2024/区长督导\n  - 2024/会议精神',
        ),
      'issues/2024-04.md': null,
      'entries/2024/青石镇排查.md': (text) => text.replace('date: 2024-06-20', 'date: 2024-06-01'),
    });
    const third = issue(await compileDir(dir), 'zhuanbao/2024/3');
    expect(third.sections.map((section) => section.id)).toEqual([
      'upper-meetings',
      'leader-inspections',
      'work-updates',
    ]);
    expect(third.sections[2]?.entries.map((entry) => entry.id)).toEqual(['2024/青石镇排查', '2024/应急检查']);
    expect(third.entries.map((entry) => entry.id)).toEqual([
      '2024/会议精神',
      '2024/区长督导',
      '2024/青石镇排查',
      '2024/应急检查',
    ]);
  });

  it('follows a series that lists its sections differently', async () => {
    const dir = await editedBase({
      'jianbao.yaml': (text) =>
        text.replace(
          'sections: [upper-meetings, leader-inspections, work-updates, experience, notices]',
          'sections: [work-updates, leader-inspections, upper-meetings]',
        ),
    });
    const third = issue(await compileDir(dir), 'zhuanbao/2024/3');
    expect(third.sections.map((section) => section.name)).toEqual(['工作动态', '调研指导', '上级会议精神']);
    expect(third.entries.map((entry) => entry.id)).toEqual(['2024/应急检查', '2024/区长督导', '2024/会议精神']);
  });

  it('prints articles in the listed order, headings one level higher', async () => {
    const dir = await editedBase({
      'jianbao.yaml': (text) => text.replace('layout: sections', 'layout: articles'),
      'issues/2024-03.md': (text) =>
        text.replace(
          '  - 2024/会议精神\n  - 2024/区长督导\n  - 2024/应急检查',
          '  - 2024/应急检查\n  - 2024/会议精神\n  - 2024/区长督导',
        ),
      'entries/2024/应急检查.md': (text) =>
        text
          .replace('date: 2024-06-05', 'title: 应急局检查危化品企业\ndate: 2024-06-05')
          .replace('专项检查。', '专项检查。\n\n## 一、检查情况'),
      'entries/2024/区长督导.md': (text) => text.replace('日期:', '标题: 李健检查防汛准备\n日期:'),
      'entries/2024/青石镇排查.md': (text) => text.replace('date:', 'title: 青石镇排查门店\ndate:'),
    });
    const third = issue(await compileDir(dir), 'zhuanbao/2024/3');
    expect(third.series.layout).toBe('articles');
    expect(third.entries.map((entry) => entry.id)).toEqual(['2024/应急检查', '2024/会议精神', '2024/区长督导']);
    expect(third.entries[0]?.body.blocks).toContainEqual({
      type: 'heading',
      depth: 2,
      level: 1,
      children: [{ type: 'text', value: '一、检查情况' }],
    });
    expect(entryHtml(third.entries[0]!, third, '/')).toContain('<h3 class="level-1">一、检查情况</h3>');
  });
});

describe('headlineOf', () => {
  it('uses the title, else the first sentence, shortened to 60 characters', () => {
    expect(headlineOf('标题', '正文。')).toBe('标题');
    expect(headlineOf(undefined, '6月5日，区应急管理局组织检查。发现隐患3处。')).toBe('6月5日，区应急管理局组织检查。');
    const long = '长'.repeat(80);
    expect(headlineOf(undefined, long)).toBe(`${'长'.repeat(60)}…`);
  });
});
