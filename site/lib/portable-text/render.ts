// The whole pipeline for one story body: Portable Text → hast (to-hast.ts) →
// rehype plugins (processor.ts) → HTML, plus the subheads and plain text the
// page also needs.
import type { BodyMember } from './body-types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { collectHeadings, type Heading } from './headings.ts';
import type { RenderOptions } from './options.ts';
import { toPlainText } from './plain-text.ts';
import { processorFor } from './processor.ts';
import { toHast } from './to-hast.ts';

export interface RenderedBody {
  /** Sanitised HTML for the story body; the same input always gives the same bytes. */
  html: string;
  /** Subheads in page order, with the ids the HTML carries. */
  headings: Heading[];
  /** The body's words, blocks separated by a blank line (see toPlainText). */
  plainText: string;
  /** What the renderer worked around; empty for a clean body. Log them with the story. */
  diagnostics: Diagnostic[];
}

export function renderPortableText(body: readonly BodyMember[], options: RenderOptions): RenderedBody {
  const { tree, diagnostics } = toHast(body, options);
  const processor = processorFor(options.siteUrl);
  const processed = processor.runSync(tree);
  return {
    html: processor.stringify(processed),
    headings: collectHeadings(processed),
    plainText: toPlainText(body),
    diagnostics,
  };
}
