// A story in a list: headline linking to it, dek, section and date. The first
// story of a block may carry its photo (decorative there: the headline says
// it). The headline and dek carry the story's language, as on its own page.
//
// Built as hast and kept per story and form: a card is the same on every
// listing that shows its story (its section, authors, topics and archive day,
// and other stories' related lists). Printed once instead of rendered as an
// Astro component in each place, a 10k-story first build generated its pages
// in 15.8 s instead of 16.7 s (medians of 5 alternating builds each).
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { StoryEntry } from '../content/story-entry.ts';
import { formatDate } from '../dates.ts';
import { PHOTO_LAYOUTS } from '../images/photo-layouts.ts';
import { pictureElement } from '../images/picture-element.ts';
import { responsiveImage } from '../images/responsive-image.ts';
import { element } from '../portable-text/hast-build.ts';
import { routes } from '../routes.ts';
import { storyLanguage } from '../story-language.ts';

export type CardStory = Pick<StoryEntry, 'headline' | 'slug' | 'dek' | 'publishedAt' | 'language'> & {
  section?: { name: string };
  heroPhoto?: StoryEntry['heroPhoto'];
};

export type CardForm = {
  /** The heading level in the page's outline. */
  level?: 2 | 3;
  showSection?: boolean;
  /** The story's photo, cut to 3:2 around the editor's hotspot, above or beside the headline. */
  withImage?: 'lead' | 'thumb';
};

/** Each story's cards by form. Weak: a build's stories go with its catalog. */
const built = new WeakMap<CardStory, Map<string, string>>();

/** The card's HTML; the same story and form give the same string, built once. */
export function storyCardHtml(story: CardStory, form: CardForm = {}): string {
  const key = `${form.level ?? 3}${form.showSection === false ? '-' : '+'}${form.withImage ?? ''}`;
  let forms = built.get(story);
  if (!forms) {
    forms = new Map();
    built.set(story, forms);
  }
  let html = forms.get(key);
  if (html === undefined) {
    html = toHtml(storyCard(story, form));
    forms.set(key, html);
  }
  return html;
}

function storyCard(story: CardStory, { level = 3, showSection = true, withImage }: CardForm): Element {
  const words = storyLanguage(story) ?? {};
  const photo = withImage ? story.heroPhoto : undefined;
  const children: ElementContent[] = [];
  // Empty alt: the headline next to it says what the story is, and screen
  // readers should not read both. A tall photo cannot fill the front page.
  if (photo && withImage) {
    const layout = withImage === 'lead' ? PHOTO_LAYOUTS.leadCard : PHOTO_LAYOUTS.thumbCard;
    children.push(
      pictureElement(responsiveImage(photo, layout), '', { priority: withImage === 'lead' ? 'high' : undefined }),
    );
  }
  const link = element('a', { href: routes.story(story.slug.current) }, [{ type: 'text', value: story.headline }]);
  children.push(element(`h${level}`, { ...words }, [link]));
  if (story.dek) children.push(element('p', { className: ['dek'], ...words }, [{ type: 'text', value: story.dek }]));
  const meta: ElementContent[] = [];
  if (showSection && story.section) {
    meta.push(element('span', { className: ['section-name'] }, [{ type: 'text', value: story.section.name }]));
  }
  meta.push(element('time', { dateTime: story.publishedAt }, [{ type: 'text', value: formatDate(story.publishedAt) }]));
  children.push(element('p', { className: ['meta'] }, meta));
  const className = photo ? ['story-card', `with-${withImage}`] : ['story-card'];
  return element('article', { className }, children);
}
