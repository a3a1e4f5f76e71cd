// A fingerprint of the code that turns a story into stored HTML. It is part of
// each story's digest, so changing the renderer re-renders every body instead
// of reusing HTML made by the old code.
import { codeFingerprint } from './code-fingerprint.ts';

const RENDER_CODE = [
  '../portable-text/',
  '../images/',
  './story-entry.ts',
  './story-links.ts',
  // They decide the text a story is stored with, before it is even rendered.
  './clean-values.ts',
  './control-characters.ts',
  '../excerpt.ts',
  '../grapheme-boundary.ts',
  '../word-count.ts',
  '../search/search-text.ts',
  // A quote's language attributes (portable-text/quote-language.ts).
  '../story-language.ts',
];

let cached: string | undefined;

export function rendererVersion(): string {
  cached ??= codeFingerprint(import.meta.url, RENDER_CODE, ['SITE_URL', 'NEWSROOM_IMAGES']);
  return cached;
}
