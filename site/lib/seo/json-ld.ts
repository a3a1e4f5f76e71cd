// JSON-LD goes into the page inside <script type="application/ld+json">, where
// the HTML parser ends the element at the first "</script": headlines and
// captions are editors' text, so "<" is escaped the way JSON allows.
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
