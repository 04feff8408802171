import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../../src/core/compile/markdown.ts';
import { renderMarkdown } from '../../../src/core/render/html.ts';

const html = (markdown: string, options = {}) => renderMarkdown(markdown, options).html;

describe('renderMarkdown: safety', () => {
  it('shows raw HTML as text instead of rendering it', () => {
    const out = html(
      '开展检查<script>alert(1)</script>。\n\n<div onclick="x()">块</div>\n\n<img src=x onerror=alert(1)>',
    );
    expect(out).not.toMatch(/<script|<div|<img/);
    expect(out).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(out).toContain('&#x3C;div onclick="x()">块&#x3C;/div>');
  });

  it.each([
    '[点击](javascript:alert(1))',
    '[点击](JAVASCRIPT:alert(1))',
    '[点击](&#106;avascript:alert(1))',
    '[点击](<java\tscript:alert(1)>)',
    '[点击](vbscript:msgbox)',
    '[点击](data:text/html,<script>alert(1)</script>)',
    '<javascript:alert(1)>',
    '[点击][x]\n\n[x]: javascript:alert(1)',
  ])('never turns %s into a link', (markdown) => {
    const out = html(markdown);
    // The text may stay visible; it must never be a link or carry a URL attribute.
    expect(out).not.toContain('<a');
    expect(out).not.toMatch(/href=|src=/);
  });

  it('keeps web, mail and phone links; relative links and images become text', () => {
    expect(html('[网站](https://yjj.example.gov.cn/tzgg/)')).toContain(
      '<a href="https://yjj.example.gov.cn/tzgg/">网站</a>',
    );
    expect(html('[邮件](mailto:aq@example.gov.cn)')).toContain('<a href="mailto:aq@example.gov.cn">');
    expect(html('[电话](tel:0734-0000000)')).toContain('<a href="tel:0734-0000000">');
    expect(html('[附件](附件.pdf)')).toBe('<p>附件</p>');
    expect(html('![现场检查照片](https://example.com/a.jpg)')).toBe('<p>［图：现场检查照片］</p>');
  });

  it('accepts only http(s), mailto and tel as link targets', () => {
    expect(isSafeUrl('https://example.gov.cn')).toBe(true);
    expect(isSafeUrl(' \u0001javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('//evil.example')).toBe(false);
    expect(isSafeUrl('file:///etc/passwd')).toBe(false);
  });

  it('prefixes footnote ids with the entry anchor and keeps them linked', () => {
    const out = html('正文[^1]。\n\n[^1]: 注释内容。', { idPrefix: '2024-08-检查' });
    const hrefs = [...out.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...out.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href?.startsWith('2024-08-检查-')).toBe(true);
      expect(ids.has(href)).toBe(true);
    }
  });
});

describe('renderMarkdown: Chinese text', () => {
  it('renders bold next to Chinese punctuation (remark-cjk-friendly)', () => {
    expect(html('**区安委办**组织检查。')).toBe('<p><strong>区安委办</strong>组织检查。</p>');
    expect(html('形成**“一企一策”**整改方案。')).toBe('<p>形成<strong>“一企一策”</strong>整改方案。</p>');
  });

  it('renders GFM tables', () => {
    const out = html('| 镇（街道） | 排查隐患（处） |\n|---|---:|\n| 青山镇 | 186 |');
    expect(out).toContain('<table>');
    expect(out).toContain('<th>镇（街道）</th>');
    expect(out).toContain('<td align="right">186</td>');
  });

  it('gives 一、（一）1.（1） headings their official level whatever the number of #', () => {
    const out = html('### 一、总体要求\n\n# （一）工作目标\n\n## 1. 加强检查\n\n#### （1）重点场所', {
      headingOffset: 3,
    });
    expect(out).toContain('<h4 class="level-1">一、总体要求</h4>');
    expect(out).toContain('<h5 class="level-2">（一）工作目标</h5>');
    expect(out).toContain('<h6 class="level-3">1. 加强检查</h6>');
    expect(out).toContain('<h6 class="level-4">（1）重点场所</h6>');
    expect(html('## 其他', { headingOffset: 2 })).toContain('<h4 class="depth-2">其他</h4>');
  });

  it('lines typed one under another: nothing between Chinese lines; a heading number or a finished sentence starts a paragraph', () => {
    // A line broken in the middle of a sentence joins without a space.
    expect(html('区应急管理局组织开展城镇燃气\n安全专项检查，排查隐患\n35处，已全部整改')).toBe(
      '<p>区应急管理局组织开展城镇燃气安全专项检查，排查隐患35处，已全部整改</p>',
    );
    // After 。 and before 一、 the clerk meant a new paragraph; 一、加强组织领导 is then a heading.
    const out = renderMarkdown(
      '检查发现隐患35处。\n一、加强组织领导\n各镇（街道）要落实责任，\n压实到人。\n（一）明确分工',
    );
    expect(out.html).toBe(
      '<p>检查发现隐患35处。</p>\n<p class="level-1">一、加强组织领导</p>\n<p>各镇（街道）要落实责任，压实到人。</p>\n<p class="level-2">（一）明确分工</p>',
    );
    expect(out.text).toContain('要落实责任，压实到人。');
    // Between Latin words the break stays a space; bold across lines keeps its words.
    expect(html('use the\nsafety app')).toBe('<p>use the\nsafety app</p>'.replace('\n', ' '));
    expect(html('**区应急管理局**组织\n检查')).toBe('<p><strong>区应急管理局</strong>组织检查</p>');
  });

  it('marks short 一、 lines as headings but not long numbered paragraphs', () => {
    const out = html(
      '一、关于开展冬春火灾防控专项行动\n\n（一）请各镇（街道）于12月10日前完成辖区排查，建立问题隐患清单。',
    );
    expect(out).toContain('<p class="level-1">一、关于开展冬春火灾防控专项行动</p>');
    expect(out).toContain('<p>（一）请各镇');
  });

  it('puts leader names in bold: the existing mention, else the phrase in front', () => {
    expect(html('8月2日，李健到青山镇检查。', { leaders: [{ phrase: '副区长李健', name: '李健' }] })).toBe(
      '<p>8月2日，<strong>李健</strong>到青山镇检查。</p>',
    );
    expect(html('到青山镇检查。', { leaders: [{ phrase: '副区长李健', name: '李健' }] })).toBe(
      '<p><strong>副区长李健</strong>到青山镇检查。</p>',
    );
  });

  it('returns the plain text with whitespace collapsed', () => {
    expect(renderMarkdown('**区安委办**组织\n检查。\n\n| a |\n|---|\n| b |').text).toBe('区安委办组织检查。 a b');
  });
});
