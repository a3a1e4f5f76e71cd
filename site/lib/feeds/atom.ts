// Atom (RFC 4287): the feed's id, title, updated and self link; per entry an
// id, title, updated and published time, alternate link, summary, authors
// (the publisher for stories without a byline) and categories, and xml:lang
// on an entry in another language than the feed's.
import type { FeedItem, FeedModel, FeedPerson } from './feed-model.ts';
import { textElement, XML_DECLARATION, xmlEscape } from './xml.ts';

const person = (p: FeedPerson) => `<author>${textElement('name', p.name)}${textElement('uri', p.url)}</author>`;
const category = (term: string) => `<category term="${xmlEscape(term)}"/>`;

function entry(item: FeedItem): string {
  return [
    item.language ? `<entry xml:lang="${xmlEscape(item.language)}">` : '<entry>',
    textElement('id', item.id),
    textElement('title', item.title),
    `<link rel="alternate" type="text/html" href="${xmlEscape(item.url)}"/>`,
    textElement('published', item.published),
    textElement('updated', item.modified),
    ...item.authors.map(person),
    textElement('summary', item.summary),
    category(item.section),
    ...item.tags.map(category),
    item.image
      ? `<link rel="enclosure" type="${item.image.type}" href="${xmlEscape(item.image.url)}" title="${xmlEscape(item.image.credit)}"/>`
      : '',
    '</entry>',
  ].join('');
}

export function renderAtom(feed: FeedModel): string {
  return (
    XML_DECLARATION +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.language)}">` +
    textElement('id', feed.selfUrl) +
    textElement('title', feed.title) +
    textElement('subtitle', feed.description) +
    textElement('updated', feed.updated) +
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>` +
    `<link rel="alternate" type="text/html" href="${xmlEscape(feed.homeUrl)}"/>` +
    person(feed.publisher) +
    feed.items.map(entry).join('\n') +
    '</feed>\n'
  );
}
