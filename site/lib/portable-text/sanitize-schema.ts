// The allowlist the finished tree must fit. The handlers already build only
// these elements; the sanitiser runs last, after every plugin, so a mistake in
// a handler, a plugin or the site's imageFor/linkFor still cannot put a
// script, an event handler, a style or a javascript:/data: URL on the page.
// Every key is set: hast-util-sanitize fills missing keys from GitHub's schema.
import type { Schema } from 'hast-util-sanitize';
import { QUOTATION_CLASS } from './annotations/quotation.ts';
import { CAPTION_CLASS, CREDIT_CLASS, PHOTO_CLASS } from './handlers/photo.ts';
import { PULL_QUOTE_CLASS } from './handlers/pull-quote.ts';

/** Quoted words take their own direction, or their language's when they name one (quote-language.ts). */
const QUOTED_WORDS: NonNullable<Schema['attributes']>[string] = ['lang', ['dir', 'auto', 'ltr', 'rtl']];

export const sanitizeSchema: Schema = {
  tagNames: [
    'p',
    'h2',
    'h3',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'code',
    'u',
    's',
    'a',
    'q',
    'br',
    'figure',
    'figcaption',
    'picture',
    'source',
    'img',
    'span',
    'bdi',
  ],
  attributes: {
    a: ['href', ['rel', 'noopener', 'noreferrer']],
    q: [['className', QUOTATION_CLASS], 'dataSpeaker', 'dataSpeakerRole', 'title', ...QUOTED_WORDS],
    h2: ['id'],
    h3: ['id'],
    figure: [['className', PHOTO_CLASS, PULL_QUOTE_CLASS]],
    // A pull quote's words and caption take their own direction (handlers/pull-quote.ts).
    blockquote: QUOTED_WORDS,
    figcaption: [['dir', 'auto']],
    span: [['className', CAPTION_CLASS, CREDIT_CLASS]],
    img: ['src', 'alt', 'width', 'height', 'srcSet', 'sizes', ['loading', 'lazy'], ['decoding', 'async']],
    source: [['type', 'image/avif', 'image/webp', 'image/jpeg', 'image/png'], 'srcSet', 'sizes'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    srcSet: ['http', 'https'],
  },
  ancestors: {
    li: ['ol', 'ul'],
    figcaption: ['figure'],
    source: ['picture'],
  },
  required: {},
  // Heading ids are slugs we made, on a page that runs no script, so there is
  // nothing for a clobbering id to reach; a prefix would only uglify the links.
  clobber: [],
  clobberPrefix: '',
  // Never produced by the handlers; if one ever is, drop its content too.
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript'],
  allowComments: false,
  allowDoctypes: false,
};
