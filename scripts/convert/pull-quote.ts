// `::pullquote[words]{speaker=key}` (or a `:::pullquote{speaker=key}` container
// around paragraphs) sets a quote apart from the text as a pullQuote block.
import type { ConvertContext } from './context.ts';
import type { PendingBodyMember } from './export-shapes.ts';
import type { ContainerDirective, LeafDirective } from './mdast-types.ts';
import { nodeText } from './node-text.ts';
import { quoteLanguage } from './quote-language.ts';
import { resolveSpeaker } from './speakers.ts';

export function pullQuoteBlocks(node: LeafDirective | ContainerDirective, ctx: ConvertContext): PendingBodyMember[] {
  const prefix = node.type === 'leafDirective' ? '::' : ':::';
  if (node.name !== 'pullquote') ctx.fail('UnknownDirective', [`${prefix}${node.name}`], node);
  const { speaker, speakerRole } = resolveSpeaker(node, ctx, `${prefix}pullquote`);
  const text =
    node.type === 'leafDirective'
      ? nodeText(node).trim()
      : node.children
          .map((child) => nodeText(child).trim())
          .filter(Boolean)
          .join('\n\n');
  if (!text) ctx.fail('EmptyQuote', [], node);
  return [
    {
      _type: 'pullQuote',
      _key: ctx.nextBlockKey(),
      text,
      speaker,
      ...(speakerRole ? { speakerRole } : {}),
      ...quoteLanguage(node, ctx, `${prefix}pullquote`),
    },
  ];
}
