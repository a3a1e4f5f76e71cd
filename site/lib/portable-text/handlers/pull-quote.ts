// `pullQuote` → `<figure class="pull-quote"><blockquote dir="auto"><p>…</p>
// </blockquote><figcaption dir="auto">Name, role</figcaption></figure>`: a
// figure because the quote is set apart from the text, with its attribution
// as the caption.
//
// The quote and the caption each take the direction of their own words
// (`dir="auto"`, the HTML spec's first-strong-character rule): a Persian,
// Arabic or Hebrew quote in an English story is laid out right to left, its
// closing full stop at its left end, not the right where an LTR page puts it.
// A quote that names its language gets it as `lang`, so screen readers speak
// it in that language (WCAG 3.1.2), and the direction of that language.
import type { ElementContent } from 'hast';
import { attribution } from '../attribution.ts';
import type { PullQuoteMember } from '../body-types.ts';
import type { RenderContext } from '../context.ts';
import { element, textWithBreaks } from '../hast-build.ts';
import { quoteLanguage } from '../quote-language.ts';

export const PULL_QUOTE_CLASS = 'pull-quote';

export function renderPullQuote(pullQuote: PullQuoteMember, ctx: RenderContext): ElementContent[] {
  const text = typeof pullQuote.text === 'string' ? pullQuote.text : '';
  // The quote field is multi-line text: a blank line starts a new paragraph.
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => element('p', {}, textWithBreaks(paragraph)));
  if (paragraphs.length === 0) throw new Error('the pull quote has no text');
  const said = attribution(pullQuote.speaker, pullQuote.speakerRole);
  if (!said) ctx.report('UnattributedPullQuote');
  const caption = said ? [element('figcaption', { dir: 'auto' }, [{ type: 'text', value: said.text }])] : [];
  return [
    element('figure', { className: [PULL_QUOTE_CLASS] }, [
      element('blockquote', quoteLanguage(pullQuote.language), paragraphs),
      ...caption,
    ]),
  ];
}
