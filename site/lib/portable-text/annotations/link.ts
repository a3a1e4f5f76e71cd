// `link` → `<a href>`, only for addresses the link policy accepts. Off-site
// `rel` is added later by the rehype pass, so it also covers the site's rewrites.
import type { ElementContent } from 'hast';
import type { LinkMark } from '../body-types.ts';
import { element } from '../hast-build.ts';
import { safeHref } from '../safe-href.ts';
import type { AnnotationHandler } from './handler.ts';

export const renderLink: AnnotationHandler<LinkMark> = (mark, renderChildren, ctx): ElementContent[] => {
  const raw = typeof mark.href === 'string' ? mark.href : '';
  // Browsers cannot nest links; they would split the outer one around the inner.
  if (ctx.insideLink) {
    ctx.report('NestedLink', raw);
    return renderChildren(ctx);
  }
  const safe = safeHref(raw);
  if (safe === undefined) {
    ctx.report('UnsafeLink', raw);
    return renderChildren(ctx);
  }
  const rewritten = ctx.options.linkFor ? ctx.options.linkFor(safe) : safe;
  if (rewritten === undefined) return renderChildren(ctx);
  const href = safeHref(rewritten);
  if (href === undefined) {
    ctx.report('UnsafeLink', rewritten);
    return renderChildren(ctx);
  }
  return [element('a', { href }, renderChildren({ ...ctx, insideLink: true }))];
};
