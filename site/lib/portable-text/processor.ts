// Step two: the rehype pass over the hast tree, then HTML. Built once per
// site origin and frozen: creating a unified processor per story would cost
// more than rendering the story.
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { rehypeHeadingIds } from './heading-ids.ts';
import { rehypeHeadingOrder } from './heading-order.ts';
import { rehypeOffsiteLinks } from './offsite-links.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

function createProcessor(siteUrl: string | undefined) {
  return (
    unified()
      .use(rehypeHeadingOrder)
      .use(rehypeHeadingIds)
      .use(rehypeOffsiteLinks, siteUrl)
      // Last before stringifying, so it also checks what the plugins added.
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeStringify)
      .freeze()
  );
}

export type BodyProcessor = ReturnType<typeof createProcessor>;

const processors = new Map<string, BodyProcessor>();

/** The frozen processor for a site origin (a build has one, so this is one processor). */
export function processorFor(siteUrl: string | undefined): BodyProcessor {
  const key = siteUrl ?? '';
  let processor = processors.get(key);
  if (!processor) {
    processor = createProcessor(siteUrl);
    processors.set(key, processor);
  }
  return processor;
}
