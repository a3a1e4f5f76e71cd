// Text and attribute values for the XML feeds and sitemaps. Editors' text may
// hold any character; those XML 1.0 forbids (most C0 controls) are dropped.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(value: string | number): string {
  return String(value)
    .replace(FORBIDDEN, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** `<name>text</name>`, or nothing when there is no text. */
export function textElement(name: string, value: string | number | undefined): string {
  return value === undefined || value === '' ? '' : `<${name}>${xmlEscape(value)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
