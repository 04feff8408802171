/**
 * A compiled issue → the printed sheet: 报头, 按语, the entries (under
 * 【栏目】 headings or as titled articles), 勘误, and the 版记 — the markup of
 * the site's print page (src/pages/…/print, styled by src/styles/print.css,
 * the 版记 placed by src/components/print/layout.ts), as one HTML string, so
 * that the studio's print preview of an issue not yet written is the very
 * page the site prints. The page wraps it in its document (toolbar, script);
 * the per-issue CSS (red, masthead size, page-1 number, draft mark) comes
 * from `printPageStyles`.
 */
import type { CompiledEntry, CompiledIssue, DistributionItem } from '../model/issue.ts';
import { entryHtml, noteHtml } from './html.ts';

/** Text and attribute values, escaped as Astro escapes them. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

/**
 * An entry's title, on the web page and the print page: its lines where the
 * clerk forced a break (｜ or a line break), and inside a line a break
 * opportunity (<wbr>) only between words (compile/title.ts).
 */
export function entryTitleHtml(entry: Pick<CompiledEntry, 'title' | 'titleLines' | 'headline'>): string {
  const lines = entry.titleLines ?? [[entry.title ?? entry.headline]];
  return lines.map((words) => words.map(escapeHtml).join('<wbr>')).join('<br>');
}

function mastheadHtml(issue: CompiledIssue): string {
  const { masthead } = issue;
  const lines = masthead.lines
    .map((line) => `<span class="masthead-line"><span>${escapeHtml(line)}</span></span>`)
    .join('');
  return [
    '<header class="masthead">',
    `<p class="marking">${escapeHtml(masthead.marking ?? '')}</p>`,
    `<h1 class="masthead-name" aria-label="${escapeHtml(masthead.name)}"> ${lines} </h1>`,
    `<p class="masthead-number">${escapeHtml(masthead.numbering)}</p>`,
    `<p class="masthead-meta"><span>${escapeHtml(masthead.publisher)}</span><span>${escapeHtml(masthead.dateText)}</span></p>`,
    `<div class="masthead-rule ${escapeHtml(issue.print.rule)}" role="presentation"></div>`,
    '</header>',
  ].join(' ');
}

/** 按语, then the entries; then the 勘误, if any (a corrected issue says so in print as on the web page). */
function issueBodyHtml(issue: CompiledIssue, base: string): string {
  const note = noteHtml(issue);
  const groups: { heading: string | undefined; entries: CompiledEntry[] }[] =
    issue.series.layout === 'sections'
      ? issue.sections.map((section) => ({ heading: section.heading, entries: section.entries }))
      : [{ heading: undefined, entries: issue.entries }];
  const sections = groups
    .map((group) => {
      const entries = group.entries
        .map((entry) => {
          const title = entry.title ? `<h3 class="entry-title">${entryTitleHtml(entry)}</h3>` : '';
          return `<article class="entry" id="${escapeHtml(entry.anchor)}"> ${title} <div class="entry-body">${entryHtml(entry, issue, base)}</div> </article>`;
        })
        .join('');
      const heading = group.heading ? `<h2 class="section-heading">${escapeHtml(group.heading)}</h2>` : '';
      return `<section class="section"> ${heading} ${entries} </section>`;
    })
    .join('');
  const errata = issue.errata.length
    ? `<section class="errata" aria-labelledby="errata-heading"> <h2 class="errata-heading" id="errata-heading">勘误</h2> ${issue.errata
        .map(
          (item) =>
            `<p class="errata-item"> <time datetime="${escapeHtml(item.date)}">${escapeHtml(item.dateText)}</time>：${escapeHtml(item.note)} </p>`,
        )
        .join('')} </section>`
    : '';
  return `${note ? `<div class="note">${note}</div>` : ''}<div class="${escapeHtml(issue.series.layout)}"> ${sections} </div> ${errata}`;
}

/**
 * A line's items as runs: recipients flow on, each followed by 、 except the
 * last of its run; a leader group starts on a line of its own, one span per
 * name, so that lines wrap only between names and padded names (李　健)
 * stay in columns.
 */
