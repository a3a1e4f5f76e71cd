// The link policy: an allowlist of what an address may look like, applied
// before anything reaches the tree (the sanitiser checks again later). Anything
// we cannot classify with confidence is dropped, because a dropped link costs
// a reader one click while a live `javascript:` link costs them their session.

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

// Browsers silently remove tabs and newlines inside URLs (`java\tscript:`) and
// ignore invisible format characters, so any of them means someone is hiding
// something. A plain space is kept: `tel:+1 212 318 2000` is how people type.
const HIDDEN_OR_BREAKING = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|[^\S ]/u;

// Browsers read `\` as `/`, so `/\evil.example` leaves the site like `//evil.example`.
// Quotes and angle brackets are not banned: the serialiser escapes them, and
// real search links carry them (`?q="exact phrase"`).
const BACKSLASH = /\\/;

// `&#106;avascript:`, `javascript&colon;`: character references have no place
// in a stored address; they only appear when someone pastes encoded HTML or
// tries to sneak a scheme past a filter.
const CHARACTER_REFERENCE = /&(?:#x?[0-9a-f]+;?|[a-z][a-z0-9]*;)/i;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The address rewritten to its safe form, or `undefined` when it must not be linked. */
export function safeHref(raw: string): string | undefined {
  const href = raw.trim();
  if (!href || HIDDEN_OR_BREAKING.test(href) || BACKSLASH.test(href) || CHARACTER_REFERENCE.test(href)) {
    return undefined;
  }
  const firstSegment = href.split(/[/?#]/, 1)[0] ?? '';
  const scheme = SCHEME.exec(href);
  if (!scheme) {
    // A colon (plain or %-encoded) before the first / ? # would make browsers or
    // later decoders read a scheme we did not check.
    if (firstSegment.includes(':') || /%3a/i.test(firstSegment)) return undefined;
    // `//host` keeps the path-looking shape but leaves the site.
    if (href.startsWith('//')) return undefined;
    return href;
  }
  const name = (scheme[1] ?? '').toLowerCase();
  if (!ALLOWED_SCHEMES.has(name)) return undefined;
  const normalised = `${name}:${href.slice(name.length + 1)}`;
  if (name === 'http' || name === 'https') {
    if (!normalised.startsWith(`${name}://`) || !URL.canParse(normalised)) return undefined;
    return new URL(normalised).hostname ? normalised : undefined;
  }
  return normalised.length > name.length + 1 ? normalised : undefined;
}

/** Whether a safe href leaves the site: absolute http(s) to another origin than `siteUrl`. */
export function isOffSite(href: string, siteUrl: string | undefined): boolean {
  if (!/^https?:\/\//.test(href)) return false;
  if (!siteUrl || !URL.canParse(siteUrl)) return true;
  return new URL(href).origin !== new URL(siteUrl).origin;
}
