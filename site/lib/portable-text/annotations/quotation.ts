// `quotation` → `<q>` around the quoted words, carrying who said it.
//
// Markup decisions:
// - `<q>` because the words are a quotation; `cite` is not used because it
//   must be the URL of a source document, and the source here is a person.
// - `data-speaker` and `data-speaker-role` carry the attribution for machines
//   (the site's quote pages, search, CSS) as plain text, not as markup to parse.
// - `title="Name, role"` is the one attribute browsers show sighted readers (a
//   tooltip) without rewriting the sentence. House style already names the
//   speaker in the prose ("…," the ministry's spokesman said), so nothing is
//   lost for readers who never see the tooltip.
// - Class `quotation`: the story text keeps its own curly quotation marks
//   outside the annotated words (the Studio asks editors to select the words
//   without them), and browsers draw another pair around every `<q>`. The site
//   stylesheet must include QUOTATION_CSS so readers see one pair, not two.
// - `dir="auto"`: the quoted words may be in another script than the story (a
//   Persian minister quoted in an English story). The attribute isolates them
//   and lays them out in their own direction, so a full stop quoted with them
//   ends the quote on its left, not on its right as the English line would.
//   A quote document that names its language gives `lang` and that
//   language's direction instead (quote-language.ts).
import type { ElementContent, Properties } from 'hast';
import { attribution } from '../attribution.ts';
import type { QuotationMark } from '../body-types.ts';
import { element } from '../hast-build.ts';
import { quoteLanguage } from '../quote-language.ts';
import type { AnnotationHandler } from './handler.ts';

export const QUOTATION_CLASS = 'quotation';

/** The rule the site stylesheet needs so `<q>` does not add a second pair of quotation marks. */
export const QUOTATION_CSS = `q.${QUOTATION_CLASS} { quotes: none; }`;

export const renderQuotation: AnnotationHandler<QuotationMark> = (mark, renderChildren, ctx): ElementContent[] => {
  // The query dereferences `quote`; a deleted quote document comes back empty.
  const quote: Partial<QuotationMark['quote']> | null | undefined = mark.quote;
  const said = quote?.speaker ? attribution(quote.speaker, quote.speakerRole) : undefined;
  const properties: Properties = { className: [QUOTATION_CLASS] };
  if (said) {
    properties.dataSpeaker = said.name;
    const role = quote?.speakerRole?.trim();
    if (role) properties.dataSpeakerRole = role;
    properties.title = said.text;
  } else {
    ctx.report('UnresolvedQuote');
  }
  Object.assign(properties, quoteLanguage(quote?.language));
  return [element('q', properties, renderChildren(ctx))];
};
