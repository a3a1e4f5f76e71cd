/**
 * Story bodies: Portable Text → hast → rehype → HTML (DESIGN.md, decision 5).
 *
 * ```ts
 * import { renderPortableText, QUOTATION_CSS } from '../lib/portable-text/index.ts';
 *
 * const { html, headings, plainText, diagnostics } = renderPortableText(story.body, {
 *   imageFor: (photo) => ({ src, width, height, srcset, sizes }), // the site publishes the files
 *   linkFor: (href) => href,          // optional: rewrite safe links (base path…); undefined drops the link
 *   siteUrl: 'https://news.example',  // optional: absolute links here are not off-site
 *   documentId: story._id,            // optional: named in diagnostics
 *   strict: false,                    // optional: true throws PortableTextError at the first problem
 * });
 * for (const d of diagnostics) console.warn(`${d.name}: ${d.message} ${d.hint}`);
 * ```
 *
 * The pipeline, step by step:
 * 1. `toHast(body, options)`: one handler per body member type (`bodyHandlers`),
 *    per block style, decorator and annotation, each a typed table. Lists are
 *    nested, links pass the link policy (`safeHref`), and anything unknown is
 *    left out or simplified with a named diagnostic naming the block `_key`/`_type`.
 * 2. A frozen unified processor: heading ids (github-slugger, unique per story),
 *    `rel="noopener noreferrer"` on off-site http(s) links, sanitising with an
 *    explicit allowlist (`sanitizeSchema`), then rehype-stringify
 *    (`processorFor(siteUrl)`; `runSync` a toHast tree, then `stringify` it).
 *
 * Markup the site's CSS hooks onto (all classes are in `sanitizeSchema`):
 * - `<p>`, `<h2 id>`, `<h3 id>`, `<blockquote><p>`, nested `<ul>`/`<ol>`;
 *   `<strong>`, `<em>`, `<code>`, `<u>`, `<s>`; `<br>` for a soft return.
 * - `<q class="quotation" data-speaker data-speaker-role title="Name, role" dir="auto">`
 *   around inline quoted words. The text carries its own quotation marks, so
 *   the stylesheet MUST include `QUOTATION_CSS` (`q.quotation { quotes: none; }`).
 * - `<figure class="pull-quote"><blockquote dir="auto"><p>…</p></blockquote><figcaption dir="auto">Name, role</figcaption></figure>`
 * - `<figure class="photo"><img src alt width height srcset sizes loading="lazy"
 *   decoding="async"><figcaption><span class="caption">Caption</span> <span class="credit">Photographer: …</span></figcaption></figure>`
 *   (the same class hooks as the hero photo's PhotoFigure.astro)
 */

export { QUOTATION_CLASS, QUOTATION_CSS } from './annotations/quotation.ts';
export type { BodyMember, PhotoResult } from './body-types.ts';
export type { Diagnostic, DiagnosticName } from './diagnostics.ts';
export { diagnosticCatalog, PortableTextError } from './diagnostics.ts';
export type { Heading } from './headings.ts';
export type { ImageRendition, RenderOptions } from './options.ts';
export { toPlainText } from './plain-text.ts';
export type { BodyProcessor } from './processor.ts';
export { processorFor } from './processor.ts';
export type { RenderedBody } from './render.ts';
export { renderPortableText } from './render.ts';
export { safeHref } from './safe-href.ts';
export { sanitizeSchema } from './sanitize-schema.ts';
export type { HastResult } from './to-hast.ts';
export { bodyHandlers, toHast } from './to-hast.ts';
