// `pullQuote` → `<figure class="pull-quote"><blockquote><p>…</p></blockquote>
// <figcaption>Name, role</figcaption></figure>`: a figure because the quote is
// set apart from the text, with its attribution as the caption.
import type { ElementContent } from 'hast';
import { attribution } from '../attribution.ts';
import type { PullQuoteMember } from '../body-types.ts';
import type { RenderContext } from '../context.ts';
import { element, textWithBreaks } from '../hast-build.ts';

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
  const caption = said ? [element('figcaption', {}, [{ type: 'text', value: said.text }])] : [];
  return [element('figure', { className: [PULL_QUOTE_CLASS] }, [element('blockquote', {}, paragraphs), ...caption])];
}
