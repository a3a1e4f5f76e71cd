// Quality gates on every file of a built site: each page is valid HTML
// (html-validate), and every internal link, image, script, feed and sitemap
// URL resolves to a file the edge would serve, the way the edge resolves it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePath } from '../../scripts/edge/resolve-path.ts';
import { srcsetUrls } from '../../site/lib/portable-text/srcset.ts';
import { buildFixtureSite, builtFiles, type FixtureSite, SITE_URL } from './support/fixture-site.ts';

let site: FixtureSite;
let pages: string[];

beforeAll(async () => {
  site = await buildFixtureSite();
  pages = builtFiles(site.outDir).filter((f) => f.endsWith('.html'));
});

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // The blurred placeholder behind each photo is its one inline style: a
    // data: URL per image, which a stylesheet could only hold per page.
    'no-inline-style': 'off',
    // Headlines may run to 110 characters (the schema warns there); editors
    // set a shorter SEO title for search results when they want one.
    'long-title': 'off',
    // Support numbers keep their spaces for screen readers and copy-paste;
    // the stylesheet keeps them on one line (white-space: nowrap).
    'tel-non-breaking': 'off',
    // Integrity hashes guard files from other origins; the search script is the site's own.
    'require-sri': ['error', { target: 'crossorigin' }],
  },
});

describe('html-validate', () => {
  it('finds no error on any built page', async () => {
    expect(pages.length).toBeGreaterThan(150);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(join(site.outDir, file), 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // html-validate does not see it, but anything after </html> is a parse error
  // (a "stray start tag"): browsers recover by moving it into the body.
  it('ends every page at </html>', () => {
    const trailing = pages.flatMap((file) => {
      const html = readFileSync(join(site.outDir, file), 'utf8');
      const after = html.slice(html.lastIndexOf('</html>') + '</html>'.length).trim();
      return after ? [`${file}: ${after.slice(0, 120)}`] : [];
    });
    expect(trailing).toEqual([]);
  });
});

/** The site path a URL in a page points at, or undefined for other sites and schemes. */
function internalPath(url: string, from: string): string | undefined {
  if (/^(mailto|tel|data):/i.test(url)) return undefined;
  const base = new URL(`/${from.replace(/(index)?\.html$/, '')}`, SITE_URL);
  const resolved = new URL(url, base);
  if (resolved.origin !== new URL(SITE_URL).origin) return undefined;
  return resolved.pathname;
}

function urlsIn(page: Root): { url: string; what: string }[] {
  const attr = (selector: string, name: string) =>
    selectAll(selector, page).map((el: Element) => ({ url: String(el.properties[name]), what: selector }));
  const srcsets = selectAll('img[srcset], source[srcset]', page).flatMap((el) =>
    srcsetUrls(String(el.properties.srcSet)).map((url) => ({ url, what: `${el.tagName} srcset` })),
  );
  return [
    ...attr('a[href]', 'href'),
    ...attr('link[href]', 'href'),
    ...attr('img[src]', 'src'),
    ...attr('script[src]', 'src'),
    ...attr('meta[property="og:image"], meta[name="twitter:image"], meta[property="og:url"]', 'content'),
    ...srcsets,
  ];
}

describe('links', () => {
  it('resolves every internal link, image and script of every page, and every #fragment', async () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const page = fromHtml(readFileSync(join(site.outDir, file), 'utf8'));
      const ids = new Set(selectAll('[id]', page).map((el) => String(el.properties.id)));
      for (const { url, what } of urlsIn(page)) {
        if (url.startsWith('#')) {
          if (!ids.has(url.slice(1))) broken.push(`${file}: ${what} ${url} (no such id)`);
          continue;
        }
        const path = internalPath(url, file);
        if (path === undefined) continue;
        checked++;
        if (!(await resolvePath(site.outDir, path))) broken.push(`${file}: ${what} ${url}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it('resolves every URL the feeds and sitemaps give', async () => {
    const files = builtFiles(site.outDir).filter((f) => /\.(xml|json)$/.test(f) && !f.startsWith('pagefind/'));
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      const body = readFileSync(join(site.outDir, file), 'utf8');
      const urls = [...body.matchAll(/https:\/\/news\.example[^\s"<&]*/g)].map((m) => m[0]);
      for (const url of urls) {
        checked++;
        if (!(await resolvePath(site.outDir, new URL(url).pathname))) broken.push(`${file}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});
