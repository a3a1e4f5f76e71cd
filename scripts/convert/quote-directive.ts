// `:quote[words]{speaker=key}` marks a direct quote in running text: the words
// stay in the paragraph (the quotation marks around the directive too) under a
// `quotation` annotation, and a `quote` document records them with the speaker.
import type { PhrasingContent } from 'mdast';
import type { ConvertContext } from './context.ts';
import { quoteId, reference, weakReference } from './ids.ts';
import type { InlineBuilder } from './inline-builder.ts';
import type { TextDirective } from './mdast-types.ts';
import { nodeText } from './node-text.ts';
import { quoteLanguage } from './quote-language.ts';
import { resolveSpeaker } from './speakers.ts';

export function textDirective(
  node: TextDirective,
  b: InlineBuilder,
  ctx: ConvertContext,
  convert: (nodes: readonly PhrasingContent[]) => void,
): void {
  if (node.name !== 'quote') {
    otherDirective(node, b, ctx);
    return;
  }
  if (b.inQuote) ctx.fail('NestedQuote', [], node);
  const { key, speaker, speakerRole } = resolveSpeaker(node, ctx, ':quote');
  const text = nodeText(node).trim();
  if (!text) ctx.fail('EmptyQuote', [], node);
  const _id = quoteId(ctx.storyId, key, text);
  ctx.quotes.set(_id, {
    _id,
    _type: 'quote',
    text,
    speaker,
    ...(speakerRole ? { speakerRole } : {}),
    ...quoteLanguage(node, ctx, ':quote'),
    story: weakReference(ctx.storyId),
  });
  b.withMark(b.addMarkDef({ _type: 'quotation', quote: reference(_id) }), () => {
    b.inQuote = true;
    try {
      convert(node.children);
    } finally {
      b.inQuote = false;
    }
  });
}

/**
 * A bare `:word` with no brackets or braces is almost always prose ("10:30",
 * "Note:this"), so it is put back as the text it was. Anything more is a
 * directive the converter does not know.
 */
function otherDirective(node: TextDirective, b: InlineBuilder, ctx: ConvertContext): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const bare = start !== undefined && end !== undefined && end - start === node.name.length + 1;
  if (!bare) ctx.fail('UnknownDirective', [`:${node.name}`], node);
  b.push(`:${node.name}`);
}
