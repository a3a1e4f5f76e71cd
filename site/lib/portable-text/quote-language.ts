// The language attributes of quoted words. Without a language named, the
// words are in the story's language as far as anyone knows, but may still be
// in another script (a name, a phrase): `dir="auto"` lets the browser take
// their direction from their first strong letter. With one, they get it as
// `lang` and its direction, which is right even for a quote that starts with
// a number or a Latin name.
import type { Properties } from 'hast';
import { wordsLanguage } from '../story-language.ts';

export function quoteLanguage(language: string | undefined): Properties {
  return language ? { ...wordsLanguage(language) } : { dir: 'auto' };
}
