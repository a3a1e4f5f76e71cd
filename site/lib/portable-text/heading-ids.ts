// rehype plugin: readable, stable ids on subheads ("‘Various Measures’" →
// `various-measures`), unique within one story. github-slugger gives the same
// ids GitHub and rehype-slug do; unlike rehype-slug this falls back to
// `section` for a subhead with no letters ("* * *"), which would otherwise get
// an empty id or "--".
import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { eachElement, textContent } from './hast-build.ts';

const HEADING = /^h[1-6]$/;
const MEANINGFUL = /[\p{L}\p{N}]/u;

export function rehypeHeadingIds() {
  return (tree: Root): undefined => {
    // A fresh slugger per story: ids are unique per page and never depend on
    // which stories the build rendered before this one.
    const slugger = new GithubSlugger();
    eachElement(tree, (node) => {
      if (!HEADING.test(node.tagName) || node.properties.id) return;
      const slug = slugger.slug(textContent(node));
      node.properties.id = MEANINGFUL.test(slug) ? slug : slugger.slug('section');
    });
  };
}
