// A small HTML tokenizer for tests: enough of the HTML syntax to read what the
// renderer and the reference renderer print (quoted attributes that contain
// `>`, character references, void elements written `<br/>` or `<br>`), so
// tests can compare meaning instead of bytes and inspect every attribute.

export interface StartTag {
  kind: 'start';
  name: string;
  attributes: [name: string, value: string][];
}
export interface EndTag {
  kind: 'end';
  name: string;
}
export interface Text {
  kind: 'text';
  value: string;
}
export type Token = StartTag | EndTag | Text;

// The references the renderers in these tests print; anything else is left
// as written, so an unexpected one shows up as a difference.
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return String.fromCodePoint(code);
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

export function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', value: decodeReferences(text) });
    text = '';
  };
  while (i < html.length) {
    const end = /^<\/([a-zA-Z][^\s/>]*)\s*>/.exec(html.slice(i));
    if (end) {
      flush();
      tokens.push({ kind: 'end', name: (end[1] ?? '').toLowerCase() });
      i += end[0].length;
      continue;
    }
    const start = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(i));
    if (!start) {
      text += html[i];
      i += 1;
      continue;
    }
    flush();
    i += start[0].length;
    const attributes: [string, string][] = [];
    for (;;) {
      while (i < html.length && /[\s/]/.test(html[i] ?? '')) i += 1;
      if (i >= html.length || html[i] === '>') break;
      const name = /^[^\s/>=]+/.exec(html.slice(i))?.[0] ?? html[i] ?? '';
      i += name.length;
      while (/\s/.test(html[i] ?? '')) i += 1;
      let value = '';
      if (html[i] === '=') {
        i += 1;
        while (/\s/.test(html[i] ?? '')) i += 1;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          const stop = close === -1 ? html.length : close;
          value = html.slice(i + 1, stop);
          i = stop + 1;
        } else {
          value = /^[^\s>]*/.exec(html.slice(i))?.[0] ?? '';
          i += value.length;
        }
      }
      attributes.push([name.toLowerCase(), decodeReferences(value)]);
    }
    i += 1;
    tokens.push({ kind: 'start', name: (start[1] ?? '').toLowerCase(), attributes });
  }
  flush();
  return tokens;
}

const escapeText = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\u00a0', '&nbsp;');
const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('\u00a0', '&nbsp;');

/**
 * One spelling per meaning: references decoded and re-escaped the same way,
 * attributes sorted, `<br/>` as `<br>`. Non-breaking spaces stay distinct
 * from spaces because browsers render them differently.
 */
export function canonicalHtml(
  html: string,
  dropAttribute?: (tag: string, name: string, value: string) => boolean,
): string {
  return tokenize(html)
    .map((token) => {
      if (token.kind === 'text') return escapeText(token.value);
      if (token.kind === 'end') return `</${token.name}>`;
      const attributes = token.attributes
        .filter(([name, value]) => !dropAttribute?.(token.name, name, value))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
        .join('');
      return `<${token.name}${attributes}>`;
    })
    .join('');
}
