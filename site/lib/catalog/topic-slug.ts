// Topics are free text on stories ("Artificial Intelligence"), not documents,
// so their page addresses are derived here: ASCII words joined by hyphens,
// accents folded ("São Paulo" → "sao-paulo"). Spellings that fold to the same
// slug ("AI", "ai") share one topic page.
export function topicSlug(topic: string): string {
  return topic
    .normalize('NFKD')
    .replace(/\p{M}|['’]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replaceAll(' ', '-');
}
