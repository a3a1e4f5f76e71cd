/**
 * A meta description from running text: whitespace collapsed, cut at a word
 * boundary near `max` characters, with an ellipsis when anything was cut.
 */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), Math.floor(max / 2)));
  return `${atWord.replace(/[\s,;:.–—-]+$/, '')}…`;
}
