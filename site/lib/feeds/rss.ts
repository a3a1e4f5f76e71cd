// RSS 2.0 (https://www.rssboard.org/rss-specification): channel title, link and
// description; per item a guid that is its permanent id (not its link, which
// a slug change moves), RFC 822 dates, categories, creators
// (Dublin Core), and the card image with its credit (Media RSS).
import type { FeedItem, FeedModel } from './feed-model.ts';
import { textElement, XML_DECLARATION, xmlEscape } from './xml.ts';

const rfc822 = (iso: string) => new Date(iso).toUTCString();

/**
 * An item's description is HTML to feed readers (RSS 2.0: "entity-encoded
 * HTML is allowed"), so a summary, which is plain text, is escaped as HTML
 * before it is escaped as XML: a dek about "the <blink> tag" keeps its words.
 */
const asHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function item(entry: FeedItem): string {
  const image = entry.image
    ? `<media:content url="${xmlEscape(entry.image.url)}" type="${entry.image.type}" medium="image" width="${entry.image.width}" height="${entry.image.height}">` +
      textElement('media:description', entry.image.alt) +
      textElement('media:credit', entry.image.credit) +
      '</media:content>'
    : '';
  return [
    '<item>',
    textElement('title', entry.title),
    textElement('link', entry.url),
    `<guid isPermaLink="false">${xmlEscape(entry.id)}</guid>`,
    textElement('description', asHtml(entry.summary)),
    textElement('pubDate', rfc822(entry.published)),
    ...entry.authors.map((a) => textElement('dc:creator', a.name)),
    textElement('category', entry.section),
    ...entry.tags.map((t) => textElement('category', t)),
    image,
    '</item>',
  ].join('');
}

export function renderRss(feed: FeedModel): string {
  return (
    XML_DECLARATION +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">' +
    '<channel>' +
    textElement('title', feed.title) +
    textElement('link', feed.homeUrl) +
    textElement('description', feed.description) +
    textElement('language', feed.language) +
    textElement('lastBuildDate', rfc822(feed.updated)) +
    `<atom:link href="${xmlEscape(feed.selfUrl)}" rel="self" type="application/rss+xml"/>` +
    feed.items.map(item).join('\n') +
    '</channel></rss>\n'
  );
}
