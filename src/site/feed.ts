/**
 * The Atom feed of issues (`feed.xml`), serialised by fast-xml-parser's
 * XMLBuilder (which escapes text and attributes).
 *
 * Links are absolute paths under the base (`/bulletin/zhuanbao/2024/8/`): the
 * intranet host is not known at build time and feed readers resolve them
 * against the feed's own address (RFC 4287 §4.2.7 with RFC 3986). Ids are
 * URNs, stable whatever the host. (The `feed` package was tried and refuses
 * relative links.)
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { CompiledIssue, CompiledSite } from '../core/index.ts';
import { links } from './routes.ts';

/** How many of the newest issues the feed carries. */
export const FEED_SIZE = 20;

/** Issue dates are Beijing time; Atom wants RFC 3339. */
function timestamp(date: string): string {
  return `${date}T00:00:00+08:00`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

/** What the entry shows in a reader: the headlines, each linking to its anchor. */
function issueContent(issue: CompiledIssue): string {
  const items = issue.entries.map(
    (entry) => `<li><a href="${escapeHtml(links.entry(issue, entry))}">${escapeHtml(entry.headline)}</a></li>`,
  );
  return `<p>${escapeHtml(`${issue.series.publisher} ${issue.dateText}印发，共${issue.entries.length}篇稿件。`)}</p><ol>${items.join('')}</ol>`;
}

export function atomFeed(site: CompiledSite): string {
  const issues = site.issues.slice(0, FEED_SIZE);
  const feed = {
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': 'zh-CN',
      id: `urn:jianbao:site:${encodeURIComponent(site.title)}`,
      title: site.title,
      subtitle: site.series.map((series) => `《${series.name}》`).join(''),
      updated: timestamp(issues[0]?.date ?? '1970-01-01'),
      generator: 'jianbao',
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': links.feed() },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': links.home() },
      ],
      author: { name: site.series[0]?.publisher ?? site.title },
      entry: issues.map((issue) => ({
        id: `urn:jianbao:issue:${issue.key.replace(/\//g, ':')}`,
        title: `${issue.series.name} ${issue.numbering}`,
        updated: timestamp(issue.date),
        published: timestamp(issue.date),
        link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': links.issue(issue) },
        author: { name: issue.series.publisher },
        summary: `${issue.series.publisher} ${issue.dateText}印发，共${issue.entries.length}篇稿件。`,
        content: { '@_type': 'html', '#text': issueContent(issue) },
      })),
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  });
  // check rejects control characters in titles and names; a headline taken from a body may still carry one, and XML 1.0 cannot.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return builder.build(feed).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
