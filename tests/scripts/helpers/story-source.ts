// Builds converter input: front matter (YAML lines) plus a Markdown or text body.
export const BASE_FRONT_MATTER = ['headline: Test story', 'section: Technology', 'publishedAt: 2024-03-01T10:00:00Z'];

export function storySource(body: string, extra: readonly string[] = []): string {
  return `---\n${[...BASE_FRONT_MATTER, ...extra].join('\n')}\n---\n${body}`;
}

interface SpanLike {
  text: string;
  marks?: string[];
}

/** The text of a Portable Text block, as a reader sees it. */
export function blockText(block: { children?: SpanLike[] }): string {
  return (block.children ?? []).map((s) => s.text).join('');
}
