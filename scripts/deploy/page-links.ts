// Parses one page and lists the internal URLs it links to or loads. Used in
// process for small releases and from worker threads for large ones.
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export type PageLinks = { links: string[]; errors: string[] };

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  img: ['src', 'srcSet'],
  source: ['srcSet'],
  script: ['src'],
};

const SOCIAL_IMAGES = new Set(['og:image', 'twitter:image', 'og:image:url', 'og:image:secure_url']);

export function pageLinks(html: string, siteOrigin: string | undefined): PageLinks {
  const errors: string[] = [];
  const tree = fromHtml(html, {
    onerror: (error) => {
      errors.push(`${error.reason} at line ${error.place && 'line' in error.place ? error.place.line : '?'}`);
    },
  });
  return { links: internalLinks(tree, siteOrigin), errors };
}

function internalLinks(tree: Root, siteOrigin: string | undefined): string[] {
  const found = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    // Social cards name their image in <meta content>: it must be in the release too.
    const metaName = String(node.properties.property ?? node.properties.name ?? '');
    if (node.tagName === 'meta' && SOCIAL_IMAGES.has(metaName)) {
      const path = internalPath(String(node.properties.content ?? ''), siteOrigin);
      if (path) found.add(path);
    }
    for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
      const value = node.properties[attribute];
      if (value === undefined || value === null) continue;
      const urls =
        attribute === 'srcSet'
          ? String(Array.isArray(value) ? value.join(',') : value)
              .split(',')
              .map((c) => c.trim().split(/\s+/)[0] ?? '')
          : [String(value)];
      for (const url of urls) {
        const path = internalPath(url, siteOrigin);
        if (path) found.add(path);
      }
    }
  });
  return [...found];
}

function internalPath(url: string, siteOrigin: string | undefined): string | undefined {
  if (!url || url.startsWith('#') || url.startsWith('//')) return undefined;
  if (url.startsWith('/')) return url.split('#')[0];
  if (siteOrigin && url.startsWith(`${siteOrigin}/`)) return url.slice(siteOrigin.length).split('#')[0];
  return undefined;
}
