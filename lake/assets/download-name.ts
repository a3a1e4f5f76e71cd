// `?dl=<name>` on an asset URL: Sanity's CDN (like imgix, whose parameter it
// is) answers with the file as an attachment under that name, so the browser
// saves it rather than showing it. The Studio's image and file menus link
// "Download" to `<url>?dl=<original file name>` in a new tab and rely on this:
// the Studio is on another origin, where a link's `download` attribute does
// nothing. `?dl` with no name saves the file under the name in its URL.

/** The Content-Disposition header `?dl` asks for, or none when the URL has no `dl`. */
export function downloadHeaders(search: URLSearchParams, urlName: string): Record<string, string> {
  const asked = search.get('dl');
  if (asked === null) return {};
  const name = asked.trim() || urlName;
  return { 'content-disposition': attachment(name) };
}

/**
 * RFC 6266: a plain-ASCII `filename` for old clients, and `filename*` in
 * UTF-8 for names such as "Tehrān – ministry.jpg". Quotes, backslashes,
 * control characters and path separators cannot reach the header as such, nor
 * can invisible format characters (a right-to-left override would save
 * "photo\u202Egpj.exe" as if it were "photoexe.jpg").
 */
function attachment(name: string): string {
  const safe = name.replace(/[\p{Cc}\p{Cf}/\\]/gu, '_');
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

/** Percent-encoding for `filename*`: encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987 does not allow. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
