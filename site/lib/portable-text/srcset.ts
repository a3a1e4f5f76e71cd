// The image URLs inside a `srcset` value, read the way browsers read it:
// a URL runs to the next whitespace (it may hold commas, as CDN transform
// URLs do), and a candidate ends at a comma after its descriptors.
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (!rest) return urls;
    const url = /^\S+/.exec(rest)?.[0] ?? '';
    rest = rest.slice(url.length);
    const trailingCommas = /,+$/.exec(url)?.[0] ?? '';
    urls.push(url.slice(0, url.length - trailingCommas.length));
    // Descriptors ("640w", "2x") run to the next comma.
    if (!trailingCommas) rest = rest.replace(/^[^,]*/, '');
  }
}
