// One search result as a list item: headline link, section and date, and the
// excerpt with the matched words marked. The excerpt is made from the story's
// indexed text as text nodes and <mark> elements, so it cannot inject markup.
// The spaces the index put between Chinese or Japanese words come out again.
import { MARK_END, MARK_START, withoutWordSpaces } from '../unspaced-words.ts';
import { markedExcerpt } from './excerpt.ts';
import type { PagefindResultData } from './pagefind-api.ts';

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`);

function excerpt(data: PagefindResultData): DocumentFragment {
  // Every other part is a marked word.
  const out = document.createDocumentFragment();
  for (const [i, part] of withoutWordSpaces(markedExcerpt(data.content, data.locations)).split(MARKS).entries()) {
    if (!part) continue;
    if (i % 2 === 0) {
      out.append(document.createTextNode(part));
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = part;
    out.append(mark);
  }
  return out;
}

/** Dates in the newsroom's time zone, as the rest of the site prints them. */
export function dateFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone });
}

/** The story's language and direction on an element holding its words (WCAG 3.1.2), as on its own page. */
function storyWords<T extends HTMLElement>(element: T, meta: PagefindResultData['meta']): T {
  if (meta.lang) element.lang = meta.lang;
  if (meta.dir) element.dir = meta.dir;
  return element;
}

export function resultItem(data: PagefindResultData, dates: Intl.DateTimeFormat): HTMLLIElement {
  const item = document.createElement('li');
  const heading = storyWords(document.createElement('h2'), data.meta);
  const link = document.createElement('a');
  // Pages are published without .html (the edge adds it); records already use those URLs.
  link.href = data.url.replace(/\.html$/, '');
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  const meta = document.createElement('p');
  meta.className = 'meta';
  if (data.meta.section) {
    const section = document.createElement('span');
    section.className = 'section-name';
    section.textContent = data.meta.section;
    meta.append(section);
  }
  if (data.meta.date) {
    const time = document.createElement('time');
    time.dateTime = data.meta.date;
    time.textContent = dates.format(new Date(data.meta.date));
    meta.append(time);
  }
  item.append(meta);
  const words = storyWords(document.createElement('p'), data.meta);
  words.append(excerpt(data));
  item.append(words);
  return item;
}