function runs(items: DistributionItem[]): { people: boolean; pieces: string[] }[] {
  const out: { people: boolean; pieces: string[] }[] = [];
  for (const item of items) {
    if (item.type === 'people') {
      out.push({
        people: true,
        pieces: item.names.map((name, at) => (at === item.names.length - 1 ? `${name}${item.suffix}` : `${name}、`)),
      });
      continue;
    }
    const last = out[out.length - 1];
    if (last && !last.people) {
      last.pieces[last.pieces.length - 1] += '、';
      last.pieces.push(item.text);
    } else out.push({ people: false, pieces: [item.text] });
  }
  return out;
}

/** 版记: 报/送/发 (wrapped lines aligned after the colon, leader names in columns), then contact, editors and 共印N份; empty when there is nothing to print in it. */
function colophonHtml(issue: CompiledIssue): string {
  const { distribution, contact, copies, staff } = issue.colophon;
  const contactItems = contact.map((item) => item.text);
  const staffItems = staff.map((item) => item.text);
  // Nothing to show (no distribution, staff, contact or copies): no 版记 at all, not two empty rules.
  if (distribution.length === 0 && staffItems.length === 0 && contactItems.length === 0 && !copies) return '';
  const item = (text: string, extra = '') => `<span class="item${extra}">${escapeHtml(text)}</span>`;
  const rows = distribution.map((line) => {
    const recipients = runs(line.items)
      .map(
        (run) =>
          `<span class="${run.people ? 'people' : 'others'}">${run.pieces.map((piece) => `<span class="${run.people ? 'name' : 'recipient'}">${escapeHtml(piece)}</span>`).join('')}</span>`,
      )
      .join('');
    return `<div class="colophon-row distribution ${escapeHtml(line.kind)}"><span class="label">${escapeHtml(line.label)}：</span><span class="recipients">${recipients}</span></div>`;
  });
  if (staffItems.length)
    rows.push(`<div class="colophon-row contact staff">${staffItems.map((text) => item(text)).join('')}</div>`);
  if (contactItems.length || copies)
    rows.push(
      `<div class="colophon-row contact">${contactItems.map((text) => item(text)).join('')}${copies ? item(copies.text, ' copies') : ''}</div>`,
    );
  return `<footer class="colophon">${rows.join('')}</footer>`;
}

/**
 * The inside of the print page's `<main class="sheet">`: the draft mark (on
 * screen; on paper it is in the page's margin box), then the flow that is
 * printed, ending with the 版记 block layout.ts moves to the bottom of the
 * last page. `base`: the site base the entries' images hang under.
 */
export function printSheetHtml(issue: CompiledIssue, base: string): string {
  const mark = issue.draftMark ? `<p class="draft-mark" aria-hidden="true">${escapeHtml(issue.draftMark)}</p>` : '';
  return ` ${mark} <div class="flow"> ${mastheadHtml(issue)} ${issueBodyHtml(issue, base)} <div class="flow-end"></div> <div class="colophon-tail"> <div class="colophon-spacer"></div> ${colophonHtml(issue)} </div> </div> `;
}

/** The per-issue CSS of the print page and the attributes of its `<html>` that layout.ts reads. */
export interface PrintPageStyles {
  title: string;
  /** Red and masthead size; goes in the head (`html:root` outranks print.css's `:root`). */
  settings: string;
  /** Page 1 unnumbered and the draft mark in the page's margin box; goes after the stylesheet (the later `@page` rule wins). */
  pages: string;
  attributes: { 'data-duplex': 'yes' | 'no'; 'data-blank-page-number': 'yes' | 'no' };
}

export function printPageStyles(issue: CompiledIssue): PrintPageStyles {
  const firstPage = issue.print.firstPageNumber ? '' : '@page :first{@bottom-right{content:none}}';
  // A draft carries its mark (草稿, or the series' 草稿标记) at the top outside corner of every page.
  const mark = issue.draftMark ? JSON.stringify(issue.draftMark).replace(/</g, '\\3c ') : '';
  const draftMark = mark ? `@page :right{@top-right{content:${mark}}}@page :left{@top-left{content:${mark}}}` : '';
  return {
    title: `${issue.series.name} ${issue.numbering}`,
    settings: `html:root{--red:${issue.print.red};--masthead-size:${issue.print.mastheadSize}pt}`,
    pages: firstPage + draftMark,
    attributes: {
      'data-duplex': issue.print.duplex ? 'yes' : 'no',
      'data-blank-page-number': issue.print.blankPageNumber ? 'yes' : 'no',
    },
  };
}
