// Maps a request path to a file in the release, the way static hosts with
// "pretty URLs" do: /story/x → story/x.html, /section/ → section/index.html.
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

/** The file to serve for `urlPath`, or undefined. Never escapes `root`. */
export async function resolvePath(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.split(sep).includes('..')) return undefined;
  const base = join(root, relative);
  const candidates =
    relative === '' || decoded.endsWith('/')
      ? [join(base, 'index.html')]
      : [base, `${base}.html`, join(base, 'index.html')];
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}
