// rehype plugin: readable, stable ids on subheads ("‘Various Measures’" →
// `various-measures`), unique within one story. github-slugger gives the same
// ids GitHub and rehype-slug do; unlike rehype-slug this falls back to
// `section` for a subhead with no letters ("* * *"), which would otherwise get
// an empty id or "--".
import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { eachElement, textContent } from './hast-build.ts';

const HEADING = /^h[1-6]$/;

/**
 * Ids the story page's own markup uses around the body (Base.astro's skip-link
 * target, SiteFooter.astro, the story page's corrections and related
 * sections). A subhead named "Main" gets `main-1`, so the skip link and the
 * sections' labels keep pointing where they should.
 */
const PAGE_IDS = ['main', 'footer-site', 'corrections-heading', 'related-heading'];
const MEANINGFUL = /[\p{L}\p{N}]/u;

export function rehypeHeadingIds() {
  return (tree: Root): undefined => {
    // A fresh slugger per story: ids are unique per page and never depend on
    // which stories the build rendered before this one.
    const slugger = new GithubSlugger();
    for (const id of PAGE_IDS) slugger.slug(id);
    eachElement(tree, (node) => {
      if (!HEADING.test(node.tagName) || node.properties.id) return;
      const slug = slugger.slug(textContent(node));
      node.properties.id = MEANINGFUL.test(slug) ? slug : slugger.slug('section');
    });
  };
}
