// rehype plugin: a story's subheads never skip a level. The page's headline
// is its h1, so a body whose first subhead is a "Minor subhead" (h3) would
// jump from h1 to h3, which screen-reader users navigate by and WCAG 1.3.1
// asks against. Until the body has had an h2, an h3 is printed as an h2.
import type { Root } from 'hast';
import { eachElement } from './hast-build.ts';

export function rehypeHeadingOrder() {
  return (tree: Root): undefined => {
    let underH2 = false;
    eachElement(tree, (node) => {
      if (node.tagName === 'h2') underH2 = true;
      else if (node.tagName === 'h3' && !underH2) {
        node.tagName = 'h2';
        underH2 = true;
      }
    });
  };
}
