// `{lang=fa}` on a quote or pull quote directive: the language of the quoted
// words when it is not the story's (a Persian minister quoted in an English
// story), as a BCP 47 tag the site checks the same way.
import { isLanguageTag } from '../../schemas/language.ts';
import type { ConvertContext } from './context.ts';
import type { ContainerDirective, LeafDirective, TextDirective } from './mdast-types.ts';

export function quoteLanguage(
  node: TextDirective | LeafDirective | ContainerDirective,
  ctx: ConvertContext,
  directive: string,
): { language?: string } {
  const lang = node.attributes?.lang?.trim();
  if (!lang) return {};
  if (!isLanguageTag(lang)) ctx.fail('InvalidQuoteLanguage', [lang, directive], node);
  return { language: lang };
}
