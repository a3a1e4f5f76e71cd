// The site's icon: the newsroom's initial on its accent colour. Without one,
// browsers ask for /favicon.ico and log the 404 as an error.
import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog/catalog.ts';
import { xmlEscape } from '../lib/feeds/xml.ts';

export const GET: APIRoute = async () => {
  const { settings } = await catalog();
  const initial = xmlEscape(settings.siteName.trim().charAt(0).toUpperCase());
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<rect width="32" height="32" rx="4" fill="#0b4fa3"/>' +
    `<text x="16" y="23" font-family="Georgia,serif" font-size="22" font-weight="bold" fill="#fff" text-anchor="middle">${initial}</text>` +
    '</svg>\n';
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
